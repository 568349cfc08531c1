import { Type } from '@fastify/type-provider-typebox';
import { PLAN_STATUSES, REPORT_STATUSES, REPORTED_TASK_STATES, TASK_STATES } from '@opendti/core';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';

/** Schemas of a plan's progress: reporting rounds, progress reports, task evidence and comments. */

const Uuid = Type.String({ format: 'uuid' });
const LocalizedText = Type.Object({ vi: Type.String(), en: Type.String() });
const UnitRef = Type.Object({ code: Type.String(), name: Type.String() });
const Person = Type.Object({ id: Type.String(), displayName: Type.String() });

export const RoundParams = Type.Object({
  planId: Uuid,
  dueOn: Type.String({ format: 'date', description: 'The round’s due day' }),
});
export const TaskRoundParams = Type.Object({
  planId: Uuid,
  taskId: Uuid,
  dueOn: Type.String({ format: 'date', description: 'The round’s due day' }),
});
export const TaskEvidenceParams = Type.Object({ planId: Uuid, taskId: Uuid, evidenceId: Uuid });

export const ReportCountsSchema = Type.Object({
  expected: Type.Integer({ description: 'Tasks owing a report in the round (not cancelled, not reported done earlier)' }),
  submitted: Type.Integer(),
  late: Type.Integer(),
  missing: Type.Integer(),
  pending: Type.Integer(),
});

export const ReportingRoundSchema = Type.Object({
  dueOn: CalendarDay({ description: 'The last day to report on time; the round’s key' }),
  opensOn: CalendarDay({ description: 'Reports are taken from this day (the day after the previous round’s due day)' }),
  title: LocalizedText,
  open: Type.Boolean({ description: 'Reports are taken (a past round still takes late reports)' }),
  current: Type.Boolean({ description: 'The round being reported now: the first not yet due' }),
});

export const PlanRoundsSchema = Type.Object({
  plan: Type.Object({
    id: Uuid,
    year: Type.Integer(),
    title: Type.String(),
    documentNumber: Type.String(),
    date: CalendarDay(),
    status: StringEnum(PLAN_STATUSES),
    reportingSchedule: Type.Array(Type.String()),
  }),
  today: CalendarDay({ description: 'The Vietnam day the statuses are judged on' }),
  rounds: Type.Array(Type.Intersect([ReportingRoundSchema, Type.Object({ counts: ReportCountsSchema })])),
});

export const TaskEvidenceSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  mimeType: Type.String(),
  uploadedAt: Timestamp(),
  inline: Type.Boolean({ description: 'PDF or image: shown in the browser rather than downloaded' }),
  contentUrl: Type.String({ description: 'GET for the bytes' }),
});

export const ProgressReportSchema = Type.Object({
  id: Uuid,
  taskId: Uuid,
  roundDueOn: CalendarDay(),
  unit: UnitRef,
  text: Type.String(),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  state: StringEnum(REPORTED_TASK_STATES),
  links: Type.Array(Type.String()),
  evidence: Type.Array(TaskEvidenceSchema),
  submittedAt: Timestamp({ description: 'The first submission: on time or late is judged by it' }),
  submittedBy: Nullable(Person),
  updatedAt: Timestamp(),
  version: Type.Integer(),
});

export const ReportRowTaskSchema = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  text: Type.String(),
  indicators: Type.Array(Type.String()),
  product: Type.String(),
  lead: Nullable(UnitRef),
  coordinating: Type.Array(UnitRef),
  dueOn: CalendarDay(),
  state: StringEnum(TASK_STATES),
  displayedState: StringEnum([...TASK_STATES, 'overdue'] as const),
});

export const RoundReportsSchema = Type.Object({
  round: Type.Intersect([ReportingRoundSchema, Type.Object({ counts: ReportCountsSchema })]),
  items: Type.Array(
    Type.Object({
      task: ReportRowTaskSchema,
      role: StringEnum(['manager', 'leadUnit', 'coordinatingUnit'] as const, {
        description: 'The caller’s relation to the task',
      }),
      reportStatus: StringEnum(REPORT_STATUSES),
      report: Nullable(ProgressReportSchema),
    }),
  ),
});

export const ProgressReportBody = Type.Object({
  text: Type.String({ maxLength: 5000, description: 'What was done in the round' }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  state: StringEnum(REPORTED_TASK_STATES, { description: 'The task moves to it through core’s task workflow' }),
  links: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20, description: 'http(s) only' }),
  evidenceIds: Type.Array(Uuid, { maxItems: 50, description: 'Files uploaded for this task (POST …/evidence)' }),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'When editing: the version edited (409 when stale)' })),
});

export const CommentSchema = Type.Object({
  id: Uuid,
  text: Type.String(),
  createdAt: Timestamp(),
  author: Nullable(Person),
  unit: Nullable(UnitRef),
  party: StringEnum(['manager', 'leadUnit', 'coordinatingUnit'] as const),
});

export const CommentBody = Type.Object({ text: Type.String({ maxLength: 2000 }) });

/**
 * What `GET /units/me/plan-tasks` adds to each task: every round of the plan with the task's
 * report status and, when written, the report itself (text, links, files), and the round being
 * reported now.
 */
export const TaskReportingSchema = Type.Object({
  currentRound: Nullable(CalendarDay({ description: 'Due day of the round being reported now; null once the last is past' })),
  rounds: Type.Array(
    Type.Intersect([
      ReportingRoundSchema,
      Type.Object({
        expected: Type.Boolean({ description: 'The task owes a report in this round, or wrote one anyway (a row of the round)' }),
        status: StringEnum(REPORT_STATUSES),
        report: Nullable(ProgressReportSchema),
      }),
    ]),
  ),
});
