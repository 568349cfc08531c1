import type { ApiResponse } from '../../api/types';

/**
 * The shapes the plan pages read, derived from the types generated from the server's OpenAPI
 * document (never written again here).
 */
export type PlanListItem = ApiResponse<'/api/v1/plans'>[number];
export type PlanSummary = Omit<PlanListItem, 'taskCounts'>;
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

/** The answer of the task table's import (importPlanTasks): rows read, what changes, every bad row. */
export type TaskImportReport = ApiResponse<'/api/v1/plans/{planId}/tasks/import', 'post'>;
export type TaskImportProblem = TaskImportReport['problems'][number];

/** The answer of the ownership carry-over (importOwnershipFromFramework). */
export type CarryOverReport = ApiResponse<'/api/v1/frameworks/{frameworkId}/ownership/carry-over', 'post'>;
