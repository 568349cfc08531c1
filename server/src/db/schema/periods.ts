import type { PublicationDecision } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { frameworks } from './frameworks.js';
import { units } from './units.js';

/** One year's assessment run (kỳ đánh giá), with its schedule; its state machine is in core. */
export const periods = pgTable('periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  name: text('name').notNull(),
  state: text('state').notNull().default('draft'),
  /** Seed 001: units submit by 30 January of the following year. */
  selfAssessmentDeadline: date('self_assessment_deadline').notNull(),
  appraisalDeadline: date('appraisal_deadline'),
  publicationDue: date('publication_due'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /**
   * The rebuttal round (giải trình, kiến nghị) after the council's decisions, and its window in
   * working days. Off for rows that predate it; a new period gets it on (periods.service).
   */
  rebuttalEnabled: boolean('rebuttal_enabled').notNull().default(false),
  rebuttalWorkingDays: integer('rebuttal_working_days').notNull().default(5),
  /** The decision that published the results (number, date, signer); required to publish, cited on the public pages. */
  /** Days before the self-assessment deadline when units not yet submitted are reminded (issue 12). */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{7,3,1}'::integer[]`),
  publicationDecision: jsonb('publication_decision').$type<PublicationDecision>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  version: integer('version').notNull().default(1),
});

/** One framework per cohort: departments with departments, communes with communes. */
export const periodCohorts = pgTable(
  'period_cohorts',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    unitKind: text('unit_kind').notNull(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.unitKind] })],
);

/** Which units take part; their assessment rows are created when the period opens. */
export const periodUnits = pgTable(
  'period_units',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (table) => [primaryKey({ columns: [table.periodId, table.unitId] })],
);
