import type { PlanBasis } from '@opendti/core';
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { frameworks } from './frameworks.js';
import { units } from './units.js';

/**
 * Improvement plans (Kế hoạch nâng cao chỉ số, issue 11): a province-year's plan based on published
 * results, its targets (chỉ tiêu) and tasks (nhiệm vụ), and per framework who leads and who
 * coordinates each indicator. Task states and who moves them are core's (plans/task-workflow.ts);
 * `overdue` is derived, never stored.
 */
export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  /** The result sets the plan is based on: framework, source (period id) and an optional unit. */
  basis: jsonb('basis').$type<PlanBasis[]>().notNull().default([]),
  /** Number of the issuing document, e.g. "187/KH-UBND"; empty while a draft. */
  documentNumber: text('document_number').notNull().default(''),
  /** Date of the issuing document (or of the draft); task due dates may not be before it. */
  date: date('date').notNull(),
  title: text('title').notNull(),
  purpose: text('purpose').notNull().default(''),
  /** draft | issued | closed */
  status: text('status').notNull().default('draft'),
  /** Reporting days or phrases, e.g. ["2023-06-15", "2023-11-15"]. */
  reportingSchedule: jsonb('reporting_schedule').$type<string[]>().notNull().default([]),
  /** The summary the manager publishes on the public portal (issued or closed plans only); empty = none written. */
  publicSummary: text('public_summary').notNull().default(''),
  /** When the summary was made public; null = the public sees nothing of the plan. */
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Indicator or main-index code. */
    code: text('code').notNull(),
    /** indicator | mainIndex */
    level: text('level').notNull(),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target').notNull(),
    /** points | value | percent */
    unit: text('unit').notNull(),
    dueOn: date('due_on').notNull(),
  },
  (table) => [index('plan_targets_plan_idx').on(table.planId)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** The STT: tasks are listed in this order (the draft's gain order). */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    indicators: jsonb('indicators').$type<string[]>().notNull().default([]),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    coordinatingUnitIds: jsonb('coordinating_unit_ids').$type<string[]>().notNull().default([]),
    product: text('product').notNull().default(''),
    startOn: date('start_on'),
    dueOn: date('due_on').notNull(),
    /** notStarted | inProgress | done | cancelled (overdue is derived) */
    state: text('state').notNull().default('notStarted'),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [index('plan_tasks_plan_idx').on(table.planId), index('plan_tasks_lead_idx').on(table.leadUnitId)],
);

/** Phân công theo dõi chỉ số: per framework, the lead unit and coordinating units of each indicator. */
export const indicatorOwnership = pgTable(
  'indicator_ownership',
  {
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    coordinatingUnitIds: jsonb('coordinating_unit_ids').$type<string[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.frameworkId, table.indicatorCode] })],
);
