import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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

/**
 * The unit's contest of an adjusted indicator in a rebuttal round (kiến nghị), and the council's
 * answer: keep the points or change them, with a reason. `roundSentAt` is the assessment's
 * `resultsSentAt` when the round opened, so a later round (after a reopen) starts clean.
 */
export const rebuttalContests = pgTable(
  'rebuttal_contests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    roundSentAt: timestamp('round_sent_at', { withTimezone: true }).notNull(),
    explanation: text('explanation').notNull(),
    /** draft | submitted | answered */
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** kept | changed */
    outcome: text('outcome'),
    answerReason: text('answer_reason'),
    /** The official points before the answer, and after it (equal when kept). */
    pointsBefore: doublePrecision('points_before'),
    pointsAfter: doublePrecision('points_after'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    index('rebuttal_contest_assessment_idx').on(table.assessmentId),
    unique('rebuttal_contest_round_indicator').on(table.assessmentId, table.roundSentAt, table.indicatorCode),
  ],
);
