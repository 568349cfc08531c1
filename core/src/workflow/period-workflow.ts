import type { Locale } from '../errors/problem.js';
import type { Actor, Role } from './roles.js';
import {
  actionsFrom,
  findRule,
  type Labels,
  labelOf,
  reasonProblem,
  resolveTransition,
  type TransitionRule,
  throwInputProblems,
  type WorkflowTable,
} from './transition-table.js';

/**
 * One year's assessment run (kỳ đánh giá). Seed 001 gives its rhythm: units self-assess and send
 * their scores "chậm nhất ngày 30/01 của năm tiếp theo", the council appraises, and the results are
 * published "trong Quý I". Once published the results are frozen: the public portal serves a
 * snapshot, and the only way back is an administrator reopening the period to correct an error.
 */
export const PERIOD_STATES = ['draft', 'selfAssessment', 'appraisal', 'published', 'archived'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export const PERIOD_ACTIONS = ['openSelfAssessment', 'startAppraisal', 'publish', 'archive', 'reopenPeriod'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

export const PERIOD_STATE_LABELS: Labels<PeriodState> = {
  draft: { vi: 'Đang chuẩn bị', en: 'Being set up' },
  selfAssessment: { vi: 'Đang tự đánh giá', en: 'Self-assessment' },
  appraisal: { vi: 'Đang thẩm định', en: 'Appraisal' },
  published: { vi: 'Đã công bố', en: 'Published' },
  archived: { vi: 'Đã lưu trữ', en: 'Archived' },
};

/** Phrased to complete "không thể … khi đang ở trạng thái …" / "cannot … while …". */
export const PERIOD_ACTION_LABELS: Labels<PeriodAction> = {
  openSelfAssessment: { vi: 'mở tự đánh giá', en: 'open the self-assessment' },
  startAppraisal: { vi: 'chuyển sang thẩm định', en: 'start the appraisal' },
  publish: { vi: 'công bố kết quả', en: 'publish the results' },
  archive: { vi: 'lưu trữ kỳ đánh giá', en: 'archive the period' },
  reopenPeriod: { vi: 'mở lại kỳ đánh giá để đính chính', en: 'reopen the period for a correction' },
};

export type PeriodTransition = TransitionRule<PeriodState, PeriodAction>;

const MANAGERS: readonly Role[] = ['periodManager', 'administrator'];

/**
 * The period's transitions. Running the calendar is the period manager's job (the IT department
 * "chủ trì" the assessment); archiving and reopening a published period touch what the public has
 * already seen, so they are the administrator's alone, and reopening needs a written reason.
 * Publishing also needs every participating assessment finalised: see `canPublish`.
 */
export const PERIOD_TRANSITIONS: readonly PeriodTransition[] = [
  { action: 'openSelfAssessment', from: ['draft'], to: 'selfAssessment', roles: MANAGERS, reasonRequired: false },
  { action: 'startAppraisal', from: ['selfAssessment'], to: 'appraisal', roles: MANAGERS, reasonRequired: false },
  { action: 'publish', from: ['appraisal'], to: 'published', roles: MANAGERS, reasonRequired: false },
  { action: 'archive', from: ['published'], to: 'archived', roles: ['administrator'], reasonRequired: false },
  // A published error correction: back to appraisal, where the chair can reopen the unit concerned.
  { action: 'reopenPeriod', from: ['published'], to: 'appraisal', roles: ['administrator'], reasonRequired: true },
];

const PERIOD_TABLE: WorkflowTable<PeriodState, PeriodAction, PeriodTransition> = {
  actions: PERIOD_ACTIONS,
  transitions: PERIOD_TRANSITIONS,
  stateLabels: PERIOD_STATE_LABELS,
  actionLabels: PERIOD_ACTION_LABELS,
};

export function isPeriodState(value: unknown): value is PeriodState {
  return typeof value === 'string' && (PERIOD_STATES as readonly string[]).includes(value);
}

export function periodStateLabel(state: string, locale: Locale = 'vi'): string {
  return labelOf(PERIOD_STATE_LABELS, state, locale);
}

export function findPeriodTransition(action: string, fromState: string): PeriodTransition | undefined {
  return findRule(PERIOD_TABLE, action, fromState);
}

/** The period actions a role may take now; none for the anonymous public. */
export function allowedPeriodActions(state: string, role: Role | undefined): PeriodAction[] {
  return actionsFrom(PERIOD_TABLE, state, role);
}

export interface PeriodTransitionRequest {
  action: string;
  from: string;
  actor: Actor;
  reason?: string | undefined;
}

/**
 * Checks a period transition (action, role, state, reason) and returns the state to move to.
 * Throws DomainError: invalid-input (`workflow.unknown-action`, `workflow.reason-required`),
 * forbidden (`workflow.role-not-allowed`), conflict (`workflow.transition-not-allowed`).
 * The `publish` precondition needs data core does not hold: the caller checks `canPublish` too.
 */
export function applyPeriodTransition(request: PeriodTransitionRequest): { to: PeriodState } {
  const rule = resolveTransition(PERIOD_TABLE, request);
  throwInputProblems([reasonProblem(PERIOD_ACTION_LABELS, rule, request.reason)]);
  return { to: rule.to };
}

/**
 * Guard of `publish`: every participating unit's assessment is finalised. The official score is the
 * council's ("điểm do Hội đồng thẩm định đánh giá", seed 001), so nothing provisional may reach the
 * public ranking. A period without any assessment has nothing to publish, so it cannot be published
 * either (`every` on an empty list would say yes).
 */
export function canPublish(assessmentStates: readonly string[]): boolean {
  return assessmentStates.length > 0 && assessmentStates.every((state) => state === 'finalised');
}
