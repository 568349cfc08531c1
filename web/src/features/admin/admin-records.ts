import type { FrameworkDocument } from '@opendti/core';
import type { ApiResponse } from '../../api/types';
import type { UnitKind } from '../../shared/labels';

export type { AssessmentState, PeriodState, Role, UnitKind } from '../../shared/labels';
/**
 * The shapes the administration pages read, derived from the types generated from the server's
 * OpenAPI document (never written again by hand). The closed lists (roles, kinds, states) are core's,
 * through shared/labels.
 */
export type { FrameworkDocument };

/** The kinds a period assesses as cohorts (each with its own framework). */
export const COHORT_KINDS: readonly UnitKind[] = ['department', 'district', 'commune', 'province'];

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type UnitRecord = ApiResponse<'/api/v1/units'>['items'][number];

export type UserRecord = ApiResponse<'/api/v1/users'>['items'][number];

export type PeriodRecord = ApiResponse<'/api/v1/periods'>['items'][number];

export type PeriodDetail = ApiResponse<'/api/v1/periods/{periodId}'>;
/** A period action, as the server lists them (core's workflow table). */
export type PeriodAction = PeriodDetail['allowedActions'][number];
export type PublicationPreview = ApiResponse<'/api/v1/periods/{periodId}/publication-preview'>;

export type FrameworkSummary = ApiResponse<'/api/v1/frameworks'>['items'][number];

export type AuditEntry = ApiResponse<'/api/v1/audit'>['items'][number];
