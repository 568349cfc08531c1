import type { Problem } from '../errors/problem.js';
import { formatCalendarDay, isCalendarDay, vietnamDay } from './calendar-day.js';
import { decide, denialProblem } from './capabilities.js';
import type { Actor } from './roles.js';
import { type ActionVerdict, ALLOWED_ACTION, blocked, type Labels } from './transition-table.js';

/**
 * The period manager's view of one unit in a period (the status board) and the controls the manager
 * has over it: extending its deadline, taking it out of the period, or, when it entered nothing by
 * the close, scoring it as zero. Pure: the server gives the facts, the board renders the result.
 */

/**
 * Whether a unit counts in the period. `notParticipating`: taken out by the manager, with a reason
 * (excluded from the publish guard, the results and the ranking). `scoredAsZero`: it entered nothing
 * by the close and the manager decided, with a reason, that it is ranked with zero points.
 */
export const PARTICIPATIONS = ['participating', 'notParticipating', 'scoredAsZero'] as const;
export type Participation = (typeof PARTICIPATIONS)[number];

export const PARTICIPATION_LABELS: Labels<Participation> = {
  participating: { vi: 'Tham gia', en: 'Participating' },
  notParticipating: { vi: 'Không tham gia', en: 'Not participating' },
  scoredAsZero: { vi: 'Tính 0 điểm', en: 'Scored as zero' },
};

/**
 * Where a unit stands with its self-assessment:
 * - `notStarted` / `inProgress`: not submitted, nothing / something answered;
 * - `submitted`, `submittedLate` (after the period's own deadline, thanks to an extension);
 * - `submittedAtClose`: never submitted; the system submitted what it had entered when the manager
 *   closed the self-assessment, which is not a submission by the unit;
 * - `noData`: the self-assessment is closed and it entered nothing: neither ranked nor published as 0
 *   until the manager decides (`notParticipating` or `scoredAsZero`);
 * - `notParticipating`, `scoredAsZero`: the manager's decisions.
 */
export const UNIT_PROGRESS_STATUSES = [
  'notStarted',
  'inProgress',
  'submitted',
  'submittedLate',
  'submittedAtClose',
  'noData',
  'notParticipating',
  'scoredAsZero',
] as const;
export type UnitProgressStatus = (typeof UNIT_PROGRESS_STATUSES)[number];

