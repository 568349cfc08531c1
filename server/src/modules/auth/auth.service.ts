import { createHash, randomBytes } from 'node:crypto';
import { type Actor, DomainError, named, type Role } from '@opendti/core';
import { and, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { preparedPerDatabase } from '../../db/prepared-per-database.js';
import { loginThrottle, sessions, users } from '../../db/schema/index.js';
import type { SessionActor } from '../../http/authenticate.js';
import { recordAudit } from '../audit/audit.service.js';
import { raiseLockedOut, raisePasswordReset } from '../notifications/raise-events.js';
import { hashPassword, passwordWeakness, UNKNOWN_USER_HASH, verifyPassword } from './password.js';

/** After this many wrong passwords in a row an account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failures from one client address within the window before it must wait (slows guessing across accounts). */
export const MAX_CLIENT_FAILURES = 20;
export const CLIENT_WINDOW_MINUTES = 15;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function unauthenticated(): DomainError {
  return new DomainError('unauthenticated', [{ code: 'auth.wrong-credentials' }]);
}

/** The login_throttle key counting the failures of a username no account has. */
export function unknownUsernameKey(normalisedUsername: string): string {
  return `user:${normalisedUsername}`;
}

/** Failure counts older than this are swept from login_throttle at the next successful sign-in. */
export const THROTTLE_MEMORY_DAYS = 30;

/**
 * Checks a username and password and opens a session. Every failure says the same thing (no
 * account enumeration); failures count per account (temporary lockout) and per client address
 * (a pause), both in the database so that every app process sees them.
 *
 * Each attempt is counted *before* its password is verified, by one atomic statement per count
 * (an UPDATE or upsert … RETURNING), and only an attempt whose number is within the limit is
 * verified; a right password gives its attempt back. Counting after the 60 ms verification let
 * 100 parallel guesses at one account all read "4 failures so far": 13–22 of them were verified
 * against a limit of 5, and 23 against 20 per address.
 *
 * A username that no account has is counted and "locked" exactly like an account (in
 * login_throttle, under `user:<name>`, without creating anything), so that the lockout answer does
 * not tell an attacker which usernames exist: same status, code, message and minutes, after the
 * same number of failures, and the same work (both counts, one argon2 verification) either way.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; clientKey: string; sessionHours: number; now: Date },
): Promise<{ token: string; actor: SessionActor; expiresAt: Date }> {
  const { now } = input;
  const client = await claimClientAttempt(db, input.clientKey, now);
  if (client.failures > MAX_CLIENT_FAILURES) {
    const seconds = Math.ceil((client.windowStartedAt.getTime() + CLIENT_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000);
    throw new DomainError('forbidden', [{ code: 'http.rate-limited', params: { seconds } }]);
  }

  const username = input.username.trim().toLowerCase();
  // Both counts are taken for every sign-in, known username or not, so that neither path is the faster.
  const [account, unknownName] = await Promise.all([
    claimAccountAttempt(db, eq(users.username, username), now),
    claimUnknownNameAttempt(db, unknownUsernameKey(username), now),
  ]);
  const user = account?.user;
  const attempt = account ? account.attempt : unknownName;
  if (attempt.lockedUntil) throw locked(attempt.lockedUntil, now);

  const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, input.password);
  if (!user || !passwordMatches || user.disabled) {
    if (user && !passwordMatches) await lockIfLastAttempt(db, user.id, attempt.number, now);
    throw unauthenticated();
  }

  await Promise.all([resetAccountAttempts(db, user.id), giveBackClientAttempt(db, input.clientKey)]);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.sessionHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
  // Expired sessions of anyone, and failure counts nobody has added to for a month, are swept on
  // login, so that neither table grows without bound.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db
    .delete(loginThrottle)
    .where(lt(loginThrottle.windowStartedAt, new Date(now.getTime() - THROTTLE_MEMORY_DAYS * 86_400_000)));
  return {
    token,
    expiresAt,
    actor: {
      userId: user.id,
      role: user.role as Role,
      unitId: user.unitId ?? undefined,
      assignedScopes: user.assignedScopes,
      username: user.username,
      displayName: user.displayName,
      csrfToken,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

function locked(lockedUntil: Date, now: Date): DomainError {
  const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
  return new DomainError('forbidden', [{ code: 'auth.locked', params: { minutes } }]);
}

/** One counted attempt at a password: its number since the last lock or success, or the lock that refuses it. */
interface Attempt {
  number: number;
  lockedUntil?: Date;
}

/**
 * Counts an attempt at an account's password, atomically. A lock that has run out is lifted and the
 * count starts again from one; a live lock is left as it is and refuses the attempt. An attempt
 * numbered past the limit is refused as locked too: the limit's own attempt is still being
 * verified, and its failure sets the lock (lockIfLastAttempt).
 */
async function claimAccountAttempt(
  db: Database,
  which: SQL,
  now: Date,
): Promise<{ user: typeof users.$inferSelect; attempt: Attempt } | undefined> {
  const lockLive = sql`${users.lockedUntil} is not null and ${users.lockedUntil} > ${now}`;
  const [user] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${lockLive} then ${users.failedLogins} when ${users.lockedUntil} is not null then 1 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${lockLive} then ${users.lockedUntil} else null end`,
    })
    .where(which)
    .returning();
  if (!user) return undefined;
  const lockedUntil =
    user.lockedUntil && user.lockedUntil > now
      ? user.lockedUntil
      : user.failedLogins > MAX_FAILED_LOGINS
        ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000)
        : undefined;
  return { user, attempt: { number: user.failedLogins, lockedUntil } };
}

/** The limit's own attempt failed: the account is locked for LOCKOUT_MINUTES, and the lock audited. */
async function lockIfLastAttempt(db: Database, userId: string, attempt: number, now: Date): Promise<void> {
  if (attempt !== MAX_FAILED_LOGINS) return;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  // The lock, its audit entry and the account holder's notification commit together.
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actor: undefined,
      action: 'auth.locked',
      entityType: 'user',
      entityId: userId,
      newValue: { lockedMinutes: LOCKOUT_MINUTES },
    });
    await raiseLockedOut(tx, userId, lockedUntil, LOCKOUT_MINUTES);
  });
}

async function resetAccountAttempts(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/**
 * Counts an attempt at a username no account has (its row also counts for a real account's name,
 * unread, so that both paths do the same work). The MAX_FAILED_LOGINS-th attempt starts a lock of
 * LOCKOUT_MINUTES at `windowStartedAt`, as for an account; attempts during the lock keep counting
 * past the limit, which marks them locked; once the lock has run out the count starts again from one.
 */
async function claimUnknownNameAttempt(db: Database, nameKey: string, now: Date): Promise<Attempt> {
  const lockStart = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const lockLive = sql`${loginThrottle.failures} >= ${MAX_FAILED_LOGINS} and ${loginThrottle.windowStartedAt} > ${lockStart}`;
  const [row] = await db
    .insert(loginThrottle)
    .values({ clientKey: nameKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.clientKey,
      set: {
        failures: sql`case when ${lockLive} then ${loginThrottle.failures} + 1 when ${loginThrottle.failures} >= ${MAX_FAILED_LOGINS} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${lockLive} then ${loginThrottle.windowStartedAt} else ${now} end`,
      },
    })
    .returning();
  const failures = row?.failures ?? 1;
  const lockedUntil =
    row && failures > MAX_FAILED_LOGINS ? new Date(row.windowStartedAt.getTime() + LOCKOUT_MINUTES * 60_000) : undefined;
  return { number: failures, lockedUntil };
}

/** Counts an attempt from a client address within its window (from the window's first attempt). */
async function claimClientAttempt(
  db: Database,
  clientKey: string,
  now: Date,
): Promise<{ failures: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - CLIENT_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .insert(loginThrottle)
    .values({ clientKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.clientKey,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} > ${windowStart} then ${loginThrottle.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} > ${windowStart} then ${loginThrottle.windowStartedAt} else ${now} end`,
      },
    })
    .returning();
  return { failures: row?.failures ?? 1, windowStartedAt: row?.windowStartedAt ?? now };
}

