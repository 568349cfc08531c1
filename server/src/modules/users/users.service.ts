import type { Static } from '@fastify/type-provider-typebox';
import { type Actor, DomainError, named, ROLES, type Role } from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword, passwordWeakness } from '../auth/password.js';
import { getUnit } from '../units/units.service.js';
import type { NewUserBody, UserChangesBody } from './user-schemas.js';

/** A new account: the route's body; the demo seed also says whether its password is temporary. */
export type UserInput = Static<typeof NewUserBody> & { mustChangePassword?: boolean };

const UNIT_ROLES: Role[] = ['unitReporter', 'unitLeader'];

function checkRole(role: string, unitId: string | null | undefined): void {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new DomainError('invalid-input', [
      { code: 'http.validation', params: { detail: `vai trò "${role}" không tồn tại (${ROLES.join(', ')})` } },
    ]);
  }
  // A unit role without a unit could read nothing; a council role with one would suggest a scope it does not have.
  if (UNIT_ROLES.includes(role as Role) !== Boolean(unitId)) {
    throw new DomainError('invalid-input', [
      {
        code: 'http.validation',
        params: { detail: 'cán bộ nhập liệu và lãnh đạo đơn vị phải thuộc một đơn vị; các vai trò khác thì không' },
      },
    ]);
  }
}

export function presentUser(user: typeof users.$inferSelect) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    assignedScopes: user.assignedScopes,
    email: user.email,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil,
    createdAt: user.createdAt,
  };
}

export async function listUsers(db: Database) {
  return (await db.select().from(users).orderBy(users.username)).map(presentUser);
}

export async function createUser(db: Database, actor: Actor | undefined, input: UserInput) {
  checkRole(input.role, input.unitId);
  if (input.unitId) await getUnit(db, input.unitId); // 404 for an unknown unit, not a foreign-key failure
  const weakness = passwordWeakness(input.password);
  if (weakness) throw new DomainError('invalid-input', [weakness]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username.trim().toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ?? null,
        assignedScopes: input.assignedScopes ?? [],
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? true,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw new DomainError('conflict', [
        { code: 'http.validation', params: { detail: `tên đăng nhập "${input.username}" đã có` } },
      ]);
    await recordAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      newValue: {
        username: created.username,
        role: created.role,
        unitId: created.unitId,
        assignedScopes: created.assignedScopes,
      },
    });
    return presentUser(created);
  });
}

export async function updateUser(db: Database, actor: Actor, userId: string, input: Static<typeof UserChangesBody>) {
  if (input.unitId) await getUnit(db, input.unitId);
  return db.transaction(async (tx) => {
    // The active administrators' rows are locked first, so that two administrators demoting each
    // other at the same moment cannot both see the other one still there.
    const administrators = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'administrator'), eq(users.disabled, false)))
      .for('update');
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    if (!before) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('user', userId) } }]);
    checkRole(input.role ?? before.role, input.unitId === undefined ? before.unitId : input.unitId);
    const removesAdministrator =
      before.role === 'administrator' &&
      !before.disabled &&
      ((input.role !== undefined && input.role !== 'administrator') || input.disabled === true);
    // With no active administrator nobody could create accounts or reset passwords again, except by
    // editing the database (issue 9, §4); `opendti users create-admin` is the operator's way back.
    if (removesAdministrator && administrators.length <= 1) {
      throw new DomainError('conflict', [{ code: 'user.last-administrator' }]);
    }
    const [after] = await tx.update(users).set(input).where(eq(users.id, userId)).returning();
    if (!after) throw new Error('update returned nothing');
    // A change of role, unit or status takes effect now, not at the next sign-in.
    if (input.role !== undefined || input.unitId !== undefined || input.disabled)
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      actor,
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      oldValue: {
        role: before.role,
        unitId: before.unitId,
        assignedScopes: before.assignedScopes,
        disabled: before.disabled,
        email: before.email,
      },
      newValue: {
        role: after.role,
        unitId: after.unitId,
        assignedScopes: after.assignedScopes,
        disabled: after.disabled,
        email: after.email,
      },
    });
    return presentUser(after);
  });
}
