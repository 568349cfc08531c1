import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';

/** The plan dashboard's reads and the publication of its summary (the manager's). */

export type PlanDashboard = ApiResponse<'/api/v1/plans/{planId}/dashboard'>;
export type TargetProgress = PlanDashboard['targets'][number];
export type TaskCounts = PlanDashboard['totals'];
export type DashboardPlan = ApiResponse<'/api/v1/plans/{planId}'>;

const keys = {
  dashboard: (planId: string) => ['plans', 'dashboard', planId] as const,
  plan: (planId: string) => ['plans', 'plan', planId] as const,
};

export function usePlanDashboard(planId: string) {
  return useQuery({
    queryKey: keys.dashboard(planId),
    queryFn: async (): Promise<PlanDashboard> => {
      const { data } = await api.GET('/api/v1/plans/{planId}/dashboard', { params: { path: { planId } } });
      return data as PlanDashboard;
    },
  });
}

/** The plan itself (title, status, version and publication), for the page's header and the publication card. */
export function useDashboardPlan(planId: string) {
  return useQuery({
    queryKey: keys.plan(planId),
    queryFn: async (): Promise<DashboardPlan> => {
      const { data } = await api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } });
      return data as DashboardPlan;
    },
  });
}

export interface PublicationChange {
  published: boolean;
  summary: string;
  version: number;
}

export function usePublishPlanSummary(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: PublicationChange) => {
      const { data } = await api.PUT('/api/v1/plans/{planId}/publication', { params: { path: { planId } }, body: change });
      return data;
    },
    // Whatever happened (saved, or refused as stale), the plan is read again: its version and publication are the server's.
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