/** A successful sign-in was no failure: its address gets the attempt back. */
async function giveBackClientAttempt(db: Database, clientKey: string): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(eq(loginThrottle.clientKey, clientKey));
}

/** The session lookup runs on every signed-in request: prepared once per database. */
const sessionLookup = preparedPerDatabase((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('actor_for_token'),
);

/** The actor of a session token, or undefined when it is unknown, expired or its user disabled. */
export async function actorForToken(db: Database, token: string, now: Date): Promise<SessionActor | undefined> {
  const [row] = await sessionLookup(db).execute({ tokenHash: hashToken(token), now: now.toISOString() });
  if (!row || row.user.disabled) return undefined;
  return {
    userId: row.user.id,
    role: row.user.role as Role,
    unitId: row.user.unitId ?? undefined,
    assignedScopes: row.user.assignedScopes,
    username: row.user.username,
    displayName: row.user.displayName,
    csrfToken: row.session.csrfToken,
    mustChangePassword: row.user.mustChangePassword,
  };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Changes one's own password; every other session of the account ends. */
export async function changePassword(
  db: Database,
  actor: SessionActor,
  input: { currentPassword: string; newPassword: string; keepToken: string },
): Promise<void> {
  // A wrong current password counts like a failed sign-in, against the same limit and lock: a stolen
  // session could otherwise guess it without end, then change it and end the owner's sessions.
  const now = new Date();
  const account = await claimAccountAttempt(db, eq(users.id, actor.userId), now);
  if (!account) throw unauthenticated();
  if (account.attempt.lockedUntil) throw locked(account.attempt.lockedUntil, now);
  const user = account.user;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await lockIfLastAttempt(db, user.id, account.attempt.number, now);
    throw new DomainError('invalid-input', [{ code: 'auth.wrong-current-password' }]);
  }
  await resetAccountAttempts(db, user.id);
  // The administrator knows a temporary password: keeping it would undo the point of changing it.
  if (input.newPassword === input.currentPassword) throw new DomainError('invalid-input', [{ code: 'auth.password-unchanged' }]);
  const weakness = passwordWeakness(input.newPassword);
  if (weakness) throw new DomainError('invalid-input', [weakness]);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false })
    .where(eq(users.id, user.id));
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.tokenHash} <> ${hashToken(input.keepToken)}`));
  await recordAudit(db, { actor, action: 'auth.password-changed', entityType: 'user', entityId: user.id });
}

/** An administrator (or the operator at the console: no actor) sets a temporary password; the user must change it at next sign-in. */
export async function resetPassword(
  db: Database,
  actor: Actor | undefined,
  userId: string,
  temporaryPassword: string,
): Promise<void> {
  const weakness = passwordWeakness(temporaryPassword);
  if (weakness) throw new DomainError('invalid-input', [weakness]);
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0)
      throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('user', userId) } }]);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actor, action: 'auth.password-reset', entityType: 'user', entityId: userId });
    // The holder learns of it, by e-mail too: a reset they did not ask for is a warning sign.
    await raisePasswordReset(tx, userId, new Date());
  });
}
