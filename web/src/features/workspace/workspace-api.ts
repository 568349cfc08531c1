import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { ApiResponse } from '../../api/types';
import type { AnswerContent, StoredAnswer } from './autosave-machine';

/** Response bodies, from the types generated from the server's OpenAPI document. */

export type PeriodPage = ApiResponse<'/api/v1/periods'>;
export type Period = PeriodPage['items'][number];
export type AssessmentSummary = ApiResponse<'/api/v1/periods/{periodId}/assessments'>['items'][number];
export type AssessmentView = ApiResponse<'/api/v1/assessments/{assessmentId}'>;
export type AssessmentState = AssessmentView['state'];
export type ViewAnswer = AssessmentView['answers'][number];
export type SupplementationRequest = AssessmentView['supplementationRequests'][number];
export type Appraisal = AssessmentView['appraisals'][number];
export type FrameworkDocument = ApiResponse<'/api/v1/frameworks/{frameworkId}'>;
export type EvidencePage = ApiResponse<'/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence'>;
export type EvidenceItem = EvidencePage['items'][number];
export type ImportReport = ApiResponse<'/api/v1/assessments/{assessmentId}/import', 'post'>;
export type AssessmentAction = AssessmentView['allowedActions'][number];
export type ActionVerdict =
  | { allowed: true }
  | { allowed: false; reason: AssessmentView['deniedActions'][number]['reason']; message: string };

/** The server's verdict on one assessment action for this user now (core's workflow): allowed, or why not. */
export function actionVerdict(
  view: Pick<AssessmentView, 'allowedActions' | 'deniedActions'>,
  action: AssessmentAction,
): ActionVerdict {
  if (view.allowedActions.includes(action)) return { allowed: true };
  const denied = view.deniedActions.find((entry) => entry.action === action);
  return denied
    ? { allowed: false, reason: denied.reason, message: denied.message }
    : { allowed: false, reason: 'wrong-state', message: '' };
}

type SavedAnswer = ApiResponse<'/api/v1/assessments/{assessmentId}/answers/{indicatorCode}', 'put'>;

export const workspaceKeys = {
  periods: ['workspace', 'periods'] as const,
  assessments: (periodId: string) => ['workspace', 'period', periodId, 'assessments'] as const,
  view: (assessmentId: string) => ['workspace', 'assessment', assessmentId] as const,
  framework: (frameworkId: string) => ['workspace', 'framework', frameworkId] as const,
  evidence: (assessmentId: string, code: string) => ['workspace', 'assessment', assessmentId, 'evidence', code] as const,
};

export function usePeriods(enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.periods,
    enabled,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods', { params: { query: { pageSize: 200 } } });
      return (data as PeriodPage).items;
    },
  });
}

export function usePeriodAssessments(periodId: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.assessments(periodId),
    enabled,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods/{periodId}/assessments', { params: { path: { periodId } } });
      return (data as { items: AssessmentSummary[] }).items;
    },
  });
}

export async function fetchAssessmentView(assessmentId: string): Promise<AssessmentView> {
  const { data } = await api.GET('/api/v1/assessments/{assessmentId}', { params: { path: { assessmentId } } });
  return data as AssessmentView;
}

export function useAssessmentView(assessmentId: string) {
  return useQuery({ queryKey: workspaceKeys.view(assessmentId), queryFn: () => fetchAssessmentView(assessmentId) });
}

export function useFramework(frameworkId: string | undefined) {
  return useQuery({
    queryKey: workspaceKeys.framework(frameworkId ?? ''),
    enabled: frameworkId !== undefined,
    // A framework version never changes once a period uses it.
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/frameworks/{frameworkId}', {
        params: { path: { frameworkId: frameworkId ?? '' } },
      });
      return data as FrameworkDocument;
    },
  });
}

