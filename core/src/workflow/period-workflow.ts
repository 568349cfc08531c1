import type { Locale } from '../errors/problem.js';
import type { Capability } from './capabilities.js';
import type { Actor, Role } from './roles.js';
import {
  type ActionVerdict,
  ALLOWED_ACTION,
  blocked,
  capabilityOf,
  evaluateActions,
  findRule,
  type Labels,
  labelOf,
  reasonProblem,
  resolveTransition,
  type TransitionRule,
  throwInputProblems,
  type WorkflowTable,
} from './transition-table.js';
import { type PublishCandidate, publishBlock } from './unit-progress.js';

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
 * Publishing also needs every participating assessment finalised: see `canPublish`. Publishing is a
 * capability of its own (`period.publish`) so that the policy can name who speaks to the public.
 */
export const PERIOD_TRANSITIONS: readonly PeriodTransition[] = [
  {
    action: 'openSelfAssessment',
    from: ['draft'],
    to: 'selfAssessment',
    roles: MANAGERS,
    capability: 'period.manage',
    reasonRequired: false,
  },
  {
    action: 'startAppraisal',
    from: ['selfAssessment'],
    to: 'appraisal',
    roles: MANAGERS,
    capability: 'period.manage',
    reasonRequired: false,
  },
  {
    action: 'publish',
    from: ['appraisal'],
    to: 'published',
    roles: MANAGERS,
    capability: 'period.publish',
    reasonRequired: false,
  },
  {
    action: 'archive',
    from: ['published'],
    to: 'archived',
    roles: ['administrator'],
    capability: 'period.manage',
    reasonRequired: false,
  },
  // A published error correction: back to appraisal, where the chair can reopen the unit concerned.
  {
    action: 'reopenPeriod',
    from: ['published'],
    to: 'appraisal',
    roles: ['administrator'],
    capability: 'period.manage',
    reasonRequired: true,
  },
];

export type PeriodTable = WorkflowTable<PeriodState, PeriodAction, PeriodTransition>;

export const PERIOD_TABLE: PeriodTable = {
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

/** The capability a period action needs (the transitions route authorizes with it); undefined = no such action. */
export function periodActionCapability(action: string): Capability | undefined {
  return capabilityOf(PERIOD_TABLE, action);
}

/** What the caller knows about the period beyond its state, for the guards of its actions. */
export interface PeriodFacts {
  /**
   * The states of the period's assessments, for `publish`, each taken as a participating unit with
   * data; undefined = not known, not checked. `assessments` says more and is used when given.
   */
  assessmentStates?: readonly string[];
  /** The period's assessments with their participation and answers, for `publish` (`publishBlock`). */
  assessments?: readonly PublishCandidate[];
}

/**
 * Every period action judged for this actor now, in table order: allowed, or why not (the server
 * sends it with the period, and the page renders its buttons from it). `table` is core's own except
 * in tests that prove the page follows the table.
 */
export function evaluatePeriodActions(
  actor: Actor | undefined,
  state: string,
  facts: PeriodFacts = {},
  table: PeriodTable = PERIOD_TABLE,
): { action: PeriodAction; verdict: ActionVerdict }[] {
  return evaluateActions(table, { actor, state, guards: (rule) => publishGuard(rule, facts) });
}

function publishGuard(rule: PeriodTransition, { assessmentStates, assessments }: PeriodFacts): ActionVerdict {
  const candidates =
    assessments ??
    assessmentStates?.map((state) => ({ state, participation: 'participating', answered: Number.POSITIVE_INFINITY }));
  if (rule.action !== 'publish' || candidates === undefined) return ALLOWED_ACTION;
  const block = publishBlock(candidates);
  return block ? blocked(block.reason, block.problem) : ALLOWED_ACTION;
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
