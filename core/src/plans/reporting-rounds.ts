import type { LocalizedText, Problem } from '../errors/problem.js';
import { addDays, formatCalendarDay, isCalendarDay, parseVietnameseDate } from '../workflow/calendar-day.js';
import type { Labels } from '../workflow/transition-table.js';
import type { TaskAction, TaskState } from './task-workflow.js';

/**
 * Reporting rounds (kỳ báo cáo) of a plan, issue 11: lead units report per task, per round, the
 * progress text, a percent, evidence and a state; late and missing reports are visible.
 *
 * Rounds are DERIVED from the plan's reporting schedule, never stored: editing the schedule moves
 * the rounds, and a round is keyed by its due day (yyyy-mm-dd). A schedule entry is
 * - `quarterly`: before the 15th of each quarter's last month, as provincial plans ask ("báo cáo
 *   định kỳ hằng quý, trước ngày 15 tháng cuối quý"): 15/03, 15/06, 15/09, 15/12 of the plan's year;
 * - `half-yearly`: 15/06 and 15/12 ("báo cáo 6 tháng, năm");
 * - one day, as seed 003 asks ("báo cáo kết quả thực hiện trước ngày 15/11"): `yyyy-mm-dd`,
 *   `dd/mm/yyyy`, or `dd/mm` of the plan's year.
 * Only rounds on or after the plan's date count; entries giving the same day make one round.
 */
export const REPORTING_SCHEDULE_KEYWORDS = ['quarterly', 'half-yearly'] as const;

export interface ReportingRound {
  /** The last day to report on time (Vietnam day, yyyy-mm-dd); the round's key in URLs. */
  dueOn: string;
  /** The first day reports are taken: the day after the previous round's due day, or the plan's date. */
  opensOn: string;
  title: LocalizedText;
}

