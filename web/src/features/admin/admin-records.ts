import type { FrameworkDocument } from '@opendti/core';
import type { ApiResponse } from '../../api/types';

/**
 * The shapes the administration pages read, derived from the types generated from the server's
 * OpenAPI document (never written again by hand), and the closed lists the forms offer.
 */
export type { FrameworkDocument };

export type UnitKind = 'province' | 'department' | 'district' | 'commune' | 'ministry' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['province', 'department', 'district', 'commune', 'ministry', 'other'];

/** The kinds a period assesses as cohorts (each with its own framework). */
export const COHORT_KINDS: readonly UnitKind[] = ['department', 'district', 'commune', 'province'];

export type Role = 'administrator' | 'periodManager' | 'unitReporter' | 'unitLeader' | 'appraiser' | 'councilChair';
export const ROLES: readonly Role[] = [
  'administrator',
  'periodManager',
  'unitReporter',
  'unitLeader',
  'appraiser',
  'councilChair',
];
export const UNIT_ROLES: readonly Role[] = ['unitReporter', 'unitLeader'];

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type UnitRecord = ApiResponse<'/api/v1/units'>['items'][number];

export type UserRecord = ApiResponse<'/api/v1/users'>['items'][number];

export type PeriodState = 'draft' | 'selfAssessment' | 'appraisal' | 'published' | 'archived';
export const PERIOD_STATES: readonly PeriodState[] = ['draft', 'selfAssessment', 'appraisal', 'published', 'archived'];

export type AssessmentState = 'draft' | 'submitted' | 'inAppraisal' | 'supplementationRequested' | 'supplemented' | 'finalised';
export const ASSESSMENT_STATES: readonly AssessmentState[] = [
  'draft',
  'submitted',
  'inAppraisal',
  'supplementationRequested',
  'supplemented',
  'finalised',
];

export type PeriodRecord = ApiResponse<'/api/v1/periods'>['items'][number];

export type PeriodDetail = ApiResponse<'/api/v1/periods/{periodId}'>;
/** A period action, as the server lists them (core's workflow table). */
export type PeriodAction = PeriodDetail['allowedActions'][number];

export type FrameworkSummary = ApiResponse<'/api/v1/frameworks'>['items'][number];

export type AuditEntry = ApiResponse<'/api/v1/audit'>['items'][number];
