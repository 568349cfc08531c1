import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { periods } from './periods.js';
import { units } from './units.js';
import { users } from './users.js';

/** One unit's assessment in one period: its workflow state and lock. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    frameworkId: text('framework_id').notNull(),
    state: text('state').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    /** Submitted by the system when the manager closed the self-assessment, not by the unit. */
    submittedAtClose: boolean('submitted_at_close').notNull().default(false),
    /** This unit's own last day to submit (yyyy-mm-dd), granted by the manager; null = the period's. */
    deadlineExtendedTo: date('deadline_extended_to'),
    /** core's PARTICIPATIONS: participating, notParticipating, scoredAsZero (the manager's decision). */
    participation: text('participation').notNull().default('participating'),
    /** Why the manager took the unit out or scored it as zero. */
    participationReason: text('participation_reason'),
    /** When the chair last sent the results to the unit: it names the current rebuttal round. */
    resultsSentAt: timestamp('results_sent_at', { withTimezone: true }),
    /** Last day (Vietnam time) of the current rebuttal window. */
    rebuttalDueOn: date('rebuttal_due_on'),
    version: integer('version').notNull().default(1),
  },
  (table) => [unique('assessments_period_unit').on(table.periodId, table.unitId)],
);

/**
 * The unit's answer to one indicator (or a main-index value where the framework publishes only
 * those). `version` is optimistic locking: an edit carries the version it was based on.
 */
export const answers = pgTable(
  'answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    /** The method's raw input as typed: "có", "12/15", "4", an option code. */
    value: text('value'),
    /** Self points computed from the value (or typed for direct methods). */
    selfPoints: doublePrecision('self_points'),
    /** Raw number of cohort-relative methods, scored when the cohort is known. */
    rawNumber: doublePrecision('raw_number'),
    notAssessed: boolean('not_assessed').notNull().default(false),
    notAssessedReason: text('not_assessed_reason'),
    explanation: text('explanation'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.assessmentId, table.indicatorCode] })],
);

/**
 * Evidence (tài liệu kiểm chứng): an uploaded file, stored by SHA-256, or a document reference
 * (number, date, issuer, summary, link) as some indicators require.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    /** file | reference */
    kind: text('kind').notNull(),
    sha256: text('sha256'),
    sizeBytes: integer('size_bytes'),
    mediaType: text('media_type'),
    fileName: text('file_name'),
    documentNumber: text('document_number'),
    documentDate: text('document_date'),
    issuer: text('issuer'),
    summary: text('summary'),
    link: text('link'),
    /** Added in answer to a supplementation request (bổ sung). */
    supplementary: boolean('supplementary').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('evidence_assessment_idx').on(table.assessmentId, table.indicatorCode)],
);
