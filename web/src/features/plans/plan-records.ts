import type { ApiResponse } from '../../api/types';

/**
 * The shapes the plan pages read, derived from the types generated from the server's OpenAPI
 * document. The XLSX exchange and the ownership carry-over are written against the contract of
 * issue 11 (their routes come with the dashboard work) until the generated types hold them.
 */
export type PlanSummary = ApiResponse<'/api/v1/plans'>[number];
export type PlanDetail = ApiResponse<'/api/v1/plans/{planId}'>;
export type PlanTask = PlanDetail['tasks'][number];
export type PlanTarget = PlanDetail['targets'][number];
export type TaskAction = PlanTask['allowedActions'][number];
export type PlanAction = PlanSummary['allowedActions'][number];
export type Ownership = ApiResponse<'/api/v1/frameworks/{frameworkId}/ownership'>[number];
export type FrameworkDetail = ApiResponse<'/api/v1/frameworks/{frameworkId}'>;
export type FrameworkSummary = ApiResponse<'/api/v1/frameworks'>['items'][number];
export type UnitRecord = ApiResponse<'/api/v1/units'>['items'][number];
export type PeriodRecord = ApiResponse<'/api/v1/periods'>['items'][number];
export type PeriodDetail = ApiResponse<'/api/v1/periods/{periodId}'>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A bad row of an imported task table: its sheet row, its column title, the message in both languages. */
export interface TaskImportProblem {
  row: number | null;
  column: string | null;
  code: string;
  message: { vi: string; en: string };
}

/**
 * The answer of `POST /plans/{id}/tasks/import` (importPlanTasks): the tasks read, whether the table
 * was replaced, what would change (or changed), and every bad row; nothing is imported half.
 */
export interface TaskImportReport {
  rows: number;
  imported: boolean;
  added: number;
  updated: number;
  removed: number;
  problems: TaskImportProblem[];
}

/**
 * The answer of `POST /frameworks/{id}/ownership/carry-over` (importOwnershipFromFramework): the
 * owners carried (with the old code each came from), the old codes with no place here, the new
 * indicators nobody owns afterwards.
 */
export interface CarryOverReport {
  carried: (Ownership & { from: string })[];
  notCarried: string[];
  unowned: string[];
  saved: boolean;
}