export const UNIT_PROGRESS_LABELS: Labels<UnitProgressStatus> = {
  notStarted: { vi: 'Chưa bắt đầu', en: 'Not started' },
  inProgress: { vi: 'Đang làm', en: 'In progress' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  submittedLate: { vi: 'Nộp muộn', en: 'Submitted late' },
  submittedAtClose: { vi: 'Nộp tự động khi đóng kỳ', en: 'Submitted automatically at close' },
  noData: { vi: 'Không có dữ liệu', en: 'No data' },
  notParticipating: { vi: 'Không tham gia', en: 'Not participating' },
  scoredAsZero: { vi: 'Tính 0 điểm', en: 'Scored as zero' },
};

/** Periods in which units still self-assess: before the close, a unit with no answer has simply not started. */
const SELF_ASSESSING_PERIODS: readonly string[] = ['draft', 'selfAssessment'];

export interface UnitProgressFacts {
  periodState: string;
  /** Undefined before the period opens (no assessment yet). */
  assessmentState: string | undefined;
  participation: string;
  /** Indicators answered (points, a value or "not assessed"). */
  answered: number;
  submittedAt: Date | string | null;
  submittedAtClose: boolean;
  /** The period's own deadline (yyyy-mm-dd), not the unit's extension. */
  periodDeadline: string;
}

/** Submitted by the unit itself after the period's own deadline (which only an extension allows). */
export function isSubmittedLate(facts: Pick<UnitProgressFacts, 'submittedAt' | 'submittedAtClose' | 'periodDeadline'>): boolean {
  if (facts.submittedAt === null || facts.submittedAtClose) return false;
  return vietnamDay(new Date(facts.submittedAt)) > facts.periodDeadline;
}

/** A unit that entered nothing, once units no longer self-assess: no data, whatever its state. */
export function hasNoData(facts: Pick<UnitProgressFacts, 'periodState' | 'answered'>): boolean {
  return facts.answered === 0 && !SELF_ASSESSING_PERIODS.includes(facts.periodState);
}

export function unitProgressStatus(facts: UnitProgressFacts): UnitProgressStatus {
  if (facts.participation === 'notParticipating') return 'notParticipating';
  if (facts.participation === 'scoredAsZero') return 'scoredAsZero';
  const submitted = facts.assessmentState !== undefined && facts.assessmentState !== 'draft';
  if (!submitted) {
    if (hasNoData(facts)) return 'noData';
    return facts.answered === 0 ? 'notStarted' : 'inProgress';
  }
  if (facts.submittedAtClose) return 'submittedAtClose';
  return isSubmittedLate(facts) ? 'submittedLate' : 'submitted';
}

/** The last day a unit may submit: its own extension when the manager granted one, else the period's. */
export function unitDeadline(periodDeadline: string, extendedTo: string | null | undefined): string {
  return extendedTo ?? periodDeadline;
}

/** The manager's controls over one unit of the period, beside the assessment workflow's `returnToUnit`. */
export const UNIT_ACTIONS = ['extendDeadline', 'markNotParticipating', 'restoreParticipation', 'scoreAsZero'] as const;
export type UnitAction = (typeof UNIT_ACTIONS)[number];

export interface UnitActionFacts {
  periodState: string;
  /** Undefined before the period opens. */
  assessmentState: string | undefined;
  participation: string;
  answered: number;
  unitId: string;
}

function periodStateProblem(allowed: readonly string[]): Problem {
  return { code: 'unit-action.period-state', params: { allowed: allowed.join(', ') } };
}

/**
 * What the manager may do with one unit now, and why not: extend its deadline while units
 * self-assess and it has not submitted; take it out of the period (or back in) until publication;
 * score it as zero once the self-assessment is closed and only if it entered nothing.
 */
export function evaluateUnitActions(
  actor: Actor | undefined,
  facts: UnitActionFacts,
): { action: UnitAction; verdict: ActionVerdict }[] {
  const judge = (action: UnitAction): ActionVerdict => {
    const decision = decide(actor, 'period.manage', { unitId: facts.unitId });
    if (!decision.allowed) return blocked('missing-capability', denialProblem('period.manage', decision.reason, actor?.role));
    if (facts.assessmentState === undefined) return blocked('period-state', periodStateProblem(['selfAssessment', 'appraisal']));
    const { participation } = facts;
    switch (action) {
      case 'extendDeadline':
        if (facts.periodState !== 'selfAssessment') return blocked('period-state', periodStateProblem(['selfAssessment']));
        if (participation !== 'participating' || facts.assessmentState !== 'draft')
          return blocked('wrong-state', { code: 'unit-action.already-submitted' });
        return ALLOWED_ACTION;
      case 'markNotParticipating':
        if (!['selfAssessment', 'appraisal'].includes(facts.periodState))
          return blocked('period-state', periodStateProblem(['selfAssessment', 'appraisal']));
        if (participation === 'notParticipating') return blocked('wrong-state', { code: 'unit-action.not-participating' });
        return { allowed: true, reasonRequired: true };
      case 'restoreParticipation':
        if (!['selfAssessment', 'appraisal'].includes(facts.periodState))
          return blocked('period-state', periodStateProblem(['selfAssessment', 'appraisal']));
        if (participation === 'participating') return blocked('wrong-state', { code: 'unit-action.participating' });
        return { allowed: true, reasonRequired: true };
      case 'scoreAsZero':
        if (facts.periodState !== 'appraisal') return blocked('period-state', periodStateProblem(['appraisal']));
        if (participation !== 'participating' || !hasNoData(facts) || facts.assessmentState !== 'draft')
          return blocked('wrong-state', { code: 'unit-action.has-data' });
        return { allowed: true, reasonRequired: true };
    }
  };
  return UNIT_ACTIONS.map((action) => ({ action, verdict: judge(action) }));
}

/**
 * Checks a deadline extension: a real day, later than the period's own deadline (an extension), not
 * in the past, and a reason. Every problem at once.
 */
export function deadlineExtensionProblems(input: {
  date: string;
  reason: string | undefined;
  periodDeadline: string;
  now: Date;
}): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDay(input.date)) problems.push({ code: 'workflow.due-date-invalid', params: { value: input.date } });
  else if (input.date <= input.periodDeadline)
    problems.push({
      code: 'unit-action.extension-not-later',
      params: { date: formatCalendarDay(input.date), deadline: formatCalendarDay(input.periodDeadline) },
    });
  else if (input.date < vietnamDay(input.now))
    problems.push({ code: 'workflow.due-date-past', params: { dueOn: formatCalendarDay(input.date) } });
  if (!input.reason?.trim()) problems.push({ code: 'unit-action.reason-required' });
  return problems;
}

/** What the publish guard knows about one assessment of the period. */
export interface PublishCandidate {
  state: string;
  participation: string;
  /** Indicators answered: a unit with none is not published until the manager decides. */
  answered: number;
}

/**
 * Publication's data guard: a period with no participating unit has nothing to publish; a unit that
 * entered nothing blocks until the manager takes it out or scores it as zero; every other
 * participating assessment must be finalised. Units taken out are ignored.
 */
export function publishBlock(
  candidates: readonly PublishCandidate[],
): { reason: 'no-participants' | 'no-data-undecided' | 'not-all-finalised'; problem: Problem } | undefined {
  const counted = candidates.filter((row) => row.participation !== 'notParticipating');
  if (counted.length === 0) return { reason: 'no-participants', problem: { code: 'workflow.no-participants' } };
  const undecided = counted.filter((row) => row.participation === 'participating' && row.answered === 0 && row.state === 'draft');
  if (undecided.length > 0)
    return { reason: 'no-data-undecided', problem: { code: 'workflow.no-data-undecided', params: { count: undecided.length } } };
  const unfinished = counted.filter((row) => row.participation !== 'scoredAsZero' && row.state !== 'finalised').length;
  if (unfinished > 0)
    return { reason: 'not-all-finalised', problem: { code: 'workflow.not-all-finalised', params: { count: unfinished } } };
  return undefined;
}

/**
 * Closing the self-assessment before the deadline: the page asks for confirmation and says how many
 * units have not submitted. Undefined on or after the deadline's day, when closing is the plan.
 */
export function earlyCloseWarning(input: {
  deadline: string;
  now: Date;
  notSubmitted: number;
}): { deadline: string; notSubmitted: number } | undefined {
  return vietnamDay(input.now) <= input.deadline ? { deadline: input.deadline, notSubmitted: input.notSubmitted } : undefined;
}