export function useEvidence(assessmentId: string, code: string) {
  return useQuery({
    queryKey: workspaceKeys.evidence(assessmentId, code),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence', {
        params: { path: { assessmentId, indicatorCode: code }, query: { pageSize: 200 } },
      });
      return (data as EvidencePage).items;
    },
  });
}

export function toStoredAnswer(answer: ViewAnswer | SavedAnswer): StoredAnswer {
  return {
    value: answer.value,
    selfPoints: answer.selfPoints,
    notAssessed: answer.notAssessed,
    notAssessedReason: answer.notAssessedReason,
    explanation: answer.explanation,
    version: answer.version,
    updatedAt: answer.updatedAt,
  };
}

/** PUT one answer on the version it was based on; a stale version is a 409 `http.stale-version`. */
export async function saveAnswer(
  assessmentId: string,
  code: string,
  content: AnswerContent,
  baseVersion: number,
): Promise<StoredAnswer> {
  // Empty fields are left out rather than sent as null: the server reads a missing field as null,
  // while its validator (coerceTypes) turns an explicit null into 0 points or an empty string.
  const value = content.value?.trim();
  const reason = content.notAssessedReason?.trim();
  const { data } = await api.PUT('/api/v1/assessments/{assessmentId}/answers/{indicatorCode}', {
    params: { path: { assessmentId, indicatorCode: code } },
    body: {
      ...(value ? { value } : {}),
      ...(content.points !== null ? { points: content.points } : {}),
      notAssessed: content.notAssessed,
      ...(content.notAssessed && reason ? { notAssessedReason: reason } : {}),
      ...(content.explanation?.trim() ? { explanation: content.explanation } : {}),
      baseVersion,
    },
  });
  return toStoredAnswer(data as SavedAnswer);
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && error.code === 'http.stale-version';
}

/** Puts a saved answer into the cached view, so that the next visit starts from it. */
export function rememberSavedAnswer(queryClient: QueryClient, assessmentId: string, code: string, answer: StoredAnswer): void {
  queryClient.setQueryData<AssessmentView>(workspaceKeys.view(assessmentId), (view) => {
    if (!view) return view;
    const previous = view.answers.find((item) => item.indicatorCode === code);
    const next: ViewAnswer = { indicatorCode: code, evidenceCount: previous?.evidenceCount ?? 0, ...answer };
    return {
      ...view,
      answers: previous ? view.answers.map((item) => (item.indicatorCode === code ? next : item)) : [...view.answers, next],
    };
  });
}

export async function transitionAssessment(assessmentId: string, action: 'submit' | 'submitSupplementation') {
  const { data } = await api.POST('/api/v1/assessments/{assessmentId}/transitions', {
    params: { path: { assessmentId } },
    body: { action },
  });
  return data;
}

export async function respondToSupplementation(assessmentId: string, requestId: string, response: string): Promise<void> {
  await api.POST('/api/v1/assessments/{assessmentId}/supplementation/{requestId}/response', {
    params: { path: { assessmentId, requestId } },
    body: { response },
  });
}

export interface ReferenceInput {
  documentNumber: string;
  documentDate: string;
  issuer: string;
  summary: string;
  link: string | null;
}

export async function addReference(assessmentId: string, code: string, input: ReferenceInput): Promise<void> {
  await api.POST('/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/references', {
    params: { path: { assessmentId, indicatorCode: code } },
    body: input,
  });
}

export async function deleteEvidence(assessmentId: string, code: string, evidenceId: string): Promise<void> {
  await api.DELETE('/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence/{evidenceId}', {
    params: { path: { assessmentId, indicatorCode: code, evidenceId } },
  });
}

export function templateUrl(assessmentId: string): string {
  return `/api/v1/assessments/${assessmentId}/template.xlsx`;
}

export function evidenceUploadUrl(assessmentId: string, code: string): string {
  return `/api/v1/assessments/${assessmentId}/indicators/${encodeURIComponent(code)}/evidence`;
}

export function importUrl(assessmentId: string): string {
  return `/api/v1/assessments/${assessmentId}/import`;
}
