import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  AssessmentView,
  AssignmentPage,
  CouncilOverview,
  EvidencePage,
  FrameworkDocument,
  MinutesPage,
  PeriodPage,
  ProvisionalResults,
} from './api-types';
import type { DecisionBody } from './decision-input';

/** Query keys of this feature; a decision invalidates the assessment and every period overview. */
const keys = {
  periods: ['appraisal', 'periods'] as const,
  overview: (periodId: string) => ['appraisal', 'overview', periodId] as const,
  overviews: ['appraisal', 'overview'] as const,
  results: (periodId: string, unitKind: string) => ['appraisal', 'results', periodId, unitKind] as const,
  assessment: (assessmentId: string) => ['appraisal', 'assessment', assessmentId] as const,
  framework: (frameworkId: string) => ['appraisal', 'framework', frameworkId] as const,
  evidence: (assessmentId: string, code: string) => ['appraisal', 'evidence', assessmentId, code] as const,
};

export function usePeriods() {
  return useQuery({
    queryKey: keys.periods,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods', { params: { query: { pageSize: 200 } } });
      return data as PeriodPage;
    },
  });
}

export function useCouncilOverview(periodId: string | undefined) {
  return useQuery({
    queryKey: keys.overview(periodId ?? ''),
    enabled: Boolean(periodId),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods/{periodId}/council-overview', {
        params: { path: { periodId: periodId as string } },
      });
      return data as CouncilOverview;
    },
  });
}

export function useProvisionalResults(periodId: string | undefined, unitKind: string | undefined) {
  return useQuery({
    queryKey: keys.results(periodId ?? '', unitKind ?? ''),
    enabled: Boolean(periodId && unitKind),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods/{periodId}/results/{unitKind}', {
        params: { path: { periodId: periodId as string, unitKind: unitKind as string } },
      });
      return data as ProvisionalResults;
    },
  });
}

export function useAssessment(assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.assessment(assessmentId ?? ''),
    enabled: Boolean(assessmentId),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/assessments/{assessmentId}', {
        params: { path: { assessmentId: assessmentId as string } },
      });
      return data as AssessmentView;
    },
  });
}

export function useFramework(frameworkId: string | undefined) {
  return useQuery({
    queryKey: keys.framework(frameworkId ?? ''),
    enabled: Boolean(frameworkId),
    // A framework version never changes once loaded.
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/frameworks/{frameworkId}', {
        params: { path: { frameworkId: frameworkId as string } },
      });
      return data as FrameworkDocument;
    },
  });
}

export function useEvidence(assessmentId: string, indicatorCode: string | undefined) {
  return useQuery({
    queryKey: keys.evidence(assessmentId, indicatorCode ?? ''),
    enabled: Boolean(indicatorCode),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/assessments/{assessmentId}/indicators/{indicatorCode}/evidence', {
        params: { path: { assessmentId, indicatorCode: indicatorCode as string }, query: { pageSize: 200 } },
      });
      return data as EvidencePage;
    },
  });
}

/**
 * After any council action the assessment, every overview and the provisional results are stale.
 * Not awaited: the caller's own callbacks (a notice, moving on) run first, before the refetched
 * decision re-keys and remounts the form that called them.
 */
function useRefreshAfterDecision(assessmentId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: keys.assessment(assessmentId) });
    void queryClient.invalidateQueries({ queryKey: keys.overviews });
    void queryClient.invalidateQueries({ queryKey: ['appraisal', 'results'] });
  };
}

export function useDecideIndicator(assessmentId: string) {
  const refresh = useRefreshAfterDecision(assessmentId);
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: DecisionBody }) => {
      await api.PUT('/api/v1/assessments/{assessmentId}/appraisals/{indicatorCode}', {
        params: { path: { assessmentId, indicatorCode: code } },
        body,
      });
    },
    // Also after a failure: a 409 means someone else changed it, and the page must show the new version.
    onSettled: refresh,
  });
}

