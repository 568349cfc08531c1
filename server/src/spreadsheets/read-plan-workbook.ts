import {
  DomainError,
  type PlanTask,
  readTaskTable,
  TASK_TABLE_HEADERS,
  type TaskTableResult,
  type TaskTableUnit,
  toColumnKey,
} from '@opendti/core';
import type { RowBound } from './read-csv.js';
import { describeOversize, readXlsxTable } from './read-xlsx-table.js';

/** A plan's task table is a few hundred rows of text: a file past this is the wrong file. */
export const MAX_PLAN_XLSX_BYTES = 10 * 1024 * 1024;
/** What its parts may unzip to (the answer import allows 50 MB; a task table unzips to well under 1 MB). */
export const MAX_PLAN_XLSX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/** Seed 000 (Tuyên Quang) lists about 150 tasks for a whole province; 2,000 is far past any plan. */
export const PLAN_TASKS_BOUND: RowBound = {
  maxRows: 2000,
  basis: {
    vi: 'một kế hoạch của tỉnh có vài trăm nhiệm vụ là nhiều nhất',
    en: 'a province’s plan has a few hundred tasks at most',
  },
};

export interface PlanTasksReadContext {
  framework: { id: string; indicatorCodes: ReadonlySet<string> };
  /** The units a task may name (by code, or by name), with their years of activity; omitted = any code. */
  units?: readonly TaskTableUnit[];
  /** yyyy-mm-dd: no task may be due before it. */
  planDate: string;
  /** The plan's year: the lead unit must be active in it. */
  planYear: number;
  /** Names the file in every problem. */
  file?: string;
}

/** The header row: the one naming the task and the lead unit (the title block above it is skipped). */
function isTaskHeader(cells: readonly string[]): boolean {
  const keys = cells.map(toColumnKey);
  return (['text', 'lead'] as const).every((column) => keys.some((key) => TASK_TABLE_HEADERS[column].keys.includes(key)));
}

/**
 * Reads a plan's task table back from an .xlsx (the one `writePlanTasksWorkbook` writes, or a
 * clerk's own with the same column titles, with or without a title block). Returns every task, or
 * no task and every problem, one per bad cell, at its sheet row and column title (core's
 * `readTaskTable`, whose rules are validate-plan's). A file past MAX_PLAN_XLSX_BYTES, unzipping past
 * MAX_PLAN_XLSX_UNZIPPED_BYTES or with more than PLAN_TASKS_BOUND rows is refused before its rows
 * are read (a DomainError, like every unreadable file).
 */
export async function readPlanTasksWorkbook(bytes: Uint8Array, context: PlanTasksReadContext): Promise<TaskTableResult> {
  const file = context.file ?? 'plan.xlsx';
  if (bytes.byteLength > MAX_PLAN_XLSX_BYTES) {
    throw new DomainError('invalid-input', [
      {
        code: 'input.unreadable',
        params: { detail: describeOversize(bytes.byteLength, MAX_PLAN_XLSX_BYTES, 'kế hoạch .xlsx') },
        location: { file },
      },
    ]);
  }
  const table = await readXlsxTable(bytes, file, {
    ...PLAN_TASKS_BOUND,
    maxUnzippedBytes: MAX_PLAN_XLSX_UNZIPPED_BYTES,
    isHeader: isTaskHeader,
  });
  return readTaskTable(
    { file, header: table.header, rows: [...table.rows].map((row) => row.map((cell) => cell ?? '')), headerRow: table.headerRow },
    {
      frameworkId: context.framework.id,
      indicatorCodes: context.framework.indicatorCodes,
      ...(context.units ? { units: context.units } : {}),
      plan: { year: context.planYear, date: context.planDate },
    },
  );
}

/** The tasks, or a DomainError carrying every problem: for a caller that saves all or nothing. */
export async function importPlanTasksWorkbook(bytes: Uint8Array, context: PlanTasksReadContext): Promise<PlanTask[]> {
  const { tasks, problems } = await readPlanTasksWorkbook(bytes, context);
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return tasks;
}
