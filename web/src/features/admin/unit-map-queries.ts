import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type UnitMapSummary = ApiResponse<'/api/v1/unit-maps'>['items'][number];
export type UnitMapReport = ApiResponse<'/api/v1/unit-maps/{unitKind}', 'put'>;
export type MapCohort = UnitMapSummary['unitKind'];

const MAPS = ['admin', 'unit-maps'] as const;

export function useUnitMaps() {
  return useQuery({
    queryKey: MAPS,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/unit-maps');
      return data?.items ?? [];
    },
  });
}

export interface UnitMapUploadInput {
  unitKind: MapCohort;
  name: string;
  fileName: string;
  content: string;
  codeProperty: string | null;
  dryRun: boolean;
}

/** The upload: `dryRun` for the server's check (nothing stored), then the same file saved. */
export function useUploadUnitMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ unitKind, dryRun, ...body }: UnitMapUploadInput): Promise<UnitMapReport> => {
      const { data } = await api.PUT('/api/v1/unit-maps/{unitKind}', {
        params: { path: { unitKind }, query: { dryRun } },
        body,
      });
      if (!data) throw new Error('empty map report');
      return data;
    },
    onSuccess: (report) => {
      if (report.applied) return queryClient.invalidateQueries({ queryKey: MAPS });
    },
  });
}

export function useDeleteUnitMap() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (unitKind: MapCohort) => {
      await api.DELETE('/api/v1/unit-maps/{unitKind}', { params: { path: { unitKind } } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MAPS }),
  });
}
