import { Type } from '@fastify/type-provider-typebox';
import { CalendarDay, Nullable, StringEnum, Timestamp } from '../../http/common-schemas.js';
import { MAX_PLAN_XLSX_BYTES } from '../../spreadsheets/read-plan-workbook.js';

/** Base64 of the largest task workbook the reader accepts (4 characters per 3 bytes). */
export const MAX_PLAN_XLSX_BASE64 = Math.ceil(MAX_PLAN_XLSX_BYTES / 3) * 4;
/** The import's JSON body: the Base64 file plus room for the file name and the quotes. */
export const PLAN_IMPORT_BODY_LIMIT = MAX_PLAN_XLSX_BASE64 + 64 * 1024;

const LocalizedTextSchema = Type.Object({ vi: Type.String(), en: Type.String() });

export const PlanTasksImportBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  contentBase64: Type.String({
    minLength: 1,
    maxLength: MAX_PLAN_XLSX_BASE64,
    contentEncoding: 'base64',
    description: 'The .xlsx file, Base64 (at most 10 MB before encoding)',
  }),
  dryRun: Type.Optional(Type.Boolean({ description: 'Check only; nothing is saved' })),
});

export const RowProblemSchema = Type.Object({
  row: Nullable(Type.Integer({ description: 'Sheet row (the header counts)' })),
  column: Nullable(Type.String({ description: 'Column title as written in the file' })),
  code: Type.String(),
  message: LocalizedTextSchema,
});

export const PlanTasksImportSchema = Type.Object({
  rows: Type.Integer({ description: 'Tasks read from the file (0 when a row is bad: nothing is imported half)' }),
  imported: Type.Boolean({ description: 'True when the plan’s task table was replaced' }),
  added: Type.Integer(),
  updated: Type.Integer(),
  removed: Type.Integer(),
  problems: Type.Array(RowProblemSchema),
});

export const CarryOverBody = Type.Object({
  fromFrameworkId: Type.String({ minLength: 1, maxLength: 100 }),
  mapping: Type.Optional(
    Type.Array(
      Type.Object({ from: Type.String({ minLength: 1, maxLength: 40 }), to: Type.String({ minLength: 1, maxLength: 40 }) }),
      {
        maxItems: 2000,
        description: 'Old indicator code → new indicator code, where codes changed',
      },
    ),
  ),
  dryRun: Type.Optional(Type.Boolean({ description: 'Show what would be carried; nothing is saved' })),
});

export const CarryOverSchema = Type.Object({
  carried: Type.Array(
    Type.Object({
      indicator: Type.String(),
      from: Type.String({ description: 'The old framework’s indicator code it came from' }),
      lead: Type.String(),
      coordinating: Type.Array(Type.String()),
    }),
  ),
  notCarried: Type.Array(Type.String(), { description: 'Old indicator codes with no place in the new framework' }),
  unowned: Type.Array(Type.String(), { description: 'New indicator codes nobody owns after the carry-over' }),
  saved: Type.Boolean(),
});

const TaskCounts = {
  notStarted: Type.Integer(),
  inProgress: Type.Integer(),
  done: Type.Integer(),
  overdue: Type.Integer(),
  cancelled: Type.Integer(),
};

export const TargetProgressSchema = Type.Object({
  code: Type.String(),
  level: StringEnum(['indicator', 'mainIndex'] as const),
  name: Type.String(),
  baseline: Nullable(Type.Number()),
  target: Type.Number(),
  unit: StringEnum(['points', 'value', 'percent'] as const),
  dueOn: CalendarDay(),
  current: Nullable(Type.Number({ description: 'Measured in the comparison period as the baseline was; null without one' })),
  met: Nullable(Type.Boolean({ description: 'current ≥ target; null without a current value' })),
});

export const ComparisonSchema = Type.Object({
  periodId: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  name: Type.String(),
});

export const PlanDashboardSchema = Type.Object({
  planId: Type.String({ format: 'uuid' }),
  today: CalendarDay({ description: 'The day (Vietnam) overdue is counted against' }),
  totals: Type.Object(TaskCounts),
  tasksByMainIndex: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Main index code; "" for tasks naming no indicator of the framework' }),
      name: Type.String(),
      ...TaskCounts,
    }),
    { description: 'A task serving indicators of several main indices counts under each of them' },
  ),
  tasksByLeadUnit: Type.Array(
    Type.Object({
      unitCode: Nullable(Type.String({ description: 'null: no lead unit assigned yet' })),
      unitName: Type.String(),
      ...TaskCounts,
    }),
  ),
  targets: Type.Array(TargetProgressSchema),
  comparison: Nullable(ComparisonSchema),
});

export const PlanPublicationBody = Type.Object({
  published: Type.Boolean(),
  summary: Type.String({ maxLength: 5000 }),
  version: Type.Integer({ minimum: 1, description: 'The plan version edited (409 when stale)' }),
});

export const PublicPlanSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  year: Type.Integer(),
  title: Type.String(),
  documentNumber: Type.String(),
  date: CalendarDay(),
  status: StringEnum(['issued', 'closed'] as const),
  summary: Type.String(),
  publishedAt: Timestamp(),
  taskCounts: Type.Object({ total: Type.Integer(), ...TaskCounts }),
  targetCounts: Type.Object({ total: Type.Integer(), met: Type.Integer(), missed: Type.Integer() }),
});

export const PublicPlanSchema = Type.Intersect([
  PublicPlanSummarySchema,
  Type.Object({
    targets: Type.Array(TargetProgressSchema),
    comparison: Nullable(ComparisonSchema),
  }),
]);
