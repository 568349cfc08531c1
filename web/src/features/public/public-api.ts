import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';

/**
 * The public portal's reads: published snapshots only, anonymous. The server sends a strong ETag,
 * and the browser's HTTP cache revalidates with If-None-Match by itself; react-query keeps the
 * parsed result for the session, so moving between a ranking and its units costs no new request.
 */

export type PublishedPeriodList = ApiResponse<'/api/v1/public/periods'>;
export type PublishedPeriod = PublishedPeriodList['items'][number];
export type PublishedResultSet = ApiResponse<'/api/v1/public/periods/{periodId}/results/{unitKind}'>;
export type UnitDetail = ApiResponse<'/api/v1/public/periods/{periodId}/results/{unitKind}/units/{unitCode}'>;
export type MainIndexAnalysis = UnitDetail['analysis'][number];
export type IndicatorAnalysis = MainIndexAnalysis['full'][number];
export type IndicatorOverview = ApiResponse<'/api/v1/public/periods/{periodId}/results/{unitKind}/indicator-overview'>;
export type CohortMap = ApiResponse<'/api/v1/public/periods/{periodId}/unit-maps/{unitKind}'>;

const keys = {
  periods: ['public', 'periods'] as const,
  results: (periodId: string, unitKind: string) => ['public', 'results', periodId, unitKind] as const,
  unit: (periodId: string, unitKind: string, unitCode: string) => ['public', 'unit', periodId, unitKind, unitCode] as const,
  overview: (periodId: string, unitKind: string) => ['public', 'indicator-overview', periodId, unitKind] as const,
  maps: ['public', 'unit-maps'] as const,
  map: (periodId: string, unitKind: string) => ['public', 'unit-map', periodId, unitKind] as const,
};

/** Published results change only when a period is republished: keep them for the visit. */
const STALE_MS = 5 * 60_000;

async function fetchPeriods(): Promise<PublishedPeriodList> {
  const { data } = await api.GET('/api/v1/public/periods');
  return data as PublishedPeriodList;
}

async function fetchResults(periodId: string, unitKind: string): Promise<PublishedResultSet> {
  const { data } = await api.GET('/api/v1/public/periods/{periodId}/results/{unitKind}', {
    params: { path: { periodId, unitKind } },
  });
  return data as PublishedResultSet;
}

export function usePublishedPeriods() {
  return useQuery({ queryKey: keys.periods, queryFn: fetchPeriods, staleTime: STALE_MS });
}

export function useCohortResults(periodId: string | undefined, unitKind: string | undefined) {
  return useQuery({
    queryKey: keys.results(periodId ?? '', unitKind ?? ''),
    queryFn: () => fetchResults(periodId ?? '', unitKind ?? ''),
    enabled: Boolean(periodId && unitKind),
    staleTime: STALE_MS,
  });
}

/** The results of several periods of one cohort (a unit's history), in the order of `periodIds`. */
export function useCohortResultsOfPeriods(periodIds: string[], unitKind: string) {
  return useQueries({
    queries: periodIds.map((periodId) => ({
      queryKey: keys.results(periodId, unitKind),
      queryFn: () => fetchResults(periodId, unitKind),
      staleTime: STALE_MS,
    })),
  });
}

export function useUnitDetail(periodId: string, unitKind: string, unitCode: string) {
  return useQuery({
    queryKey: keys.unit(periodId, unitKind, unitCode),
    queryFn: async (): Promise<UnitDetail> => {
      const { data } = await api.GET('/api/v1/public/periods/{periodId}/results/{unitKind}/units/{unitCode}', {
        params: { path: { periodId, unitKind, unitCode } },
      });
      return data as UnitDetail;
    },
    staleTime: STALE_MS,
  });
}

/** The province-wide view of a published cohort's indicators (counts, points lost, heatmap matrix). */
export function useIndicatorOverview(periodId: string, unitKind: string) {
  return useQuery({
    queryKey: keys.overview(periodId, unitKind),
    queryFn: async (): Promise<IndicatorOverview> => {
      const { data } = await api.GET('/api/v1/public/periods/{periodId}/results/{unitKind}/indicator-overview', {
        params: { path: { periodId, unitKind } },
      });
      return data as IndicatorOverview;
    },
    staleTime: STALE_MS,
  });
}

/** The cohorts that have a boundary map (a few bytes): whether the ranking offers a map at all. */
export function useCohortsWithMaps() {
  return useQuery({
    queryKey: keys.maps,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/public/unit-maps');
      return new Set((data?.items ?? []).map((item) => item.unitKind));
    },
    staleTime: STALE_MS,
  });
}

/** A published cohort's boundaries, fetched only once the map nears the screen (`enabled`). */
export function useCohortMap(periodId: string, unitKind: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.map(periodId, unitKind),
    queryFn: async (): Promise<CohortMap> => {
      const { data } = await api.GET('/api/v1/public/periods/{periodId}/unit-maps/{unitKind}', {
        params: { path: { periodId, unitKind } },
      });
      return data as CohortMap;
    },
    enabled,
    staleTime: STALE_MS,
  });
}

export type PublicPlanList = ApiResponse<'/api/v1/public/plans'>;
export type PublicPlanSummary = PublicPlanList['items'][number];
export type PublicPlan = ApiResponse<'/api/v1/public/plans/{planId}'>;

/** The improvement plans whose summary the province published (title, counts, targets met; never the units' reports). */
export function usePublicPlans() {
  return useQuery({
    queryKey: ['public', 'plans'],
    queryFn: async (): Promise<PublicPlanList> => {
      const { data } = await api.GET('/api/v1/public/plans');
      return data as PublicPlanList;
    },
    staleTime: 60_000,
  });
}

export function usePublicPlan(planId: string) {
  return useQuery({
    queryKey: ['public', 'plan', planId],
    queryFn: async (): Promise<PublicPlan> => {
      const { data } = await api.GET('/api/v1/public/plans/{planId}', { params: { path: { planId } } });
      return data as PublicPlan;
    },
    staleTime: 60_000,
  });
}
