import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  compareVietnamese,
  DomainError,
  endsBeforeItBegins,
  formatCalendarDay,
  matchesSearch,
  named,
  parentLoop,
  UNIT_KINDS,
} from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { units } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import type { UnitBody, UnitReplacementBody } from './unit-schemas.js';

export type UnitRow = typeof units.$inferSelect;

export type UnitInput = Static<typeof UnitBody>;

/**
 * Units sorted the Vietnamese way (Đ after D) and searched without diacritics ("dien bien" finds
 * "Điện Biên"): both in the application, since PGlite's collations put "Đ…" last (STACK-NOTES).
 * A province has at most a few thousand units, so filtering in memory is cheap.
 */
export async function listUnits(db: Database, filter: { search?: string; kind?: string }): Promise<UnitRow[]> {
  const rows = await db.select().from(units);
  return rows
    .filter((unit) => (filter.kind ? unit.kind === filter.kind : true))
    .filter((unit) => (filter.search ? matchesSearch(`${unit.code} ${unit.name}`, filter.search) : true))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

export async function getUnit(db: Database, id: string): Promise<UnitRow> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  if (!unit) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', id) } }]);
  return unit;
}

function checkKind(kind: string): void {
  if (!(UNIT_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('invalid-input', [
      { code: 'http.validation', params: { detail: `loại đơn vị "${kind}" không hợp lệ (${UNIT_KINDS.join(', ')})` } },
    ]);
  }
}

/** Refuses a unit whose activity ends before it begins, naming the field. */
function checkActivity(activeFrom: string | null | undefined, activeTo: string | null | undefined): void {
  if (endsBeforeItBegins(activeFrom, activeTo)) {
    throw new DomainError('invalid-input', [
      {
        code: 'unit.ends-before-start',
        params: { activeFrom: formatCalendarDay(activeFrom ?? ''), activeTo: formatCalendarDay(activeTo ?? '') },
      },
    ]);
  }
}

/** Refuses a parent that would put the unit under itself or one of its own descendants. */
async function checkParent(db: Pick<Database, 'select'>, unit: UnitRow, parentId: string): Promise<void> {
  if (parentId === unit.id) throw new DomainError('invalid-input', [{ code: 'unit.self-parent', params: { unit: unit.code } }]);
  const all = await db.select({ id: units.id, code: units.code, parentId: units.parentId }).from(units);
  const loop = parentLoop(new Map(all.map((row) => [row.id, row.parentId])), unit.id, parentId);
  if (!loop) return;
  const codeOf = new Map(all.map((row) => [row.id, row.code]));
  throw new DomainError('invalid-input', [
    {
      code: 'unit.parent-loop',
      params: {
        unit: unit.code,
        parent: codeOf.get(parentId) ?? parentId,
        chain: loop.map((id) => codeOf.get(id) ?? id).join(' → '),
      },
    },
  ]);
}

export async function createUnit(db: Database, actor: Actor, input: UnitInput): Promise<UnitRow> {
  checkKind(input.kind);
  checkActivity(input.activeFrom, input.activeTo);
  if (input.parentId) await getUnit(db, input.parentId); // 404 for an unknown parent, not a foreign-key failure
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(units).values(input).onConflictDoNothing().returning();
    if (!created) {
      throw new DomainError('conflict', [{ code: 'input.duplicate-unit', params: { unit: input.code, firstRow: '—' } }]);
    }
    await recordAudit(tx, {
      actor,
      action: 'unit.created',
      entityType: 'unit',
      entityId: created.id,
      unitId: created.id,
      newValue: input,
    });
    return created;
  });
}

export async function updateUnit(db: Database, actor: Actor, id: string, input: Partial<UnitInput>): Promise<UnitRow> {
  if (input.kind !== undefined) checkKind(input.kind);
  if (input.parentId) await getUnit(db, input.parentId);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id)).for('update');
    if (!before) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', id) } }]);
    checkActivity(
      input.activeFrom === undefined ? before.activeFrom : input.activeFrom,
      input.activeTo === undefined ? before.activeTo : input.activeTo,
    );
    if (input.parentId) await checkParent(tx, before, input.parentId);
    const [after] = await tx.update(units).set(input).where(eq(units.id, id)).returning();
    await recordAudit(tx, {
      actor,
      action: 'unit.updated',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      oldValue: before,
      newValue: after,
    });
    return after as UnitRow;
  });
}

/**
 * A reorganisation (2025: districts abolished, provinces merged): the old units stop on `on` and
 * point to the unit that replaces them, so their history can be followed into the new unit.
 */
export async function replaceUnits(db: Database, actor: Actor, input: Static<typeof UnitReplacementBody>): Promise<void> {
  await db.transaction(async (tx) => {
    const [replacement] = await tx.select().from(units).where(eq(units.id, input.replacementId));
    if (!replacement)
      throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', input.replacementId) } }]);
    for (const id of input.replacedIds) {
      if (id === input.replacementId) continue;
      const [before] = await tx.select().from(units).where(eq(units.id, id));
      if (!before) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('unit', id) } }]);
      await tx.update(units).set({ replacedById: input.replacementId, activeTo: input.on }).where(eq(units.id, id));
      await recordAudit(tx, {
        actor,
        action: 'unit.replaced',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        oldValue: { replacedById: before.replacedById, activeTo: before.activeTo },
        newValue: { replacedById: input.replacementId, activeTo: input.on },
      });
    }
  });
}
