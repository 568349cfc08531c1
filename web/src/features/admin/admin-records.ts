import type { FrameworkDocument } from '@opendti/core';

/**
 * The shapes the administration pages read. Routes that declare a response schema are typed from
 * the generated OpenAPI types (see the query files); for the older routes that do not declare one
 * yet, these mirror the server's presenters and are checked against them by the server tests.
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

export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  replacedById: string | null;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  assignedScopes: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

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

export interface PeriodRecord {
  id: string;
  year: number;
  name: string;
  state: string;
  selfAssessmentDeadline: string;
  appraisalDeadline: string | null;
  publicationDue: string | null;
  publishedAt: string | null;
  createdAt: string;
  version: number;
}

export interface PeriodDetail extends PeriodRecord {
  cohorts: { unitKind: string; frameworkId: string }[];
  units: { id: string; code: string; name: string; kind: string }[];
  assessmentStates: Record<string, number>;
}

export interface FrameworkSummary {
  id: string;
  name: string;
  year: number;
  unitKind: string;
  maxPoints: number | null;
  mainIndices: number;
  indicators: number;
  source: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  periodId: string | null;
  unitId: string | null;
  assessmentId: string | null;
  indicatorCode: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}
