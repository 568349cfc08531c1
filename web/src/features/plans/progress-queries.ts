import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';
import { uploadWithProgress } from '../../shared/upload-with-progress';

/**
 * A plan's progress over HTTP: the unit's tasks with their rounds, a plan's rounds and each round's
 * reports (the manager), saving a report, uploading a task's files, and the comments of a task.
 */
export type MyPlanTask = ApiResponse<'/api/v1/units/me/plan-tasks'>[number];
export type TaskRound = MyPlanTask['reporting']['rounds'][number];
export type ProgressReport = NonNullable<TaskRound['report']>;
export type TaskEvidence = ProgressReport['evidence'][number];
export type PlanRounds = ApiResponse<'/api/v1/plans/{planId}/reporting-rounds'>;
export type PlanRound = PlanRounds['rounds'][number];
export type RoundReports = ApiResponse<'/api/v1/plans/{planId}/reporting-rounds/{dueOn}/reports'>;
export type RoundReportRow = RoundReports['items'][number];
export type TaskComment = ApiResponse<'/api/v1/plans/{planId}/tasks/{taskId}/comments'>[number];
export type ReportBody = {
  text: string;
  percent: number;
  state: ProgressReport['state'];
  links: string[];
  evidenceIds: string[];
  version?: number;
};

export const progressKeys = {
  myTasks: ['plans', 'my-tasks'] as const,
  rounds: (planId: string) => ['plans', planId, 'reporting-rounds'] as const,
  roundReports: (planId: string, dueOn: string) => ['plans', planId, 'reporting-rounds', dueOn] as const,
  comments: (taskId: string) => ['plans', 'task-comments', taskId] as const,
};

export function useMyPlanTasks() {
  return useQuery({
    queryKey: progressKeys.myTasks,
    queryFn: async () => (await api.GET('/api/v1/units/me/plan-tasks')).data as MyPlanTask[],
  });
}

export function useReportingRounds(planId: string | undefined) {
  return useQuery({
    queryKey: progressKeys.rounds(planId ?? ''),
    enabled: Boolean(planId),
    queryFn: async () =>
      (await api.GET('/api/v1/plans/{planId}/reporting-rounds', { params: { path: { planId: planId as string } } }))
        .data as PlanRounds,
  });
}

export function useRoundReports(planId: string | undefined, dueOn: string | undefined) {
  return useQuery({
    queryKey: progressKeys.roundReports(planId ?? '', dueOn ?? ''),
    enabled: Boolean(planId && dueOn),
    queryFn: async () =>
      (
        await api.GET('/api/v1/plans/{planId}/reporting-rounds/{dueOn}/reports', {
          params: { path: { planId: planId as string, dueOn: dueOn as string } },
        })
      ).data as RoundReports,
  });
}

export function useSaveReport(planId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ dueOn, body }: { dueOn: string; body: ReportBody }) =>
      (
        await api.PUT('/api/v1/plans/{planId}/tasks/{taskId}/reports/{dueOn}', {
          params: { path: { planId, taskId, dueOn } },
          body,
        })
      ).data as ProgressReport,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: progressKeys.myTasks }),
        queryClient.invalidateQueries({ queryKey: ['plans', planId] }),
      ]),
  });
}

/** Uploads one file as evidence of the task (multipart, with progress); the server checks its content. */
export async function uploadTaskEvidence(options: {
  planId: string;
  taskId: string;
  file: File;
  csrfToken: string | undefined;
  language: 'vi' | 'en';
  onProgress?: (fraction: number) => void;
}): Promise<TaskEvidence[]> {
  const result = await uploadWithProgress<{ items: TaskEvidence[] }>({
    url: `/api/v1/plans/${options.planId}/tasks/${options.taskId}/evidence`,
    field: 'files',
    file: options.file,
    csrfToken: options.csrfToken,
    language: options.language,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return result.items;
}

export function useTaskComments(planId: string, taskId: string, enabled = true) {
  return useQuery({
    queryKey: progressKeys.comments(taskId),
    enabled,
    queryFn: async () =>
      (await api.GET('/api/v1/plans/{planId}/tasks/{taskId}/comments', { params: { path: { planId, taskId } } }))
        .data as TaskComment[],
  });
}

export function useAddComment(planId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (text: string) =>
      (
        await api.POST('/api/v1/plans/{planId}/tasks/{taskId}/comments', {
          params: { path: { planId, taskId } },
          body: { text },
        })
      ).data as TaskComment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKeys.comments(taskId) }),
  });
}
