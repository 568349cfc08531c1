import { DomainError, type Locale, type Problem } from '../errors/problem.js';
import { formatCalendarDay, isCalendarDay, vietnamDay } from './calendar-day.js';
import { type Capability, decide, denialProblem, type ResourceContext } from './capabilities.js';
import { PERIOD_STATE_LABELS, type PeriodState } from './period-workflow.js';
import type { Actor, Role } from './roles.js';
import {
  type ActionBlock,
  type ActionVerdict,
  ALLOWED_ACTION,
  actionParams,
  blocked,
  capabilityOf,
  evaluateActions,
  findRule,
  type Labels,
  labelOf,
  listLabels,
  reasonProblem,
  resolveTransition,
  type TransitionRule,
  throwInputProblems,
  type WorkflowTable,
} from './transition-table.js';

/**
 * One unit's assessment in one period. Seed 001, section III.1.3: the unit self-scores each
 * indicator with evidence and explanations ("Điểm tự đánh giá"); the appraisal council "xem xét,
 * công nhận hoặc điều chỉnh điểm tự chấm của từng chỉ số" ("Điểm thẩm định"); during appraisal the
 * unit may "bổ sung kết quả …, TLKC hoặc giải trình"; and the official score is the council's. The
 * chair of the council closes each unit's appraisal (finalise) and alone may reopen it.
 */
