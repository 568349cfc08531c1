import { DomainError, type Locale, type Problem } from '../errors/problem.js';
import type { Actor } from '../workflow/roles.js';
import { actionParams, type Labels, labelOf, stateParams } from '../workflow/transition-table.js';

/**
 * A plan task's life, as data (like the assessment's table): who may move it from which state.
 *
 * `overdue` is DERIVED, never stored: a task not started or in progress whose due date has passed
 * (Vietnam calendar day) is shown as overdue, and stops being overdue when the due date is moved or
 * the task is done. Storing it would need a clock job and would go stale; deriving it from `dueOn`
 * and today is one pure function (`displayedTaskState`) used by the server, the web and the CLI.
 * Stored states are therefore notStarted, inProgress, done and cancelled.
 */
export const TASK_STATES = ['notStarted', 'inProgress', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
/** What a page shows: a stored state, or `overdue`. */
export type DisplayedTaskState = TaskState | 'overdue';

export const TASK_ACTIONS = ['start', 'complete', 'reopen', 'cancel', 'restore'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * The actor's relation to the task. The manager (the provincial office that owns plans: the period
 * manager or the administrator) steers; the lead unit does the work and reports; a coordinating
 * unit comments only.
 */
export const TASK_PARTIES = ['manager', 'leadUnit', 'coordinatingUnit'] as const;
export type TaskParty = (typeof TASK_PARTIES)[number];

export const TASK_STATE_LABELS: Labels<DisplayedTaskState> = {
  notStarted: { vi: 'Chưa thực hiện', en: 'Not started' },
  inProgress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  cancelled: { vi: 'Đã huỷ', en: 'Cancelled' },
};

/** Phrased to complete "không thể … khi đang ở trạng thái …" / "cannot … while …". */
export const TASK_ACTION_LABELS: Labels<TaskAction> = {
  start: { vi: 'bắt đầu thực hiện nhiệm vụ', en: 'start the task' },
  complete: { vi: 'báo cáo hoàn thành nhiệm vụ', en: 'report the task done' },
  reopen: { vi: 'mở lại nhiệm vụ đã hoàn thành', en: 'reopen the done task' },
  cancel: { vi: 'huỷ nhiệm vụ', en: 'cancel the task' },
  restore: { vi: 'khôi phục nhiệm vụ đã huỷ', en: 'restore the cancelled task' },
};

export const TASK_PARTY_LABELS: Labels<TaskParty> = {
  manager: { vi: 'cơ quan quản lý kế hoạch', en: 'the plan’s manager' },
  leadUnit: { vi: 'đơn vị chủ trì', en: 'the lead unit' },
  coordinatingUnit: { vi: 'đơn vị phối hợp', en: 'a coordinating unit' },
};

export interface TaskTransition {
  action: TaskAction;
  from: readonly TaskState[];
  to: TaskState;
  parties: readonly TaskParty[];
  /** A written reason is kept in the audit trail (why it was cancelled, why it is reopened). */
  reasonRequired: boolean;
}

export const TASK_TRANSITIONS: readonly TaskTransition[] = [
  // The lead unit reports the work; an overdue task is still notStarted/inProgress underneath.
  { action: 'start', from: ['notStarted'], to: 'inProgress', parties: ['leadUnit'], reasonRequired: false },
  { action: 'complete', from: ['notStarted', 'inProgress'], to: 'done', parties: ['leadUnit'], reasonRequired: false },
  // The manager checks the product: a task reported done without its evidence goes back.
  { action: 'reopen', from: ['done'], to: 'inProgress', parties: ['manager'], reasonRequired: true },
  // Seed 000 style plans drop tasks made pointless (a merged department, a changed indicator): with a reason.
  { action: 'cancel', from: ['notStarted', 'inProgress'], to: 'cancelled', parties: ['manager'], reasonRequired: true },
  { action: 'restore', from: ['cancelled'], to: 'notStarted', parties: ['manager'], reasonRequired: false },
];

export function isTaskState(value: unknown): value is TaskState {
  return typeof value === 'string' && (TASK_STATES as readonly string[]).includes(value);
}

export function taskStateLabel(state: string, locale: Locale = 'vi'): string {
  return labelOf(TASK_STATE_LABELS, state, locale);
}

/**
 * The state a page shows on `today` (yyyy-mm-dd, Vietnam day): overdue when the work is open and the
 * due date has passed. Due on the day itself is on time.
 */
export function displayedTaskState(task: { state: TaskState; dueOn: string }, today: string): DisplayedTaskState {
  if ((task.state === 'notStarted' || task.state === 'inProgress') && task.dueOn < today) return 'overdue';
  return task.state;
}

/** The actor's relation to a task; undefined when the actor has none (another unit, the council). */
export function taskPartyOf(
  actor: Actor,
  task: { lead: string | null; coordinating: readonly string[] },
  unitCodeOf: (unitId: string) => string | undefined,
): TaskParty | undefined {
  if (actor.role === 'administrator' || actor.role === 'periodManager') return 'manager';
  if (actor.role !== 'unitLeader' && actor.role !== 'unitReporter') return undefined;
  const code = actor.unitId === undefined ? undefined : unitCodeOf(actor.unitId);
  if (code === undefined) return undefined;
  if (code === task.lead) return 'leadUnit';
  return task.coordinating.includes(code) ? 'coordinatingUnit' : undefined;
}

export interface TaskTransitionRequest {
  action: string;
  from: string;
  party: TaskParty | undefined;
  reason?: string | undefined;
}

/** Why an action is not open: the first problem, in the order action → party → state → reason. */
export function taskTransitionProblem(
  request: TaskTransitionRequest,
): { kind: 'invalid-input' | 'forbidden' | 'conflict'; problem: Problem } | undefined {
  const rules = TASK_TRANSITIONS.filter((rule) => rule.action === request.action);
  if (rules.length === 0) {
    return {
      kind: 'invalid-input',
      problem: { code: 'workflow.unknown-action', params: { actionCode: request.action, known: TASK_ACTIONS.join(', ') } },
    };
  }
  const parties = [...new Set(rules.flatMap((rule) => rule.parties))];
  if (request.party === undefined || !parties.includes(request.party)) {
    return {
      kind: 'forbidden',
      problem: {
        code: 'plan.task-party-not-allowed',
        params: {
          ...actionParams(TASK_ACTION_LABELS, request.action),
          allowed: parties.map((party) => TASK_PARTY_LABELS[party].vi).join(', '),
          allowedEn: parties.map((party) => TASK_PARTY_LABELS[party].en).join(', '),
        },
      },
    };
  }
  const rule = rules.find((candidate) => (candidate.from as readonly string[]).includes(request.from));
  if (!rule) {
    return {
      kind: 'conflict',
      problem: {
        code: 'workflow.transition-not-allowed',
        params: { ...actionParams(TASK_ACTION_LABELS, request.action), ...stateParams(TASK_STATE_LABELS, request.from) },
      },
    };
  }
  if (rule.reasonRequired && !request.reason?.trim()) {
    return {
      kind: 'invalid-input',
      problem: { code: 'workflow.reason-required', params: actionParams(TASK_ACTION_LABELS, rule.action) },
    };
  }
  return undefined;
}

/** The state after the action, or a DomainError saying why not. */
export function resolveTaskTransition(request: TaskTransitionRequest): TaskState {
  const refusal = taskTransitionProblem(request);
  if (refusal) throw new DomainError(refusal.kind, [refusal.problem]);
  const rule = TASK_TRANSITIONS.find(
    (candidate) => candidate.action === request.action && (candidate.from as readonly string[]).includes(request.from),
  );
  return (rule as TaskTransition).to;
}

/** The actions this party may take on a task in this state (reason checked when taken): the buttons to show. */
export function allowedTaskActions(state: string, party: TaskParty | undefined): TaskAction[] {
  return TASK_ACTIONS.filter((action) => {
    const refusal = taskTransitionProblem({ action, from: state, party, reason: 'x' });
    return refusal === undefined;
  });
}
