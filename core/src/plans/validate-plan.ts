import type { Problem, ProblemLocation } from '../errors/problem.js';
import { formatCalendarDay, isCalendarDay } from '../workflow/calendar-day.js';
import type { PlanTarget, PlanTask } from './plan-model.js';
import type { TaskState } from './task-workflow.js';

/**
 * The bad input of issue 11, refused with a message naming the row and field, in both languages:
 * unknown indicator or unit codes, a lead unit not active in the plan's year, due dates before the
 * plan's date, duplicate tasks, and (in `progressReportProblems`) a report on a cancelled task.
 * Pure; the server refuses the whole request (or the whole import) when any problem is returned.
 */
export interface PlanUnit {
  code: string;
  /** First and last day of activity (yyyy-mm-dd); null or missing = open-ended. */
  activeFrom?: string | null;
  activeTo?: string | null;
}

export interface TaskValidationContext {
  frameworkId: string;
  indicatorCodes: ReadonlySet<string>;
  units: ReadonlyMap<string, PlanUnit>;
  plan: { year: number; date: string };
  /** Name of the imported file, for the problems' location. */
  file?: string;
  /** Row of the first task (2 for a sheet with a header row; 1 for a list). */
  firstRow?: number;
}

export type TaskInput = Pick<PlanTask, 'text' | 'indicators' | 'lead' | 'coordinating' | 'startOn' | 'dueOn'>;

/** Active at some point of the year: began by 31/12 and did not end before 01/01. */
export function activeInYear(unit: PlanUnit, year: number): boolean {
  const from = unit.activeFrom ?? undefined;
  const to = unit.activeTo ?? undefined;
  return !(from !== undefined && from > `${year}-12-31`) && !(to !== undefined && to < `${year}-01-01`);
}

const dayParams = (name: string, day: string) => ({ [name]: formatCalendarDay(day), [`${name}En`]: day });

/** The key two tasks share when one repeats the other: same text (spacing and case aside), indicators and lead. */
function duplicateKey(task: TaskInput): string {
  const text = task.text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  return `${text}\u0000${[...task.indicators].sort().join(',')}\u0000${task.lead ?? ''}`;
}

export function taskProblems(tasks: readonly TaskInput[], context: TaskValidationContext): Problem[] {
  const problems: Problem[] = [];
  const firstRow = context.firstRow ?? 1;
  const seen = new Map<string, number>();
  tasks.forEach((task, index) => {
    const row = firstRow + index;
    const at = (column: string, code?: string): ProblemLocation => ({
      ...(context.file ? { file: context.file } : {}),
      row,
      column,
      ...(code ? { code } : {}),
    });
    if (!task.text.trim()) problems.push({ code: 'plan.task-missing-text', location: at('text') });
    for (const indicator of task.indicators) {
      if (!context.indicatorCodes.has(indicator)) {
        problems.push({
          code: 'plan.task-unknown-indicator',
          params: { indicator, framework: context.frameworkId },
          location: at('indicators', indicator),
        });
      }
    }
    if (task.lead !== null) {
      const lead = context.units.get(task.lead);
      if (!lead) {
        problems.push({
          code: 'plan.task-unknown-unit',
          params: { field: 'lead', unit: task.lead },
          location: at('lead', task.lead),
        });
      } else if (!activeInYear(lead, context.plan.year)) {
        problems.push({
          code: 'plan.task-lead-inactive',
          params: { unit: task.lead, year: context.plan.year },
          location: at('lead', task.lead),
        });
      }
    }
    for (const unit of task.coordinating) {
      if (!context.units.has(unit)) {
        problems.push({
          code: 'plan.task-unknown-unit',
          params: { field: 'coordinating', unit },
          location: at('coordinating', unit),
        });
      }
    }
    const dates: [string, string | null][] = [
      ['startOn', task.startOn],
      ['dueOn', task.dueOn],
    ];
    let datesOk = true;
    for (const [field, value] of dates) {
      if (value !== null && !isCalendarDay(value)) {
        datesOk = false;
        problems.push({ code: 'plan.task-bad-date', params: { field, value }, location: at(field) });
      }
    }
    if (datesOk && task.dueOn < context.plan.date) {
      problems.push({
        code: 'plan.task-due-before-plan',
        params: { ...dayParams('dueOn', task.dueOn), ...dayParams('planDate', context.plan.date) },
        location: at('dueOn'),
      });
    } else if (datesOk && task.startOn !== null && task.dueOn < task.startOn) {
      problems.push({
        code: 'plan.task-due-before-start',
        params: { ...dayParams('dueOn', task.dueOn), ...dayParams('startOn', task.startOn) },
        location: at('dueOn'),
      });
    }
    const key = duplicateKey(task);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ code: 'plan.task-duplicate', params: { firstRow: first }, location: at('text') });
    else seen.set(key, row);
  });
  return problems;
}

/** A lead unit's report on one task: refused on a cancelled task, and with a percent outside 0–100. */
export function progressReportProblems(
  task: { text: string; state: TaskState; cancelReason?: string },
  report: { percent: number },
  location: ProblemLocation = {},
): Problem[] {
  const problems: Problem[] = [];
  if (task.state === 'cancelled') {
    problems.push({
      code: 'plan.report-on-cancelled',
      params: { task: task.text, reason: task.cancelReason ?? '–' },
      location,
    });
  }
  if (!(report.percent >= 0 && report.percent <= 100)) {
    problems.push({
      code: 'plan.report-bad-percent',
      params: { value: String(report.percent) },
      location: { ...location, column: 'percent' },
    });
  }
  return problems;
}

/** Targets (chỉ tiêu): a known indicator or main-index code, and a due date not before the plan's date. */
export function targetProblems(
  targets: readonly Pick<PlanTarget, 'code' | 'dueOn'>[],
  context: { frameworkId: string; codes: ReadonlySet<string>; plan: { date: string } },
): Problem[] {
  const problems: Problem[] = [];
  targets.forEach((target, index) => {
    const row = index + 1;
    if (context.codes.size > 0 && !context.codes.has(target.code)) {
      problems.push({
        code: 'plan.target-unknown-code',
        params: { code: target.code, framework: context.frameworkId },
        location: { row, column: 'code', code: target.code },
      });
    }
    if (!isCalendarDay(target.dueOn)) {
      problems.push({
        code: 'plan.task-bad-date',
        params: { field: 'dueOn', value: target.dueOn },
        location: { row, column: 'dueOn' },
      });
    } else if (target.dueOn < context.plan.date) {
      problems.push({
        code: 'plan.task-due-before-plan',
        params: { ...dayParams('dueOn', target.dueOn), ...dayParams('planDate', context.plan.date) },
        location: { row, column: 'dueOn' },
      });
    }
  });
  return problems;
}