export const ASSESSMENT_STATES = [
  'draft',
  'submitted',
  'inAppraisal',
  'supplementationRequested',
  'supplemented',
  'rebuttalOpen',
  'rebuttalSubmitted',
  'finalised',
] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const ASSESSMENT_ACTIONS = [
  'submit',
  'returnToUnit',
  'startAppraisal',
  'requestSupplementation',
  'submitSupplementation',
  'sendResults',
  'submitRebuttal',
  'withdrawSupplementation',
  'finalise',
  'reopen',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export const ASSESSMENT_STATE_LABELS: Labels<AssessmentState> = {
  draft: { vi: 'Đang tự đánh giá', en: 'Self-assessment in progress' },
  submitted: { vi: 'Đã nộp, chờ thẩm định', en: 'Submitted, awaiting appraisal' },
  inAppraisal: { vi: 'Đang thẩm định', en: 'Under appraisal' },
  supplementationRequested: { vi: 'Yêu cầu bổ sung, giải trình', en: 'Supplementation requested' },
  supplemented: { vi: 'Đã bổ sung, chờ thẩm định lại', en: 'Supplemented, awaiting re-appraisal' },
  rebuttalOpen: { vi: 'Đã gửi kết quả, đơn vị giải trình, kiến nghị', en: 'Results sent, open to the unit’s rebuttal' },
  rebuttalSubmitted: { vi: 'Đơn vị đã gửi kiến nghị, chờ Hội đồng trả lời', en: 'Rebuttal submitted, awaiting the council' },
  finalised: { vi: 'Đã chốt kết quả', en: 'Result finalised' },
};

/** Phrased to complete "không thể … khi đang ở trạng thái …" / "cannot … while …". */
export const ASSESSMENT_ACTION_LABELS: Labels<AssessmentAction> = {
  submit: { vi: 'nộp bản tự đánh giá', en: 'submit the self-assessment' },
  returnToUnit: { vi: 'trả lại bản tự đánh giá cho đơn vị', en: 'return the self-assessment to the unit' },
  startAppraisal: { vi: 'bắt đầu thẩm định', en: 'start the appraisal' },
  requestSupplementation: { vi: 'yêu cầu đơn vị bổ sung, giải trình', en: 'ask the unit for supplementation' },
  submitSupplementation: { vi: 'nộp bổ sung, giải trình', en: 'submit the supplementation' },
  sendResults: { vi: 'gửi kết quả thẩm định cho đơn vị', en: 'send the appraisal results to the unit' },
  submitRebuttal: { vi: 'gửi giải trình, kiến nghị', en: 'submit the rebuttal' },
  withdrawSupplementation: { vi: 'rút lại yêu cầu bổ sung, giải trình', en: 'withdraw the supplementation request' },
  finalise: { vi: 'chốt kết quả thẩm định', en: 'finalise the appraisal' },
  reopen: { vi: 'mở lại kết quả đã chốt', en: 'reopen the finalised result' },
};

export interface AssessmentTransition extends TransitionRule<AssessmentState, AssessmentAction> {
  /** The period states in which the action is possible: units work during self-assessment, the council during appraisal. */
  periodStates: readonly PeriodState[];
  /** Refused after the self-assessment deadline the caller passes (as extended by the period manager). */
  checksDeadline: boolean;
  /** The unit is told by when to answer (`dueOn`, yyyy-mm-dd). */
  dueDateRequired: boolean;
  /**
   * Taken only as part of the council's decision on an indicator (which records what the unit must
   * add), never asked for on its own through the transitions route.
   */
  byDecision: boolean;
}

const COUNCIL: readonly Role[] = ['appraiser', 'councilChair'];

/**
 * The assessment's transitions. Which unit or indicator an actor may act on is not here but in
 * `decide` (capabilities.ts): a route checks both.
 */
export const ASSESSMENT_TRANSITIONS: readonly AssessmentTransition[] = [
  // The unit's head signs the submission; seed 001: "gửi về Hội đồng thẩm định chậm nhất ngày 30/01".
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: ['unitLeader'],
    capability: 'assessment.submit',
    periodStates: ['selfAssessment'],
    reasonRequired: false,
    checksDeadline: true,
    dueDateRequired: false,
    byDecision: false,
  },
  // Sent back before appraisal starts (wrong file, incomplete); only while the unit can still resubmit.
  {
    action: 'returnToUnit',
    from: ['submitted'],
    to: 'draft',
    roles: ['periodManager'],
    capability: 'period.manage',
    periodStates: ['selfAssessment'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  // Implicit: the server takes it on the council's first decision on a submitted or supplemented assessment.
  {
    action: 'startAppraisal',
    from: ['submitted', 'supplemented'],
    to: 'inAppraisal',
    roles: COUNCIL,
    capability: 'appraisal.decide',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  // Seed 001: during appraisal the unit may "bổ sung … TLKC hoặc giải trình"; the council says what and by when.
  {
    action: 'requestSupplementation',
    from: ['inAppraisal'],
    to: 'supplementationRequested',
    roles: COUNCIL,
    capability: 'appraisal.decide',
    periodStates: ['appraisal'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: true,
    byDecision: true,
  },
  {
    action: 'submitSupplementation',
    from: ['supplementationRequested'],
    to: 'supplemented',
    roles: ['unitLeader'],
    capability: 'assessment.supplement',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  // Taken when the council withdraws the last request the unit has not answered: nothing waits for
  // the unit any more, so the appraisal goes on (the unit's banner goes with it).
  {
    action: 'withdrawSupplementation',
    from: ['supplementationRequested'],
    to: 'inAppraisal',
    roles: COUNCIL,
    capability: 'appraisal.decide',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: true,
  },
  // Rebuttal round (giải trình, kiến nghị), where the period holds one: once every indicator is
  // decided the chair sends the results to the unit, which may contest adjusted indicators within a
  // window of working days (`rebuttalDueOn`); its leader sends the contests, like a supplementation.
  {
    action: 'sendResults',
    from: ['inAppraisal', 'supplemented'],
    to: 'rebuttalOpen',
    roles: ['councilChair'],
    capability: 'appraisal.finalise',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  {
    action: 'submitRebuttal',
    from: ['rebuttalOpen'],
    to: 'rebuttalSubmitted',
    roles: ['unitLeader'],
    capability: 'assessment.supplement',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  // The chair closes the unit's appraisal; the caller checks `canFinalise` (every indicator decided)
  // and, with a rebuttal round, `rebuttalBlock` (results sent, window over, every contest answered).
  {
    action: 'finalise',
    from: ['inAppraisal', 'supplemented', 'rebuttalOpen', 'rebuttalSubmitted'],
    to: 'finalised',
    roles: ['councilChair'],
    capability: 'appraisal.finalise',
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
  // Published results are frozen: a correction first needs the administrator to reopen the period.
  {
    action: 'reopen',
    from: ['finalised'],
    to: 'inAppraisal',
    roles: ['councilChair'],
    capability: 'appraisal.reopen',
    periodStates: ['appraisal'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: false,
    byDecision: false,
  },
];

/** What each state lets whom edit (dhis2's "locked states", as data). */
export interface AssessmentStateRules {
  /** Self points, explanations and evidence, freely. */
  unitEditsAnswers: boolean;
  /** Evidence and explanations, only on indicators under an open supplementation request. */
  unitAddsSupplementation: boolean;
  /** The council's per-indicator decisions: accept, adjust, or ask for supplementation. */
  councilDecides: boolean;
  /** The unit contests adjusted indicators (explanation and evidence) during the rebuttal window. */
  unitContests: boolean;
}

export const ASSESSMENT_STATE_RULES: Readonly<Record<AssessmentState, Readonly<AssessmentStateRules>>> = {
  draft: { unitEditsAnswers: true, unitAddsSupplementation: false, councilDecides: false, unitContests: false },
  // The council may decide on a submitted assessment: its first decision starts the appraisal.
  submitted: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true, unitContests: false },
  inAppraisal: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true, unitContests: false },
  // Requests are open. Seed 001 §1.3 b: units add evidence or explanations "đối với từng chỉ số thành
  // phần", so only the requested indicators wait for the unit (`awaitingUnitCodes`); the council goes
  // on deciding every other indicator, so that one appraiser's request never blocks the others.
  supplementationRequested: { unitEditsAnswers: false, unitAddsSupplementation: true, councilDecides: true, unitContests: false },
  supplemented: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true, unitContests: false },
  // Results sent: the decisions are frozen while the unit may contest; the council then answers each
  // contest (keep or change), which is not a decision of its own.
  rebuttalOpen: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: false, unitContests: true },
  rebuttalSubmitted: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: false, unitContests: false },
  finalised: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: false, unitContests: false },
};

export type AssessmentTable = WorkflowTable<AssessmentState, AssessmentAction, AssessmentTransition>;

export const ASSESSMENT_TABLE: AssessmentTable = {
  actions: ASSESSMENT_ACTIONS,
  transitions: ASSESSMENT_TRANSITIONS,
  stateLabels: ASSESSMENT_STATE_LABELS,
  actionLabels: ASSESSMENT_ACTION_LABELS,
};

export function isAssessmentState(value: unknown): value is AssessmentState {
  return typeof value === 'string' && (ASSESSMENT_STATES as readonly string[]).includes(value);
}

export function assessmentStateLabel(state: string, locale: Locale = 'vi'): string {
  return labelOf(ASSESSMENT_STATE_LABELS, state, locale);
}

/** An unknown state (bad data) allows nothing. */
function rulesOf(state: string): Readonly<AssessmentStateRules> | undefined {
  return isAssessmentState(state) ? ASSESSMENT_STATE_RULES[state] : undefined;
}

/** The unit may change its self points, explanations and evidence: only while self-assessing. */
export function unitCanEditAnswers(state: string): boolean {
  return rulesOf(state)?.unitEditsAnswers ?? false;
}

/**
 * The unit may add evidence or explanations: only when the council asked for it, and, when an
 * indicator is named, only on an indicator under an open request ("đối với từng chỉ số thành phần").
 */
export function unitCanAddSupplementation(
  state: string,
  indicator?: { indicatorCode: string; openRequestCodes: readonly string[] },
): boolean {
  if (!(rulesOf(state)?.unitAddsSupplementation ?? false)) return false;
  return indicator === undefined || indicator.openRequestCodes.includes(indicator.indicatorCode);
}

/**
 * A supplementation request's life: `open` (the unit has not answered), `answered` (the unit's
 * explanation is written, its leader has not sent it back yet), `closed` (sent back to the council
 * by `submitSupplementation`).
 */
export const SUPPLEMENTATION_REQUEST_STATUSES = ['open', 'answered', 'closed'] as const;

/**
 * The indicators waiting for the unit: a request not answered, or answered but not yet sent back by
 * the leader. The council neither decides them nor asks again until they come back. An `answered`
 * request outside `supplementationRequested` was sent back before requests were closed on sending
 * (older data): it no longer waits.
 */
export function awaitingUnitCodes(state: string, requests: readonly { indicatorCode: string; status: string }[]): string[] {
  return requests
    .filter((row) => row.status === 'open' || (row.status === 'answered' && state === 'supplementationRequested'))
    .map((row) => row.indicatorCode);
}

/** The council may record per-indicator decisions (on an indicator not waiting for the unit). */
export function councilCanDecide(state: string): boolean {
  return rulesOf(state)?.councilDecides ?? false;
}

export function findTransition(action: string, fromState: string): AssessmentTransition | undefined {
  return findRule(ASSESSMENT_TABLE, action, fromState);
}

export interface WorkflowContext {
  /** The state of the assessment's period. */
  periodState: string;
  /** With `deadline`: hides `submit` once the deadline has passed. */
  now?: Date;
  /** Last day (yyyy-mm-dd, Vietnam time) a unit may submit, as extended by the period manager. */
  deadline?: string | undefined;
}

function deadlinePassed(deadline: string | undefined, now: Date | undefined): boolean {
  if (deadline === undefined || now === undefined) return false;
  // A malformed deadline is the caller's bug (it comes from its own validated schema), not the user's.
  if (!isCalendarDay(deadline)) throw new TypeError(`deadline must be a yyyy-mm-dd day, not "${deadline}"`);
  return vietnamDay(now) > deadline;
}

export interface AssessmentTransitionRequest {
  action: string;
  /** The assessment's current state. */
  from: string;
  actor: Actor;
  reason?: string | undefined;
  now: Date;
  periodState: string;
  /** For `submit`: last day (yyyy-mm-dd, Vietnam time) to submit, as extended; undefined = no deadline. */
  deadline?: string | undefined;
  /** For `requestSupplementation`: the day (yyyy-mm-dd) by which the unit must answer. */
  dueOn?: string | undefined;
}

function dueDateProblem(rule: AssessmentTransition, dueOn: string | undefined, now: Date): Problem | undefined {
  if (!rule.dueDateRequired) return undefined;
  if (!dueOn?.trim()) return { code: 'workflow.due-date-required' };
  if (!isCalendarDay(dueOn)) return { code: 'workflow.due-date-invalid', params: { value: dueOn } };
  if (dueOn < vietnamDay(now)) return { code: 'workflow.due-date-past', params: { dueOn: formatCalendarDay(dueOn) } };
  return undefined;
}

/**
 * Checks an assessment transition and returns the state to move to. In order:
 * unknown action → invalid-input `workflow.unknown-action`; role never allowed → forbidden
 * `workflow.role-not-allowed`; not from this state → conflict `workflow.transition-not-allowed`;
 * period in the wrong state → conflict `workflow.period-state`; deadline passed → conflict
 * `workflow.deadline-passed`; missing reason or due date → invalid-input (all such problems at once).
 * Guards that need data core does not hold (every indicator decided, every request answered) are the
 * caller's: see `canFinalise`.
 */
export function applyTransition(request: AssessmentTransitionRequest): { to: AssessmentState } {
  const rule = resolveTransition(ASSESSMENT_TABLE, request);
  const { periodState, now } = request;
  if (!(rule.periodStates as readonly string[]).includes(periodState)) {
    throw new DomainError('conflict', [periodStateProblem(rule, periodState)]);
  }
  if (rule.checksDeadline && deadlinePassed(request.deadline, now)) {
    throw new DomainError('conflict', [deadlineProblem(request.deadline as string)]);
  }
  throwInputProblems([reasonProblem(ASSESSMENT_ACTION_LABELS, rule, request.reason), dueDateProblem(rule, request.dueOn, now)]);
  return { to: rule.to };
}

export const APPRAISAL_DECISIONS = ['accepted', 'adjusted', 'supplementationRequested'] as const;
/** The council's decision on one indicator: "công nhận" (accepted), "điều chỉnh" (adjusted), or a request to supplement. */
export type AppraisalDecisionKind = (typeof APPRAISAL_DECISIONS)[number];

/** The decisions as the council's minutes name them (the audit log shows them so). */
export const APPRAISAL_DECISION_LABELS: Labels<AppraisalDecisionKind> = {
  accepted: { vi: 'Công nhận', en: 'Accepted' },
  adjusted: { vi: 'Điều chỉnh', en: 'Adjusted' },
  supplementationRequested: { vi: 'Yêu cầu bổ sung', en: 'Supplementation requested' },
};

/**
 * Guard of `finalise`: the indicators (in the given order) that have no decision yet, or whose
 * decision is still an open supplementation request. The chair closes a unit only when the council
 * has accepted or adjusted every score, since the appraised points are the official ones.
 */
export function undecidedIndicators(
  indicatorCodes: readonly string[],
  decisions: readonly { indicatorCode: string; decision: string }[],
): string[] {
  const decisionByCode = new Map(decisions.map((row) => [row.indicatorCode, row.decision]));
  return indicatorCodes.filter((code) => {
    const decision = decisionByCode.get(code);
    return decision !== 'accepted' && decision !== 'adjusted';
  });
}

/**
 * The capability an assessment action needs when asked for through the transitions route (which
 * authorizes with it); undefined for an unknown action and for one taken only by a decision.
 */
export function assessmentActionCapability(action: string): Capability | undefined {
  const rule = ASSESSMENT_TRANSITIONS.find((candidate) => candidate.action === action);
  return rule === undefined || rule.byDecision ? undefined : capabilityOf(ASSESSMENT_TABLE, action);
}

/** What the caller knows about an assessment beyond the table: its period, and data for the guards. */
export interface AssessmentFacts {
  state: string;
  periodState: string;
  /** The assessment's unit, for the capability check. */
  unitId: string;
  now: Date;
  /** Last day (yyyy-mm-dd, Vietnam time) a unit may submit, as extended; undefined = no deadline. */
  deadline?: string | undefined;
  /** For `finalise`: indicators neither accepted nor adjusted (`undecidedIndicators`); undefined = not checked. */
  undecidedCodes?: readonly string[];
  /** For `submitSupplementation`: indicators with a request not answered yet; undefined = not checked. */
  openRequestCodes?: readonly string[];
  /** For `sendResults`, `submitRebuttal` and `finalise`: the rebuttal round; undefined = no round. */
  rebuttal?: RebuttalFacts | undefined;
}

/** The rebuttal round (giải trình, kiến nghị) of one assessment, as the guards need it. */
export interface RebuttalFacts {
  /** The period holds a rebuttal round. */
  enabled: boolean;
  /** Last day (yyyy-mm-dd, Vietnam time) the unit may send its contests, once the results are sent. */
  dueOn?: string | null | undefined;
  /** Indicators contested in this round that the council has not answered yet. */
  unansweredCodes?: readonly string[];
}

/**
 * The window has passed: the day (Vietnam time) is after its last day. Computed from the date when
 * asked, so no background job ends the round: once it has passed, the unit can no longer send and
 * the round ends with no contest.
 */
export function rebuttalWindowPassed(dueOn: string | null | undefined, now: Date): boolean {
  if (dueOn === null || dueOn === undefined) return false;
  if (!isCalendarDay(dueOn)) throw new TypeError(`dueOn must be a yyyy-mm-dd day, not "${dueOn}"`);
  return vietnamDay(now) > dueOn;
}

/**
 * The rebuttal round's guard on an action, or undefined: results are sent only where the period holds
 * a round; the unit sends its contests only within the window; the chair finalises only once the
 * results were sent, the window is over (or the unit has sent), and every contest is answered. With
 * the round switched off, finalising is as it was without one.
 */
export function rebuttalBlock(
  action: string,
  state: string,
  rebuttal: RebuttalFacts | undefined,
  now: Date,
): { reason: ActionBlock; problem: Problem } | undefined {
  const dueOn = rebuttal?.dueOn ?? undefined;
  const passed = rebuttalWindowPassed(dueOn, now);
  if (action === 'sendResults' && !rebuttal?.enabled)
    return { reason: 'rebuttal-off', problem: { code: 'workflow.rebuttal-off' } };
  if (action === 'submitRebuttal' && state === 'rebuttalOpen' && passed) {
    return {
      reason: 'deadline-passed',
      problem: { code: 'workflow.rebuttal-window-passed', params: { dueOn: formatCalendarDay(dueOn as string) } },
    };
  }
  if (action !== 'finalise') return undefined;
  if ((state === 'inAppraisal' || state === 'supplemented') && rebuttal?.enabled) {
    return { reason: 'rebuttal-pending', problem: { code: 'workflow.rebuttal-not-sent' } };
  }
  if (state === 'rebuttalOpen' && !passed) {
    return {
      reason: 'rebuttal-pending',
      problem: { code: 'workflow.rebuttal-window-open', params: { dueOn: dueOn ? formatCalendarDay(dueOn) : '?' } },
    };
  }
  const unanswered = rebuttal?.unansweredCodes ?? [];
  if (state === 'rebuttalSubmitted' && unanswered.length > 0) {
    return {
      reason: 'rebuttal-pending',
      problem: { code: 'workflow.unanswered-contests', params: { count: unanswered.length, codes: codeList(unanswered) } },
    };
  }
  return undefined;
}

function periodStateProblem(rule: AssessmentTransition, periodState: string): Problem {
  return {
    code: 'workflow.period-state',
    params: {
      ...actionParams(ASSESSMENT_ACTION_LABELS, rule.action),
      periodState: labelOf(PERIOD_STATE_LABELS, periodState, 'vi'),
      periodStateEn: labelOf(PERIOD_STATE_LABELS, periodState, 'en'),
      allowed: listLabels(PERIOD_STATE_LABELS, rule.periodStates, 'vi'),
      allowedEn: listLabels(PERIOD_STATE_LABELS, rule.periodStates, 'en'),
    },
  };
}

function deadlineProblem(deadline: string): Problem {
  return { code: 'workflow.deadline-passed', params: { deadline: formatCalendarDay(deadline) } };
}

/** A short list of codes for a message: enough to find the first ones. */
const codeList = (codes: readonly string[]) => codes.slice(0, 10).join(', ');

function assessmentGuards(rule: AssessmentTransition, facts: AssessmentFacts): ActionVerdict {
  if (!(rule.periodStates as readonly string[]).includes(facts.periodState)) {
    return blocked('period-state', periodStateProblem(rule, facts.periodState));
  }
  if (rule.checksDeadline && deadlinePassed(facts.deadline, facts.now)) {
    return blocked('deadline-passed', deadlineProblem(facts.deadline as string));
  }
  const undecided = facts.undecidedCodes ?? [];
  if ((rule.action === 'finalise' || rule.action === 'sendResults') && undecided.length > 0) {
    return blocked('undecided-indicators', {
      code: 'workflow.undecided-indicators',
      params: { count: undecided.length, codes: codeList(undecided) },
    });
  }
  const rebuttal = rebuttalBlock(rule.action, facts.state, facts.rebuttal, facts.now);
  if (rebuttal) return blocked(rebuttal.reason, rebuttal.problem);
  const open = facts.openRequestCodes ?? [];
  if (rule.action === 'submitSupplementation' && open.length > 0) {
    return blocked('unanswered-requests', {
      code: 'workflow.unanswered-requests',
      params: { count: open.length, codes: codeList(open) },
    });
  }
  return ALLOWED_ACTION;
}

/**
 * Every assessment action judged for this actor now, in table order: allowed, or why not — the same
 * checks, in the same order, as `applyTransition` and the guards the server applies when the action
 * is taken. `table` is core's own except in tests that prove the pages follow the table.
 */
export function evaluateAssessmentActions(
  actor: Actor | undefined,
  facts: AssessmentFacts,
  table: AssessmentTable = ASSESSMENT_TABLE,
): { action: AssessmentAction; verdict: ActionVerdict }[] {
  return evaluateActions(table, {
    actor,
    state: facts.state,
    resource: { unitId: facts.unitId },
    guards: (rule) => assessmentGuards(rule, facts),
  });
}

/** What a user may do on one indicator of an assessment now. */
export interface IndicatorVerdicts {
  /** Enter or change the self-assessment (points, explanation, evidence). */
  answer: ActionVerdict;
  /** Add evidence or an explanation under an open supplementation request. */
  supplement: ActionVerdict;
  /** Accept or adjust the self points (the council's decision). */
  decide: ActionVerdict;
  /** Ask the unit to supplement this indicator. */
  requestSupplementation: ActionVerdict;
  /** Contest the council's adjustment in the rebuttal round (the unit). */
  contest: ActionVerdict;
  /** Answer the unit's contest: keep or change the points (the council). */
  answerContest: ActionVerdict;
  /** Withdraw this indicator's request while the unit has not answered it (it becomes decidable again). */
  withdrawSupplementation: ActionVerdict;
}

export interface IndicatorFacts {
  state: string;
  periodState: string;
  unitId: string;
  indicatorCode: string;
  /** The main index of the indicator (itself for a main index), for appraisers' scopes. */
  mainIndexCode?: string | undefined;
  /** Indicators with a supplementation request still open. */
  openRequestCodes: readonly string[];
  /** Indicators whose request the unit has not sent back yet (`awaitingUnitCodes`); the council waits on them. */
  awaitingUnitCodes: readonly string[];
  /** The rebuttal round: its window, the indicators the unit may contest (adjusted) and those it contested. */
  rebuttal?: IndicatorRebuttalFacts | undefined;
  now?: Date | undefined;
}

export interface IndicatorRebuttalFacts {
  dueOn?: string | null | undefined;
  /** Indicators the council adjusted: the ones the unit may contest. */
  contestableCodes: readonly string[];
  /** Indicators the unit contested in this round (sent), which the council answers. */
  contestedCodes: readonly string[];
}

/** The unit may write contests (and back them with evidence): only while the rebuttal round is open. */
export function unitCanContest(state: string): boolean {
  return rulesOf(state)?.unitContests ?? false;
}

/** Evidence may be added during the rebuttal window, only on an indicator the unit contests. */
export function unitCanAddRebuttalEvidence(
  state: string,
  indicator: { indicatorCode: string; contestCodes: readonly string[] },
): boolean {
  return unitCanContest(state) && indicator.contestCodes.includes(indicator.indicatorCode);
}

function lockedProblem(state: string): Problem {
  return {
    code: 'workflow.locked',
    params: { state: { vi: assessmentStateLabel(state, 'vi'), en: assessmentStateLabel(state, 'en') } },
  };
}

function capabilityVerdict(
  actor: Actor | undefined,
  capability: Capability,
  resource: ResourceContext,
): ActionVerdict | undefined {
  const decision = decide(actor, capability, resource);
  return decision.allowed ? undefined : blocked('missing-capability', denialProblem(capability, decision.reason, actor?.role));
}

/**
 * The council works while the period is under appraisal: a first decision on a submitted or
 * supplemented assessment starts its appraisal, a request sends it to the unit, and both transitions
 * are possible only then. The page asks it of every decision, so that no button invites a refusal.
 */
function councilPeriodVerdict(periodState: string, table: AssessmentTable): ActionVerdict {
  const rule = table.transitions.find((candidate) => candidate.action === 'startAppraisal');
  if (rule === undefined || (rule.periodStates as readonly string[]).includes(periodState)) return ALLOWED_ACTION;
  return blocked('period-state', periodStateProblem(rule, periodState));
}

function awaitingUnitProblem(indicatorCode: string): Problem {
  return { code: 'workflow.awaiting-unit', params: { indicator: indicatorCode } };
}

/**
 * What the actor may do on one indicator now: the policy (`decide`, with the appraiser's scope), the
 * state rules (`ASSESSMENT_STATE_RULES`) and the indicator's own request. Supplementation is per
 * indicator (seed 001 §1.3 b): while requests are open the council decides, or asks about, every
 * indicator except those waiting for the unit, and the unit supplements only those.
 */
export function evaluateIndicatorActions(
  actor: Actor | undefined,
  facts: IndicatorFacts,
  table: AssessmentTable = ASSESSMENT_TABLE,
): IndicatorVerdicts {
  const unit = { unitId: facts.unitId };
  const indicator = { ...unit, indicatorCode: facts.indicatorCode, mainIndexCode: facts.mainIndexCode };
  const locked = blocked('wrong-state', lockedProblem(facts.state));
  const waits = facts.awaitingUnitCodes.includes(facts.indicatorCode);
  const council = (opensOn: boolean): ActionVerdict => {
    const verdict =
      capabilityVerdict(actor, 'appraisal.decide', indicator) ??
      (opensOn ? councilPeriodVerdict(facts.periodState, table) : locked);
    return verdict.allowed && waits ? blocked('awaiting-unit', awaitingUnitProblem(facts.indicatorCode)) : verdict;
  };
  const councilDecides = councilCanDecide(facts.state);
  const rebuttal = facts.rebuttal;
  const contest = (): ActionVerdict => {
    if (!unitCanContest(facts.state)) return locked;
    if (facts.now !== undefined && rebuttalWindowPassed(rebuttal?.dueOn, facts.now)) {
      return blocked('deadline-passed', {
        code: 'workflow.rebuttal-window-passed',
        params: { dueOn: formatCalendarDay(rebuttal?.dueOn as string) },
      });
    }
    if (!(rebuttal?.contestableCodes ?? []).includes(facts.indicatorCode)) {
      return blocked('wrong-state', { code: 'rebuttal.not-contestable', params: { indicator: facts.indicatorCode } });
    }
    return ALLOWED_ACTION;
  };
  const answerContest = (): ActionVerdict => {
    if (facts.state !== 'rebuttalSubmitted') return locked;
    if (!(rebuttal?.contestedCodes ?? []).includes(facts.indicatorCode)) {
      return blocked('wrong-state', { code: 'rebuttal.not-contested', params: { indicator: facts.indicatorCode } });
    }
    return councilPeriodVerdict(facts.periodState, table);
  };
  const withdrawable = facts.openRequestCodes.includes(facts.indicatorCode);
  return {
    answer: capabilityVerdict(actor, 'assessment.answer', unit) ?? (unitCanEditAnswers(facts.state) ? ALLOWED_ACTION : locked),
    supplement:
      capabilityVerdict(actor, 'assessment.supplement', unit) ??
      (unitCanAddSupplementation(facts.state, facts) ? ALLOWED_ACTION : locked),
    decide: council(councilDecides),
    requestSupplementation: council(councilDecides),
    contest: capabilityVerdict(actor, 'assessment.supplement', unit) ?? contest(),
    answerContest: capabilityVerdict(actor, 'appraisal.decide', indicator) ?? answerContest(),
    withdrawSupplementation:
      capabilityVerdict(actor, 'appraisal.decide', indicator) ??
      (!councilDecides
        ? locked
        : !withdrawable
          ? blocked('wrong-state', { code: 'workflow.no-open-request', params: { indicator: facts.indicatorCode } })
          : councilPeriodVerdict(facts.periodState, table)),
  };
}