export interface PlanSchedule {
  year: number;
  /** The plan's date (yyyy-mm-dd). */
  date: string;
  reportingSchedule: readonly string[];
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function quarterRound(year: number, quarter: number): { dueOn: string; title: LocalizedText } {
  const month = String(quarter * 3).padStart(2, '0');
  return {
    dueOn: `${year}-${month}-15`,
    title: { vi: `Quý ${ROMAN[quarter - 1]}/${year}`, en: `Q${quarter} ${year}` },
  };
}

function halfRound(year: number, half: 1 | 2): { dueOn: string; title: LocalizedText } {
  return half === 1
    ? { dueOn: `${year}-06-15`, title: { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` } }
    : { dueOn: `${year}-12-15`, title: { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` } };
}

const DAY_OF_YEAR = /^(\d{1,2})\/(\d{1,2})$/;

/** One entry's due days, or undefined when the entry is not a schedule entry. */
function entryRounds(entry: string, year: number): { dueOn: string; title: LocalizedText }[] | undefined {
  const text = entry.trim();
  const keyword = text.toLowerCase();
  if (keyword === 'quarterly') return [1, 2, 3, 4].map((quarter) => quarterRound(year, quarter));
  if (keyword === 'half-yearly') return [halfRound(year, 1), halfRound(year, 2)];
  const dayOfYear = DAY_OF_YEAR.exec(text);
  const day = dayOfYear
    ? parseVietnameseDate(`${dayOfYear[1]}/${dayOfYear[2]}/${year}`)
    : isCalendarDay(text)
      ? text
      : parseVietnameseDate(text);
  if (day === undefined) return undefined;
  // Named by its month, as seed 003's "báo cáo … trước ngày 15/11" is the November report; the day is shown beside it.
  const [dayYear, dayMonth] = day.split('-');
  return [
    {
      dueOn: day,
      title: { vi: `Báo cáo tháng ${dayMonth}/${dayYear}`, en: `${MONTHS[Number(dayMonth) - 1]} ${dayYear} report` },
    },
  ];
}

/** The schedule's problems, each at `reportingSchedule[i]`: an unknown entry, or a day before the plan's date. */
export function reportingScheduleProblems(plan: PlanSchedule): Problem[] {
  const problems: Problem[] = [];
  plan.reportingSchedule.forEach((entry, index) => {
    const location = { column: 'reportingSchedule', path: `reportingSchedule[${index}]` };
    const rounds = entryRounds(entry, plan.year);
    if (rounds === undefined) {
      problems.push({ code: 'plan.schedule-unknown-entry', params: { value: entry }, location });
      return;
    }
    // A keyword's days before the plan's date are simply not rounds; a day written out must not be.
    const explicit = !(REPORTING_SCHEDULE_KEYWORDS as readonly string[]).includes(entry.trim().toLowerCase());
    const day = rounds[0]?.dueOn;
    if (explicit && day !== undefined && day < plan.date) {
      problems.push({
        code: 'plan.schedule-before-plan',
        params: { dueOn: formatCalendarDay(day), dueOnEn: day, planDate: formatCalendarDay(plan.date), planDateEn: plan.date },
        location,
      });
    }
  });
  return problems;
}

/** The plan's rounds, in date order; unknown entries (refused when the plan is saved) are left out. */
export function reportingRounds(plan: PlanSchedule): ReportingRound[] {
  const byDay = new Map<string, LocalizedText>();
  for (const entry of plan.reportingSchedule) {
    for (const round of entryRounds(entry, plan.year) ?? []) {
      if (round.dueOn >= plan.date && !byDay.has(round.dueOn)) byDay.set(round.dueOn, round.title);
    }
  }
  const days = [...byDay.keys()].sort();
  return days.map((dueOn, index) => ({
    dueOn,
    opensOn: index === 0 ? plan.date : addDays(days[index - 1] as string, 1),
    title: byDay.get(dueOn) as LocalizedText,
  }));
}

/** The round being reported now: the first not yet due on `today`; undefined once the last is past. */
export function currentRound(rounds: readonly ReportingRound[], today: string): ReportingRound | undefined {
  return rounds.find((round) => round.dueOn >= today);
}

/** Whether reports are taken for the round on `today`: it has opened (a past round still takes late reports). */
export function roundIsOpen(round: ReportingRound, today: string): boolean {
  return round.opensOn <= today;
}

/**
 * A task's report in a round: `submitted` on or before the due day, `late` after it, `missing` when
 * the due day has passed without one, `pending` while it is not due yet.
 */
export const REPORT_STATUSES = ['submitted', 'late', 'missing', 'pending'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Labels<ReportStatus> = {
  submitted: { vi: 'Đã báo cáo đúng hạn', en: 'Submitted on time' },
  late: { vi: 'Báo cáo muộn', en: 'Submitted late' },
  missing: { vi: 'Chưa báo cáo (quá hạn)', en: 'Missing' },
  pending: { vi: 'Chưa đến hạn', en: 'Not due yet' },
};

/** `submittedOn` is the Vietnam day of the FIRST submission: editing a report later does not make it late. */
export function reportStatus(round: { dueOn: string }, submittedOn: string | null, today: string): ReportStatus {
  if (submittedOn !== null) return submittedOn <= round.dueOn ? 'submitted' : 'late';
  return today > round.dueOn ? 'missing' : 'pending';
}

/**
 * Whether a task owes a report in a round. A cancelled task does not, and neither does a task done
 * before the round: one whose completion was already reported in an earlier round (the report
 * saying "done", with its evidence, is the last one asked for; a task reopened by the manager is
 * expected again).
 */
export function reportExpected(task: { state: TaskState }, reportedDoneInEarlierRound: boolean): boolean {
  if (task.state === 'cancelled') return false;
  return !(task.state === 'done' && reportedDoneInEarlierRound);
}

/** The states a lead unit reports (cancelling is the manager's, with a reason). */
export const REPORTED_TASK_STATES = ['notStarted', 'inProgress', 'done'] as const;
export type ReportedTaskState = (typeof REPORTED_TASK_STATES)[number];

/**
 * The task-workflow action a reported state asks for (core's task workflow then says whether the
 * lead unit may take it): null when the task is already in that state. A task in progress cannot
 * be reported "not started" again: no action goes back there (`undefined`).
 */
export function reportedStateAction(from: TaskState, to: ReportedTaskState): TaskAction | null | undefined {
  if (from === to) return null;
  if (to === 'done') return from === 'cancelled' ? 'restore' : 'complete';
  if (to === 'inProgress') return from === 'notStarted' ? 'start' : from === 'done' ? 'reopen' : 'restore';
  return from === 'done' ? 'reopen' : from === 'cancelled' ? 'restore' : undefined;
}
