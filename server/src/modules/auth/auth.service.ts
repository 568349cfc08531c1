import { createHash, randomBytes } from 'node:crypto';
import { type Actor, DomainError, named, type Role } from '@opendti/core';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { preparedPerDatabase } from '../../db/prepared-per-database.js';
import { loginThrottle, sessions, users } from '../../db/schema/index.js';
import type { SessionActor } from '../../http/authenticate.js';
import { recordAudit } from '../audit/audit.service.js';
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
 * A username that no account has is counted and "locked" exactly like an account (in
 * login_throttle, under `user:<name>`, without creating anything), so that the lockout answer does
 * not tell an attacker which usernames exist: same status, code, message and minutes, after the
 * same number of failures, and the same work (one argon2 verification, the same reads) either way.
 */
export async function login(
  db: Database,
  input: { username: string; password: string; clientKey: string; sessionHours: number; now: Date },
): Promise<{ token: string; actor: SessionActor; expiresAt: Date }> {
  const { now } = input;
  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.clientKey, input.clientKey));
  const windowStart = new Date(now.getTime() - CLIENT_WINDOW_MINUTES * 60_000);
  if (throttle && throttle.windowStartedAt > windowStart && throttle.failures >= MAX_CLIENT_FAILURES) {
    const seconds = Math.ceil((throttle.windowStartedAt.getTime() + CLIENT_WINDOW_MINUTES * 60_000 - now.getTime()) / 1000);
    throw new DomainError('forbidden', [{ code: 'http.rate-limited', params: { seconds } }]);
  }

  const username = input.username.trim().toLowerCase();
  const nameKey = unknownUsernameKey(username);
  // Both reads happen for every sign-in, known username or not, so that neither path is the faster.
  const [[user], [unknownName]] = await Promise.all([
    db.select().from(users).where(eq(users.username, username)),
    db.select().from(loginThrottle).where(eq(loginThrottle.clientKey, nameKey)),
  ]);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, input.password);
  const lockedUntil = user ? user.lockedUntil : unknownNameLockedUntil(unknownName);
  if (lockedUntil && lockedUntil > now) {
    await countClientFailure(db, input.clientKey, now, windowStart);
    throw locked(lockedUntil, now);
  }
  if (!user || !passwordMatches || user.disabled) {
    await countClientFailure(db, input.clientKey, now, windowStart);
    if (!user) {
      await countUnknownNameFailure(db, nameKey, now);
    } else if (!passwordMatches) {
      const failures = user.failedLogins + 1;
      const locks = failures >= MAX_FAILED_LOGINS;
      await db
        .update(users)
        .set({
          failedLogins: locks ? 0 : failures,
          lockedUntil: locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null,
        })
        .where(eq(users.id, user.id));
      if (locks) {
        await recordAudit(db, {
          actor: undefined,
          action: 'auth.locked',
          entityType: 'user',
          entityId: user.id,
          newValue: { lockedMinutes: LOCKOUT_MINUTES },
        });
      }
    }
    throw unauthenticated();
  }

  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
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

/**
 * An unknown username's row counts its failures since its last "lock", and `windowStartedAt` is the
 * time of the last one: the MAX_FAILED_LOGINS-th failure starts a lock of LOCKOUT_MINUTES, as it
 * does for an account, and once the lock has run out the count starts again from one.
 */
function unknownNameLockedUntil(row: typeof loginThrottle.$inferSelect | undefined): Date | undefined {
  if (!row || row.failures < MAX_FAILED_LOGINS) return undefined;
  return new Date(row.windowStartedAt.getTime() + LOCKOUT_MINUTES * 60_000);
}

async function countUnknownNameFailure(db: Database, nameKey: string, now: Date): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ clientKey: nameKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.clientKey,
      set: {
        failures: sql`case when ${loginThrottle.failures} >= ${MAX_FAILED_LOGINS} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: now,
      },
    });
}

async function countClientFailure(db: Database, clientKey: string, now: Date, windowStart: Date): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ clientKey, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.clientKey,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} > ${windowStart} then ${loginThrottle.failures} + 1 else 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} > ${windowStart} then ${loginThrottle.windowStartedAt} else ${now} end`,
      },
    });
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
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('invalid-input', [{ code: 'auth.wrong-current-password' }]);
  }
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

/** An administrator sets a temporary password; the user must change it at next sign-in. */
export async function resetPassword(db: Database, actor: Actor, userId: string, temporaryPassword: string): Promise<void> {
  const weakness = passwordWeakness(temporaryPassword);
  if (weakness) throw new DomainError('invalid-input', [weakness]);
  const updated = await db
    .update(users)
    .set({ passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true, failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (updated.length === 0)
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('user', userId) } }]);
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await recordAudit(db, { actor, action: 'auth.password-reset', entityType: 'user', entityId: userId });
}
