import type { paths } from '../../api/schema';
import type { ApiResponse } from '../../api/types';

/** The shapes this feature reads, all taken from the types generated from the server's OpenAPI document. */
type GetResponse<Path extends keyof paths> = ApiResponse<Path>;

export type PeriodPage = GetResponse<'/api/v1/periods'>;
export type Period = PeriodPage['items'][number];
export type PeriodState = Period['state'];

export type CouncilOverview = GetResponse<'/api/v1/periods/{periodId}/council-overview'>;
export type OverviewAssessment = CouncilOverview['assessments'][number];
export type OverviewCohort = CouncilOverview['cohorts'][number];
export type AssessmentState = OverviewAssessment['state'];

export type ProvisionalResults = GetResponse<'/api/v1/periods/{periodId}/results/{unitKind}'>;
export type ProvisionalUnit = ProvisionalResults['units'][number];

export type EvidencePage = GetResponse<'/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence'>;
export type EvidenceItem = EvidencePage['items'][number];

export type AssessmentView = GetResponse<'/api/v1/assessments/{assessmentId}'>;
export type AnswerView = AssessmentView['answers'][number];
export type AppraisalView = AssessmentView['appraisals'][number];
export type SupplementationRequestView = AssessmentView['supplementationRequests'][number];
export type Decision = AppraisalView['decision'];

export type FrameworkDocument = GetResponse<'/api/v1/frameworks/{frameworkId}'>;

export type AssignmentPage = GetResponse<'/api/v1/periods/{periodId}/appraisal-assignments'>;
export type Assignment = AssignmentPage['items'][number];
export type CouncilMember = AssignmentPage['members'][number];
export type MinutesPage = GetResponse<'/api/v1/periods/{periodId}/council-minutes'>;
export type MinutesItem = MinutesPage['items'][number];
