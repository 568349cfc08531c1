import { DomainError, type Locale, type Problem } from '../errors/problem.js';
import { formatCalendarDay, isCalendarDay, vietnamDay } from './calendar-day.js';
import { PERIOD_STATE_LABELS, type PeriodState } from './period-workflow.js';
import type { Actor, Role } from './roles.js';
import {
  actionParams,
  actionsFrom,
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
  'finalised',
] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const ASSESSMENT_ACTIONS = [
  'submit',
  'returnToUnit',
  'startAppraisal',
  'requestSupplementation',
  'submitSupplementation',
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
  finalised: { vi: 'Đã chốt kết quả', en: 'Result finalised' },
};

/** Phrased to complete "không thể … khi đang ở trạng thái …" / "cannot … while …". */
export const ASSESSMENT_ACTION_LABELS: Labels<AssessmentAction> = {
  submit: { vi: 'nộp bản tự đánh giá', en: 'submit the self-assessment' },
  returnToUnit: { vi: 'trả lại bản tự đánh giá cho đơn vị', en: 'return the self-assessment to the unit' },
  startAppraisal: { vi: 'bắt đầu thẩm định', en: 'start the appraisal' },
  requestSupplementation: { vi: 'yêu cầu đơn vị bổ sung, giải trình', en: 'ask the unit for supplementation' },
  submitSupplementation: { vi: 'nộp bổ sung, giải trình', en: 'submit the supplementation' },
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
    periodStates: ['selfAssessment'],
    reasonRequired: false,
    checksDeadline: true,
    dueDateRequired: false,
  },
  // Sent back before appraisal starts (wrong file, incomplete); only while the unit can still resubmit.
  {
    action: 'returnToUnit',
    from: ['submitted'],
    to: 'draft',
    roles: ['periodManager'],
    periodStates: ['selfAssessment'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: false,
  },
  // Implicit: the server takes it on the council's first decision on a submitted or supplemented assessment.
  {
    action: 'startAppraisal',
    from: ['submitted', 'supplemented'],
    to: 'inAppraisal',
    roles: COUNCIL,
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
  },
  // Seed 001: during appraisal the unit may "bổ sung … TLKC hoặc giải trình"; the council says what and by when.
  {
    action: 'requestSupplementation',
    from: ['inAppraisal'],
    to: 'supplementationRequested',
    roles: COUNCIL,
    periodStates: ['appraisal'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: true,
  },
  {
    action: 'submitSupplementation',
    from: ['supplementationRequested'],
    to: 'supplemented',
    roles: ['unitLeader'],
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
  },
  // The chair closes the unit's appraisal; the caller checks `canFinalise` (every indicator decided).
  {
    action: 'finalise',
    from: ['inAppraisal', 'supplemented'],
    to: 'finalised',
    roles: ['councilChair'],
    periodStates: ['appraisal'],
    reasonRequired: false,
    checksDeadline: false,
    dueDateRequired: false,
  },
  // Published results are frozen: a correction first needs the administrator to reopen the period.
  {
    action: 'reopen',
    from: ['finalised'],
    to: 'inAppraisal',
    roles: ['councilChair'],
    periodStates: ['appraisal'],
    reasonRequired: true,
    checksDeadline: false,
    dueDateRequired: false,
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
}

export const ASSESSMENT_STATE_RULES: Readonly<Record<AssessmentState, Readonly<AssessmentStateRules>>> = {
  draft: { unitEditsAnswers: true, unitAddsSupplementation: false, councilDecides: false },
  // The council may decide on a submitted assessment: its first decision starts the appraisal.
  submitted: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true },
  inAppraisal: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true },
  // While the unit answers, the council waits, so that the unit answers the question asked.
  supplementationRequested: { unitEditsAnswers: false, unitAddsSupplementation: true, councilDecides: false },
  supplemented: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: true },
  finalised: { unitEditsAnswers: false, unitAddsSupplementation: false, councilDecides: false },
};

const ASSESSMENT_TABLE: WorkflowTable<AssessmentState, AssessmentAction, AssessmentTransition> = {
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

/** The council may record per-indicator decisions. */
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

/** The actions a role may take on an assessment now (for the buttons a page shows); none for the public. */
export function allowedActions(state: string, role: Role | undefined, context: WorkflowContext): AssessmentAction[] {
  return actionsFrom(
    ASSESSMENT_TABLE,
    state,
    role,
    (rule) =>
      (rule.periodStates as readonly string[]).includes(context.periodState) &&
      !(rule.checksDeadline && deadlinePassed(context.deadline, context.now)),
  );
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
    throw new DomainError('conflict', [
      {
        code: 'workflow.period-state',
        params: {
          ...actionParams(ASSESSMENT_ACTION_LABELS, rule.action),
          periodState: labelOf(PERIOD_STATE_LABELS, periodState, 'vi'),
          periodStateEn: labelOf(PERIOD_STATE_LABELS, periodState, 'en'),
          allowed: listLabels(PERIOD_STATE_LABELS, rule.periodStates, 'vi'),
          allowedEn: listLabels(PERIOD_STATE_LABELS, rule.periodStates, 'en'),
        },
      },
    ]);
  }
  if (rule.checksDeadline && deadlinePassed(request.deadline, now)) {
    throw new DomainError('conflict', [
      { code: 'workflow.deadline-passed', params: { deadline: formatCalendarDay(request.deadline as string) } },
    ]);
  }
  throwInputProblems([reasonProblem(ASSESSMENT_ACTION_LABELS, rule, request.reason), dueDateProblem(rule, request.dueOn, now)]);
  return { to: rule.to };
}

export const APPRAISAL_DECISIONS = ['accepted', 'adjusted', 'supplementationRequested'] as const;
/** The council's decision on one indicator: "công nhận" (accepted), "điều chỉnh" (adjusted), or a request to supplement. */
export type AppraisalDecisionKind = (typeof APPRAISAL_DECISIONS)[number];

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

export function canFinalise(
  indicatorCodes: readonly string[],
  decisions: readonly { indicatorCode: string; decision: string }[],
): boolean {
  return undecidedIndicators(indicatorCodes, decisions).length === 0;
}
