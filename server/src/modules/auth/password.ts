import { hash, verify } from '@node-rs/argon2';
import { type Problem, unmetPasswordRules } from '@opendti/core';

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

/**
 * The problem with a new or temporary password, or undefined when it follows core's rules (the web
 * app states and checks the same list). Only the first broken rule is named, in both languages.
 */
export function passwordWeakness(password: string): Problem | undefined {
  const [broken] = unmetPasswordRules(password);
  if (!broken) return undefined;
  return { code: 'auth.weak-password', params: { detail: broken.text.vi, detailEn: broken.text.en } };
}
