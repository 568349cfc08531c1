import { hash, type Options, verify } from '@node-rs/argon2';
import { type Problem, unmetPasswordRules } from '@opendti/core';

/**
 * argon2id, m = 19 MiB, t = 2, p = 1 (OWASP's minimum, and the library's defaults, named here so that
 * a change of either is seen), about 30–60 ms a hash on this machine. The PHC string records the
 * parameters, so they can be raised later without invalidating stored hashes — but raise
 * UNKNOWN_USER_HASH with them (a test compares them).
 */
// The algorithm is left at the library's argon2id (its enum is a const enum, out of reach here).
export const PASSWORD_HASH_OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never authenticates
  }
}

/**
 * A hash of a random password, verified against when the username is unknown, so timing does not
 * reveal accounts. Its parameters must be PASSWORD_HASH_OPTIONS': a cheaper hash here would answer
 * unknown usernames measurably faster (sign-in-timing.test.ts).
 */
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
