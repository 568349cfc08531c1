import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log: every workflow transition and every points change, with who, when,
 * old → new and why. A database trigger (in the migration) refuses UPDATE and DELETE, so not even a
 * bug in the application can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().default(sql`now()`),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    periodId: uuid('period_id'),
    unitId: uuid('unit_id'),
    assessmentId: uuid('assessment_id'),
    indicatorCode: text('indicator_code'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    reason: text('reason'),
  },
  (table) => [index('audit_assessment_idx').on(table.assessmentId), index('audit_unit_idx').on(table.unitId, table.at)],
);