export function useAcceptRemaining(assessmentId: string) {
  const refresh = useRefreshAfterDecision(assessmentId);
  return useMutation({
    /** Without a main index: the whole assessment, within what the server lets this user decide now. */
    mutationFn: async (mainIndexCode: string | undefined) => {
      const { data } = await api.POST('/api/v1/assessments/{assessmentId}/appraisals/accept-remaining', {
        params: { path: { assessmentId } },
        body: mainIndexCode === undefined ? {} : { mainIndexCode },
      });
      return data?.accepted ?? [];
    },
    onSettled: refresh,
  });
}

/** Finalise or reopen one unit's appraisal (the chair's actions on the overview). */
export function useAssessmentTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { assessmentId: string; action: 'finalise' | 'reopen'; reason?: string }) => {
      await api.POST('/api/v1/assessments/{assessmentId}/transitions', {
        params: { path: { assessmentId: input.assessmentId } },
        body: { action: input.action, ...(input.reason ? { reason: input.reason } : {}) },
      });
    },
    onSettled: (_data, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: keys.assessment(input.assessmentId) });
      void queryClient.invalidateQueries({ queryKey: keys.overviews });
      void queryClient.invalidateQueries({ queryKey: ['appraisal', 'results'] });
    },
  });
}

const councilKeys = {
  assignments: (periodId: string) => ['appraisal', 'assignments', periodId] as const,
  minutes: (periodId: string) => ['appraisal', 'minutes', periodId] as const,
};

/** Who of the council appraises what in a period, the members to choose from, and whether the reader may change it. */
export function useAssignments(periodId: string) {
  return useQuery({
    queryKey: councilKeys.assignments(periodId),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods/{periodId}/appraisal-assignments', {
        params: { path: { periodId } },
      });
      return data as AssignmentPage;
    },
  });
}

/** After a change of assignments: the list, and the overviews that show assignees. */
function useRefreshAssignments(periodId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: councilKeys.assignments(periodId) });
    void queryClient.invalidateQueries({ queryKey: keys.overviews });
    void queryClient.invalidateQueries({ queryKey: ['appraisal', 'assessment'] });
  };
}

export function useCreateAssignment(periodId: string) {
  const refresh = useRefreshAssignments(periodId);
  return useMutation({
    mutationFn: async (body: { userId: string; unitId: string | null; mainIndexCode: string | null }) => {
      await api.POST('/api/v1/periods/{periodId}/appraisal-assignments', { params: { path: { periodId } }, body });
    },
    onSettled: refresh,
  });
}

export function useDeleteAssignment(periodId: string) {
  const refresh = useRefreshAssignments(periodId);
  return useMutation({
    mutationFn: async (assignmentId: string) => {
      await api.DELETE('/api/v1/periods/{periodId}/appraisal-assignments/{assignmentId}', {
        params: { path: { periodId, assignmentId } },
      });
    },
    onSettled: refresh,
  });
}

export function useCouncilMinutes(periodId: string) {
  return useQuery({
    queryKey: councilKeys.minutes(periodId),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/periods/{periodId}/council-minutes', { params: { path: { periodId } } });
      return data as MinutesPage;
    },
  });
}

export interface MinutesBody {
  meetingOn: string;
  memberIds: string[];
  otherAttendees: string[];
  decision: string;
}

/** Records new minutes, or (with an id and the version it is based on) edits them. */
export function useSaveMinutes(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { body: MinutesBody; minutesId?: string; baseVersion?: number }) => {
      if (input.minutesId === undefined) {
        await api.POST('/api/v1/periods/{periodId}/council-minutes', { params: { path: { periodId } }, body: input.body });
      } else {
        await api.PUT('/api/v1/periods/{periodId}/council-minutes/{minutesId}', {
          params: { path: { periodId, minutesId: input.minutesId } },
          body: { ...input.body, baseVersion: input.baseVersion ?? 1 },
        });
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: councilKeys.minutes(periodId) }),
  });
}

/** The council takes back a request the unit has not answered. */
export function useWithdrawRequest(assessmentId: string) {
  const refresh = useRefreshAfterDecision(assessmentId);
  return useMutation({
    mutationFn: async (requestId: string) => {
      await api.POST('/api/v1/assessments/{assessmentId}/supplementation/{requestId}/withdraw', {
        params: { path: { assessmentId, requestId } },
      });
    },
    onSettled: refresh,
  });
}
