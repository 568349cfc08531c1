import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type JobStatus = ApiResponse<'/api/v1/jobs'>;
export type FailedJob = JobStatus['failed'][number];

const JOBS = ['admin', 'jobs'] as const;

export function useJobStatus() {
  return useQuery({
    queryKey: JOBS,
    refetchInterval: 30_000,
    queryFn: async () => (await api.GET('/api/v1/jobs')).data as JobStatus,
  });
}

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (job: Pick<FailedJob, 'queue' | 'id'>) => {
      await api.POST('/api/v1/jobs/{queue}/{jobId}/retry', { params: { path: { queue: job.queue, jobId: job.id } } });
    },
    onSettled: () => client.invalidateQueries({ queryKey: JOBS }),
  });
}
