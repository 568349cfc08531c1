import type { Problem } from '../errors/problem.js';
import { formatCalendarDay, isCalendarDay, vietnamDay } from './calendar-day.js';
import { decide, denialProblem } from './capabilities.js';
import { PERIOD_STATE_LABELS, type PeriodState } from './period-workflow.js';
import type { Actor, Role } from './roles.js';
import { type ActionVerdict, ALLOWED_ACTION, blocked, labelOf, listLabels } from './transition-table.js';

/**
 * The appraisal council's own organisation of its work: who appraises which unit or main index
 * (assignments), and the minutes of the meeting that signs the appraisal off (biên bản họp).
 */

/** The roles that sit on the council: the people the chair assigns and lists as present. */
export const COUNCIL_ROLES: readonly Role[] = ['appraiser', 'councilChair'];

/**
 * Work given to one council member in one period: a whole unit (`mainIndexCode` null), one main
 * index of a unit, or one main index in every unit (`unitId` null). An assignment directs the work —
 * the queue and the pages show each member what is theirs — but does not narrow who may decide: seed
 * 001 gives the decisions to the council as a body, so any member may still decide any indicator
 * within the field of their account (`Actor.assignedScopes`, the policy's `assignedScope`).
 */
export interface AppraisalAssignment {
  userId: string;
  unitId: string | null;
  mainIndexCode: string | null;
}

/**
 * Does the assignment cover this unit (and, when named, this main index)? Without a main index the
 * question is "is any of this unit's work assigned", which a main-index assignment answers too.
 */
export function assignmentCovers(
  assignment: Pick<AppraisalAssignment, 'unitId' | 'mainIndexCode'>,
  target: { unitId: string; mainIndexCode?: string | undefined },
): boolean {
  if (assignment.unitId !== null && assignment.unitId !== target.unitId) return false;
  return (
    assignment.mainIndexCode === null || target.mainIndexCode === undefined || assignment.mainIndexCode === target.mainIndexCode
  );
}

/** The problems of a new assignment's scope: it names a unit, a main index, or both. */
export function assignmentScopeProblems(input: { unitId?: string | null; mainIndexCode?: string | null }): Problem[] {
  return !input.unitId && !input.mainIndexCode ? [{ code: 'assignment.empty-scope' }] : [];
}

/** What the chair records of the sign-off meeting. */
export interface CouncilMinutesInput {
  /** yyyy-mm-dd. */
  meetingOn: string;
  /** Council members present, chosen from the council's accounts. */
  memberIds: readonly string[];
  /** Others present (invited experts, the period manager's staff), as written. */
  otherAttendees: readonly string[];
  /** The council's conclusion. */
  decision: string;
}

/**
 * Checks minutes before they are kept: a real date not after today (Vietnam time) — minutes record a
 * meeting that took place — at least one council member present, and a decision written. Every
 * problem at once, so that a form marks each field.
 */
export function councilMinutesProblems(input: CouncilMinutesInput, now: Date): Problem[] {
  const problems: Problem[] = [];
  const meetingOn = input.meetingOn.trim();
  if (!isCalendarDay(meetingOn)) {
    problems.push({ code: 'minutes.date-invalid', params: { value: meetingOn }, location: { path: '/meetingOn' } });
  } else if (meetingOn > vietnamDay(now)) {
    problems.push({
      code: 'minutes.date-future',
      params: { meetingOn: formatCalendarDay(meetingOn) },
      location: { path: '/meetingOn' },
    });
  }
  if (input.memberIds.length === 0) problems.push({ code: 'minutes.no-members', location: { path: '/memberIds' } });
  if (!input.decision.trim()) problems.push({ code: 'minutes.decision-empty', location: { path: '/decision' } });
  return problems;
}

const MINUTES_ACTION = { vi: 'ghi hoặc sửa biên bản họp Hội đồng', en: "record or edit the council's minutes" };
const ASSIGN_ACTION = { vi: 'thay đổi phân công thẩm định', en: 'change appraisal assignments' };

/** The work is shared out before and during the appraisal; published results are no longer worked on. */
export const ASSIGNMENT_PERIOD_STATES: readonly PeriodState[] = ['draft', 'selfAssessment', 'appraisal'];

function periodVerdict(action: { vi: string; en: string }, periodState: string, allowed: readonly PeriodState[]): ActionVerdict {
  if ((allowed as readonly string[]).includes(periodState)) return ALLOWED_ACTION;
  return blocked('period-state', {
    code: 'workflow.period-state',
    params: {
      action: action.vi,
      actionEn: action.en,
      periodState: labelOf(PERIOD_STATE_LABELS, periodState, 'vi'),
      periodStateEn: labelOf(PERIOD_STATE_LABELS, periodState, 'en'),
      allowed: listLabels(PERIOD_STATE_LABELS, allowed, 'vi'),
      allowedEn: listLabels(PERIOD_STATE_LABELS, allowed, 'en'),
    },
  });
}

/** May this actor add or remove assignments in a period in this state? The chair or the period manager. */
export function evaluateAssignAction(actor: Actor | undefined, periodState: string): ActionVerdict {
  const decision = decide(actor, 'appraisal.assign');
  if (!decision.allowed) return blocked('missing-capability', denialProblem('appraisal.assign', decision.reason, actor?.role));
  return periodVerdict(ASSIGN_ACTION, periodState, ASSIGNMENT_PERIOD_STATES);
}

/**
 * May this actor record or edit the council's minutes now? The chair alone (the policy's
 * `council.recordMinutes`), and only while the period is under appraisal: once results are published
 * the minutes are part of the record.
 */
export function evaluateMinutesAction(actor: Actor | undefined, periodState: string): ActionVerdict {
  const decision = decide(actor, 'council.recordMinutes');
  if (!decision.allowed)
    return blocked('missing-capability', denialProblem('council.recordMinutes', decision.reason, actor?.role));
  return periodVerdict(MINUTES_ACTION, periodState, ['appraisal']);
}
