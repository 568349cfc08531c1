import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { periods } from './periods.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * Who of the council appraises what in a period (core's `AppraisalAssignment`): a whole unit
 * (`main_index_code` null), one main index of a unit, or one main index in every unit (`unit_id`
 * null). Directs the work; does not narrow who may decide.
 */
export const appraisalAssignments = pgTable(
  'appraisal_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'cascade' }),
    mainIndexCode: text('main_index_code'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [index('appraisal_assignments_period_idx').on(table.periodId)],
);

/** The minutes of the council's sign-off meeting (biên bản họp Hội đồng thẩm định), kept with the period. */
export const councilMinutes = pgTable(
  'council_minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    meetingOn: date('meeting_on').notNull(),
    /** Council accounts present. */
    memberIds: uuid('member_ids').array().notNull(),
    /** Others present, as the chair wrote them. */
    otherAttendees: text('other_attendees').array().notNull().default(sql`'{}'::text[]`),
    decision: text('decision').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('council_minutes_period_idx').on(table.periodId)],
);
