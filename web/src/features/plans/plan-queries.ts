import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type {
  CarryOverReport,
  FrameworkDetail,
  FrameworkSummary,
  Ownership,
  Page,
  PeriodDetail,
  PeriodRecord,
  PlanAction,
  PlanDetail,
  PlanListItem,
  PlanSummary,
  PlanTarget,
  PlanTask,
  TaskAction,
  TaskImportReport,
  UnitRecord,
} from './plan-records';

const PLANS = ['plans'] as const;
const planKey = (planId: string) => [...PLANS, planId] as const;
const ownershipKey = (frameworkId: string) => ['plans', 'ownership', frameworkId] as const;

/** The body of a call; openapi-fetch throws (our middleware) on every refusal, so data is there. */
function bodyOf<T>(result: { data?: unknown }): T {
  return result.data as T;
}

async function fetchAllPages<T>(fetchPage: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export function usePlans() {
  return useQuery({ queryKey: PLANS, queryFn: async () => bodyOf<PlanListItem[]>(await api.GET('/api/v1/plans')) });
}

const getPlan = async (planId: string) =>
  bodyOf<PlanDetail>(await api.GET('/api/v1/plans/{planId}', { params: { path: { planId } } }));

export function usePlan(planId: string | undefined) {
  return useQuery({ queryKey: planKey(planId ?? ''), enabled: Boolean(planId), queryFn: () => getPlan(planId as string) });
}

/** Every plan's detail, for the list's task counts (a province keeps a handful of plans a year). */
/** Writes that answer with the whole plan put it in the cache; the others refetch it. */
function usePlanMutation<Input, Output>(planId: string, mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (output) => {
      if (!output || typeof output !== 'object') return;
      if ('tasks' in output) {
        queryClient.setQueryData(planKey(planId), output);
      } else if ('planId' in output) {
        // A task: put it in its place at once (the refetch below brings the rest).
        const task = output as unknown as PlanTask;
        queryClient.setQueryData<PlanDetail>(planKey(planId), (plan) =>
          plan ? { ...plan, tasks: plan.tasks.map((candidate) => (candidate.id === task.id ? task : candidate)) } : plan,
        );
      } else if ('allowedActions' in output) {
        // The plan's summary (header, status, version): the tasks and targets stay as they are.
        queryClient.setQueryData<PlanDetail>(planKey(planId), (plan) =>
          plan ? { ...plan, ...(output as unknown as PlanSummary) } : plan,
        );
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: PLANS }),
  });
}

export interface PlanCreateBody {
  year: number;
  date: string;
  title: string;
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlanCreateBody) => bodyOf<PlanSummary>(await api.POST('/api/v1/plans', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PLANS }),
  });
}

export interface PlanDraftBody {
  periodId: string;
  unitKind: string;
  unitCode?: string;
  title?: string;
  date?: string;
  dueOn?: string;
}

export function useCreatePlanDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: PlanDraftBody) => bodyOf<PlanDetail>(await api.POST('/api/v1/plans/drafts', { body })),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: PLANS, exact: true });
    },
  });
}

export interface PlanUpdateBody {
  year?: number;
  date?: string;
  title?: string;
  purpose?: string;
  documentNumber?: string;
  reportingSchedule?: string[];
  version: number;
}

export function useUpdatePlan(planId: string) {
  return usePlanMutation(planId, async (body: PlanUpdateBody) =>
    bodyOf<PlanSummary>(await api.PATCH('/api/v1/plans/{planId}', { params: { path: { planId } }, body })),
  );
}

export function usePlanTransition(planId: string) {
  return usePlanMutation(planId, async (action: PlanAction) =>
    bodyOf<PlanSummary>(await api.POST('/api/v1/plans/{planId}/transitions', { params: { path: { planId } }, body: { action } })),
  );
}

export type TargetBody = Omit<PlanTarget, 'id'>;

export function useReplaceTargets(planId: string) {
  return usePlanMutation(planId, async (body: { targets: TargetBody[]; version: number }) =>
    bodyOf<PlanDetail>(await api.PUT('/api/v1/plans/{planId}/targets', { params: { path: { planId } }, body })),
  );
}

export interface TaskBody {
  text: string;
  indicators: string[];
  lead: string | null;
  coordinating: string[];
  product?: string;
  startOn: string | null;
  dueOn: string;
}

export function useAddTask(planId: string) {
  return usePlanMutation(planId, async (body: TaskBody) =>
    bodyOf<PlanTask>(await api.POST('/api/v1/plans/{planId}/tasks', { params: { path: { planId } }, body })),
  );
}

export function useUpdateTask(planId: string) {
  return usePlanMutation(planId, async ({ taskId, body }: { taskId: string; body: Partial<TaskBody> & { version: number } }) =>
    bodyOf<PlanTask>(await api.PATCH('/api/v1/plans/{planId}/tasks/{taskId}', { params: { path: { planId, taskId } }, body })),
  );
}

