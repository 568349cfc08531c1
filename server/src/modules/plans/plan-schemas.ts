import { Type } from '@fastify/type-provider-typebox';
import { PLAN_ACTIONS, PLAN_STATUSES, TASK_ACTIONS, TASK_STATES } from '@opendti/core';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { TaskReportingSchema } from './progress-schemas.js';

const IsoDate = Type.String({ format: 'date' });
const Code = Type.String({ minLength: 1, maxLength: 40 });

export const PlanParams = Type.Object({ planId: Type.String({ format: 'uuid' }) });
export const PlanTaskParams = Type.Object({ planId: Type.String({ format: 'uuid' }), taskId: Type.String({ format: 'uuid' }) });
export const FrameworkParams = Type.Object({ frameworkId: Type.String({ minLength: 1, maxLength: 100 }) });

export const PlanBasisSchema = Type.Object({
  frameworkId: Type.String(),
  source: Type.String({ description: 'The period id the results come from' }),
  unitCode: Type.Optional(Type.String()),
});

export const PlanTargetSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  level: StringEnum(['indicator', 'mainIndex'] as const),
  baseline: Nullable(Type.Number()),
  target: Type.Number(),
  unit: StringEnum(['points', 'value', 'percent'] as const),
  dueOn: CalendarDay(),
});

export const PlanTaskSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  planId: Type.String({ format: 'uuid' }),
  position: Type.Integer({ description: 'The STT, from 1' }),
  text: Type.String(),
  indicators: Type.Array(Type.String()),
  lead: Nullable(Type.String({ description: 'Lead unit code (đơn vị chủ trì)' })),
  coordinating: Type.Array(Type.String(), { description: 'Coordinating unit codes (đơn vị phối hợp)' }),
  product: Type.String(),
  startOn: Nullable(CalendarDay()),
  dueOn: CalendarDay(),
  state: StringEnum(TASK_STATES),
  displayedState: StringEnum([...TASK_STATES, 'overdue'] as const, { description: 'overdue is derived from dueOn and today' }),
  cancelReason: Nullable(Type.String()),
  version: Type.Integer(),
  allowedActions: Type.Array(StringEnum(TASK_ACTIONS), { description: 'What the caller may do now (core task workflow)' }),
});

export const PlanSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  basis: Type.Array(PlanBasisSchema),
  documentNumber: Type.String(),
  date: CalendarDay(),
  title: Type.String(),
  purpose: Type.String(),
  status: StringEnum(PLAN_STATUSES),
  reportingSchedule: Type.Array(Type.String()),
  publicSummary: Type.String({ description: 'The summary for the public portal (empty until written)' }),
  publishedAt: Nullable(Timestamp({ description: 'When the summary was made public; null = not public' })),
  version: Type.Integer(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  allowedActions: Type.Array(StringEnum(PLAN_ACTIONS)),
});

export const PlanSchema = Type.Intersect([
  PlanSummarySchema,
  Type.Object({ targets: Type.Array(PlanTargetSchema), tasks: Type.Array(PlanTaskSchema) }),
]);

export const PlanBody = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  date: IsoDate,
  title: Type.String({ minLength: 1, maxLength: 500 }),
  purpose: Type.Optional(Type.String({ maxLength: 5000 })),
  documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
  reportingSchedule: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 24 })),
  basis: Type.Optional(Type.Array(PlanBasisSchema, { maxItems: 10 })),
});

/** The plan's version the caller edited: a stale one is refused (409), as a task's is. */
const PlanVersion = Type.Integer({ minimum: 1, description: 'The plan version edited (409 when stale)' });

export const PlanUpdateBody = Type.Intersect([
  Type.Partial(Type.Omit(PlanBody, ['basis'])),
  Type.Object({ version: PlanVersion }),
]);

export const PlanDraftBody = Type.Object({
  periodId: Type.String({ format: 'uuid' }),
  unitKind: Type.String({ minLength: 1, maxLength: 20 }),
  unitCode: Type.Optional(Code),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  date: Type.Optional(IsoDate),
  dueOn: Type.Optional(IsoDate),
});

export const PlanTransitionBody = Type.Object({ action: Type.String({ maxLength: 40 }) });

export const PlanTaskBody = Type.Object({
  text: Type.String({ maxLength: 2000 }),
  indicators: Type.Array(Code, { maxItems: 50 }),
  lead: Nullable(Code),
  coordinating: Type.Array(Code, { maxItems: 50 }),
  product: Type.Optional(Type.String({ maxLength: 1000 })),
  startOn: Nullable(Type.String({ maxLength: 10 })),
  dueOn: Type.String({ maxLength: 10 }),
});

export const PlanTaskUpdateBody = Type.Intersect([
  Type.Partial(PlanTaskBody),
  Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version edited (409 when stale)' }) }),
]);

export const PlanTaskTransitionBody = Type.Object({
  action: Type.String({ maxLength: 40 }),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const MyPlanTaskSchema = Type.Intersect([
  PlanTaskSchema,
  Type.Object({
    planTitle: Type.String(),
    planDocumentNumber: Type.String(),
    role: StringEnum(['leadUnit', 'coordinatingUnit'] as const),
    leadName: Nullable(Type.String({ description: 'The lead unit’s name, for a unit that does not know every code' })),
    coordinatingNames: Type.Array(Type.String(), { description: 'The coordinating units’ names, in the order of coordinating' }),
    reporting: TaskReportingSchema,
  }),
]);

export const OwnershipSchema = Type.Object({
  indicator: Type.String(),
  lead: Type.String({ description: 'Lead unit code' }),
  coordinating: Type.Array(Type.String()),
});

export const OwnershipBody = Type.Object({ owners: Type.Array(OwnershipSchema, { maxItems: 2000 }) });

export const OwnershipImportBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  content: Type.String({
    maxLength: 900_000,
    description: 'owners.csv: indicator,lead,coordinating (coordinating separated by ;)',
  }),
  dryRun: Type.Optional(Type.Boolean()),
});

export const PlanTargetsBody = Type.Object({
  targets: Type.Array(
    Type.Object({
      code: Code,
      level: StringEnum(['indicator', 'mainIndex'] as const),
      baseline: Nullable(Type.Number()),
      target: Type.Number(),
      unit: StringEnum(['points', 'value', 'percent'] as const),
      dueOn: Type.String({ maxLength: 10 }),
    }),
    { maxItems: 500 },
  ),
  version: PlanVersion,
});

const TaskCount = Type.Integer({ minimum: 0 });

/** A plan in the list, with its tasks counted by displayed state (overdue derived from today). */
export const PlanListItemSchema = Type.Intersect([
  PlanSummarySchema,
  Type.Object({
    taskCounts: Type.Object({
      total: TaskCount,
      notStarted: TaskCount,
      inProgress: TaskCount,
      done: TaskCount,
      overdue: TaskCount,
      cancelled: TaskCount,
      withoutLead: Type.Integer({ minimum: 0, description: 'Tasks not cancelled that have no lead unit yet' }),
    }),
  }),
]);
