import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, UnitRecord } from './admin-records';
import { bodyOf, fetchAllPages } from './api-result';

const UNITS = ['admin', 'units'] as const;

/** Every unit (a province has a few thousand at most): the tree is built and searched in the browser. */
export function useAllUnits() {
  return useQuery({
    queryKey: UNITS,
    queryFn: () =>
      fetchAllPages(async (page) =>
        bodyOf<Page<UnitRecord>>(await api.GET('/api/v1/units', { params: { query: { page, pageSize: 200 } } })),
      ),
  });
}

export interface UnitInput {
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

function useUnitMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: UNITS }) });
}

export function useCreateUnit() {
  return useUnitMutation(async (input: UnitInput) => bodyOf<UnitRecord>(await api.POST('/api/v1/units', { body: input })));
}

export function useUpdateUnit() {
  return useUnitMutation(async ({ id, ...input }: UnitInput & { id: string }) =>
    bodyOf<UnitRecord>(await api.PATCH('/api/v1/units/{unitId}', { params: { path: { unitId: id } }, body: input })),
  );
}

export function useReplaceUnits() {
  return useUnitMutation(async (input: { replacedIds: string[]; replacementId: string; on: string }) => {
    await api.POST('/api/v1/units/replace', { body: input });
  });
}

/** The CSV import: `dryRun` for the per-row preview, then the real import of the same file. */
export function useImportUnits() {
  return useUnitMutation(async (input: { fileName: string; content: string; dryRun: boolean }) => {
    const { data } = await api.POST('/api/v1/units/import', { body: input });
    if (!data) throw new Error('empty import report');
    return data;
  });
}