export function useDeleteTask(planId: string) {
  return usePlanMutation(planId, async (taskId: string) => {
    await api.DELETE('/api/v1/plans/{planId}/tasks/{taskId}', { params: { path: { planId, taskId } } });
  });
}

export function useTaskTransition(planId: string) {
  return usePlanMutation(planId, async ({ taskId, action, reason }: { taskId: string; action: TaskAction; reason?: string }) =>
    bodyOf<PlanTask>(
      await api.POST('/api/v1/plans/{planId}/tasks/{taskId}/transitions', {
        params: { path: { planId, taskId } },
        body: { action, ...(reason ? { reason } : {}) },
      }),
    ),
  );
}

/**
 * A call to a route the generated types do not hold yet (the XLSX exchange, the carry-over): the
 * same headers and error shape as the typed client, through its middleware.
 */
export function taskWorkbookHref(planId: string): string {
  return `/api/v1/plans/${encodeURIComponent(planId)}/tasks.xlsx`;
}

export function useImportTasks(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { fileName: string; contentBase64: string; dryRun: boolean }) =>
      bodyOf<TaskImportReport>(await api.POST('/api/v1/plans/{planId}/tasks/import', { params: { path: { planId } }, body })),
    onSuccess: (_report, body) => {
      if (!body.dryRun) return queryClient.invalidateQueries({ queryKey: PLANS });
    },
  });
}

export function useUnits() {
  return useQuery({
    queryKey: ['plans', 'units'],
    queryFn: () =>
      fetchAllPages(async (page) =>
        bodyOf<Page<UnitRecord>>(await api.GET('/api/v1/units', { params: { query: { page, pageSize: 200 } } })),
      ),
    staleTime: 5 * 60_000,
  });
}

export function usePeriods() {
  return useQuery({
    queryKey: ['plans', 'periods'],
    queryFn: () =>
      fetchAllPages(async (page) =>
        bodyOf<Page<PeriodRecord>>(await api.GET('/api/v1/periods', { params: { query: { page, pageSize: 200 } } })),
      ),
  });
}

export function usePeriod(periodId: string | null) {
  return useQuery({
    queryKey: ['plans', 'periods', periodId],
    enabled: Boolean(periodId),
    queryFn: async () =>
      bodyOf<PeriodDetail>(await api.GET('/api/v1/periods/{periodId}', { params: { path: { periodId: periodId as string } } })),
  });
}

export function useFrameworks() {
  return useQuery({
    queryKey: ['plans', 'frameworks'],
    queryFn: async () => bodyOf<{ items: FrameworkSummary[] }>(await api.GET('/api/v1/frameworks')).items,
    staleTime: 5 * 60_000,
  });
}

export function useFramework(frameworkId: string | null | undefined) {
  return useQuery({
    queryKey: ['plans', 'frameworks', frameworkId],
    enabled: Boolean(frameworkId),
    queryFn: async () =>
      bodyOf<FrameworkDetail>(
        await api.GET('/api/v1/frameworks/{frameworkId}', { params: { path: { frameworkId: frameworkId as string } } }),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useOwnership(frameworkId: string | null) {
  return useQuery({
    queryKey: ownershipKey(frameworkId ?? ''),
    enabled: Boolean(frameworkId),
    queryFn: async () =>
      bodyOf<Ownership[]>(
        await api.GET('/api/v1/frameworks/{frameworkId}/ownership', { params: { path: { frameworkId: frameworkId as string } } }),
      ),
  });
}

export function useReplaceOwnership(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (owners: Ownership[]) =>
      bodyOf<Ownership[]>(
        await api.PUT('/api/v1/frameworks/{frameworkId}/ownership', { params: { path: { frameworkId } }, body: { owners } }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(ownershipKey(frameworkId), saved),
  });
}

export function useImportOwnership(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { fileName: string; content: string; dryRun: boolean }) =>
      bodyOf<Ownership[]>(
        await api.POST('/api/v1/frameworks/{frameworkId}/ownership/import', { params: { path: { frameworkId } }, body }),
      ),
    onSuccess: (owners, body) => {
      if (!body.dryRun) queryClient.setQueryData(ownershipKey(frameworkId), owners);
    },
  });
}

export function useCarryOverOwnership(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { fromFrameworkId: string; mapping: { from: string; to: string }[]; dryRun: boolean }) =>
      bodyOf<CarryOverReport>(
        await api.POST('/api/v1/frameworks/{frameworkId}/ownership/carry-over', { params: { path: { frameworkId } }, body }),
      ),
    onSuccess: (_report, body) => {
      if (!body.dryRun) return queryClient.invalidateQueries({ queryKey: ownershipKey(frameworkId) });
    },
  });
}

/** A refusal because someone else saved first (409, stale version): the page offers to reload. */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 409 &&
    (error.code === 'http.stale-version' || error.problems.some((problem) => problem.code === 'http.stale-version'))
  );
}
