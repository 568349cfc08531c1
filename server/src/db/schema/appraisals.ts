import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { assessments } from './assessments.js';
import { users } from './users.js';

/** The council's decision on one indicator: accept, adjust with a reason, or ask for supplementation. */
export const appraisals = pgTable(
  'appraisals',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    /** accepted | adjusted | supplementationRequested */
    decision: text('decision').notNull(),
    appraisedPoints: doublePrecision('appraised_points'),
    reason: text('reason'),
    /** Seen by the council only, never by the unit. */
    councilNote: text('council_note'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().default(sql`now()`),
    version: integer('version').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.indicatorCode] })],
);

/** A request to the unit to add evidence or explain (bổ sung, giải trình), with a deadline. */
export const supplementationRequests = pgTable(
  'supplementation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    comment: text('comment').notNull(),
    dueOn: date('due_on').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().default(sql`now()`),
    response: text('response'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** open | answered | closed */
    status: text('status').notNull().default('open'),
  },
  (table) => [index('supplementation_assessment_idx').on(table.assessmentId)],
);
