/**
 * An improvement plan (Kế hoạch nâng cao chỉ số, issue 11): what a province writes after the
 * results. Seed 000 (Tuyên Quang, 187/KH-UBND) analyses every main index, then lists per indicator
 * tasks with a lead agency (chủ trì), coordinating agencies (phối hợp) and what must be produced
 * ("có Kế hoạch và nội dung minh chứng"); seed 004 (Cao Bằng) sets the year's targets ("100 % … by
 * 31/12/2023"). These are the shapes; the rules are beside them (task-workflow.ts,
 * validate-plan.ts, ownership.ts, draft-plan.ts). Dates are calendar days, yyyy-mm-dd.
 */
import { DomainError, type Problem } from '../errors/problem.js';
import { actionParams, type Labels, stateParams } from '../workflow/transition-table.js';
import type { TaskState } from './task-workflow.js';

export const PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_STATUS_LABELS: Labels<PlanStatus> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  issued: { vi: 'Đã ban hành', en: 'Issued' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** The result set a plan is based on: a published period's cohort, or the province's national DTI. */
export interface PlanBasis {
  /** The framework the results were scored with, e.g. `dienbien-2022-district` or `dti-province-2022`. */
  frameworkId: string;
  /** The period (server) or input file (CLI) the results come from. */
  source: string;
  /** Set when the plan is scoped to one unit (a department or commune looking at its own result). */
  unitCode?: string;
}

export interface Plan {
  /** The province-year the plan belongs to. */
  year: number;
  /** Number of the issuing document, e.g. "187/KH-UBND"; empty while a draft. */
  documentNumber: string;
  /** Date of the issuing document (or of the draft); due dates may not be before it. */
  date: string;
  title: string;
  purpose: string;
  status: PlanStatus;
  basis: PlanBasis[];
  /** When lead units report, e.g. quarterly days or seed 003's "trước ngày 15/11". */
  reportingSchedule: string[];
  targets: PlanTarget[];
  tasks: PlanTask[];
}

/** A target (chỉ tiêu) on an indicator or a main index: from a baseline to a value or points, by a date. */
export interface PlanTarget {
  /** Indicator or main-index code. */
  code: string;
  level: 'indicator' | 'mainIndex';
  /** From the result the plan is based on: points (or value, 0–1, for a value-scored framework). */
  baseline: number | null;
  target: number;
  unit: 'points' | 'value' | 'percent';
  dueOn: string;
}

export interface PlanTask {
  /** Stable id within the plan (the server's row id, or the draft's STT). */
  id: string;
  /** The task (nhiệm vụ). */
  text: string;
  /** The indicators it serves. */
  indicators: string[];
  /** The lead unit (đơn vị chủ trì), by code; null until assigned. */
  lead: string | null;
  /** Coordinating units (đơn vị phối hợp), by code. */
  coordinating: string[];
  /** Expected product or evidence (sản phẩm), e.g. "Kế hoạch và tài liệu kiểm chứng". */
  product: string;
  startOn: string | null;
  dueOn: string;
  /** The stored state; `overdue` is never stored but derived (see `displayedTaskState`). */
  state: TaskState;
  /** Why it was cancelled; set only in `cancelled`. */
  cancelReason?: string;
}

/**
 * Who leads and who coordinates one indicator (phân công theo dõi chỉ số, seed 003 and seed 000
 * §2), kept per framework and used to pre-fill tasks.
 */
export interface IndicatorOwnership {
  indicator: string;
  lead: string;
  coordinating: string[];
}

/** A progress report of one task in one reporting round, by the lead unit. */
export interface ProgressReport {
  taskId: string;
  text: string;
  /** 0–100. */
  percent: number;
  /** Evidence links or stored file ids. */
  evidence: string[];
  state: TaskState;
}

/** A plan's life: the manager issues a draft (with its document number) and closes an issued plan. */
export const PLAN_ACTIONS = ['issue', 'close'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

export const PLAN_ACTION_LABELS: Labels<PlanAction> = {
  issue: { vi: 'ban hành kế hoạch', en: 'issue the plan' },
  close: { vi: 'kết thúc kế hoạch', en: 'close the plan' },
};

export const PLAN_TRANSITIONS: readonly { action: PlanAction; from: PlanStatus; to: PlanStatus }[] = [
  { action: 'issue', from: 'draft', to: 'issued' },
  { action: 'close', from: 'issued', to: 'closed' },
];

/** The plan's status after the action, or the problem why not (unknown action, wrong status, no document number). */
export function planTransitionProblem(
  plan: { status: string; documentNumber: string },
  action: string,
): { kind: 'invalid-input' | 'conflict'; problem: Problem } | undefined {
  if (!(PLAN_ACTIONS as readonly string[]).includes(action)) {
    return {
      kind: 'invalid-input',
      problem: { code: 'workflow.unknown-action', params: { actionCode: action, known: PLAN_ACTIONS.join(', ') } },
    };
  }
  const rule = PLAN_TRANSITIONS.find((candidate) => candidate.action === action && candidate.from === plan.status);
  if (!rule) {
    return {
      kind: 'conflict',
      problem: {
        code: 'workflow.transition-not-allowed',
        params: { ...actionParams(PLAN_ACTION_LABELS, action), ...stateParams(PLAN_STATUS_LABELS, plan.status) },
      },
    };
  }
  if (action === 'issue' && !plan.documentNumber.trim()) {
    return { kind: 'invalid-input', problem: { code: 'plan.missing-document-number', location: { column: 'documentNumber' } } };
  }
  return undefined;
}

export function resolvePlanTransition(plan: { status: string; documentNumber: string }, action: string): PlanStatus {
  const refusal = planTransitionProblem(plan, action);
  if (refusal) throw new DomainError(refusal.kind, [refusal.problem]);
  return (PLAN_TRANSITIONS.find((rule) => rule.action === action) as { to: PlanStatus }).to;
}

/** The plan actions open now (the buttons to show the manager). */
export function allowedPlanActions(plan: { status: string; documentNumber: string }): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => planTransitionProblem({ ...plan, documentNumber: 'x' }, action) === undefined);
}

/** Tasks move (are started, done, cancelled…) only in an issued plan: the problem otherwise. */
export function taskMoveProblem(planStatus: string): Problem | undefined {
  return planStatus === 'issued' ? undefined : { code: 'plan.not-issued', params: stateParams(PLAN_STATUS_LABELS, planStatus) };
}

/**
 * A task table is imported (replacing the tasks) only into a draft: once issued, tasks belong to
 * their units' reports and are edited one by one or cancelled with a reason. The problem otherwise.
 */
export function taskImportProblem(planStatus: string): Problem | undefined {
  return planStatus === 'draft'
    ? undefined
    : { code: 'plan.import-not-draft', params: stateParams(PLAN_STATUS_LABELS, planStatus) };
}

/** The statuses whose summary the manager may make public: a draft is not yet the province's plan. */
export const PUBLISHABLE_PLAN_STATUSES: readonly PlanStatus[] = ['issued', 'closed'];

/** Only an issued or closed plan's summary is made public: the problem otherwise. */
export function planPublicationProblem(planStatus: string): Problem | undefined {
  return (PUBLISHABLE_PLAN_STATUSES as readonly string[]).includes(planStatus)
    ? undefined
    : { code: 'plan.publish-not-issued', params: stateParams(PLAN_STATUS_LABELS, planStatus) };
}
