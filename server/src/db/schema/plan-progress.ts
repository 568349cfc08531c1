import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { plans, planTasks } from './plans.js';
import { units } from './units.js';
import { users } from './users.js';

/**
 * Progress of an issued plan (issue 11): per task and reporting round, the lead unit's report;
 * the files it attaches (kept in the evidence storage, content-addressed like an assessment's
 * evidence); and the comments of the manager and the coordinating units. Rounds themselves are
 * derived from the plan's schedule (core plans/reporting-rounds.ts), so a report is keyed by its
 * round's due day.
 */
export const planProgressReports = pgTable(
  'plan_progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    /** The round's due day: its key. */
    roundDueOn: date('round_due_on').notNull(),
    /** The lead unit that reported (the task's lead when it was written). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    text: text('text').notNull(),
    /** 0–100 */
    percent: integer('percent').notNull(),
    /** notStarted | inProgress | done: the state reported (the task moves to it through core's workflow). */
    state: text('state').notNull(),
    /** http(s) links to evidence kept elsewhere (a portal page, a published document). */
    links: jsonb('links').$type<string[]>().notNull().default([]),
    /** Ids of plan_task_evidence rows of the same task. */
    evidenceIds: jsonb('evidence_ids').$type<string[]>().notNull().default([]),
    /** The FIRST submission: on time or late is judged by it, whatever later edits. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().default(sql`now()`),
    submittedBy: uuid('submitted_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('plan_progress_reports_task_round_key').on(table.taskId, table.roundDueOn),
    index('plan_progress_reports_plan_round_idx').on(table.planId, table.roundDueOn),
  ],
);

/** Files a lead unit uploads as evidence of a task's progress; the bytes are in the evidence storage. */
export const planTaskEvidence = pgTable(
  'plan_task_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [index('plan_task_evidence_task_idx').on(table.taskId)],
);

/** Trao đổi: comments on a task by the manager (unit null) and the lead and coordinating units. */
export const planTaskComments = pgTable(
  'plan_task_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    /** The commenting unit; null for the plan's manager (provincial office). */
    unitId: uuid('unit_id').references(() => units.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [index('plan_task_comments_task_idx').on(table.taskId, table.createdAt)],
);
