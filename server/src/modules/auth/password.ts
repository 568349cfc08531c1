import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum), about 30–60 ms
 * a hash on this machine. The PHC string records the parameters, so they can be raised later
 * without invalidating stored hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

/** A hash of a random password, verified against when the username is unknown, so timing does not reveal accounts. */
export const UNKNOWN_USER_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$mg6r2i4J93gCC4R+ciFDMw$OIpoMkALeaqpeHjdSyrFIiW9PsDqI1XV0HKz3FR7c74';

/** Minimum rules a council member can remember: 10+ characters, not all one kind. */
export function passwordWeakness(password: string): string | undefined {
  if (password.length < 10) return 'mật khẩu cần ít nhất 10 ký tự (at least 10 characters)';
  if (password.length > 200) return 'mật khẩu quá dài (at most 200 characters)';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (kinds < 2) return 'mật khẩu cần có ít nhất hai loại ký tự: chữ thường, chữ hoa, số, ký hiệu (two kinds of characters)';
  return undefined;
}
