import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { FrameworkDocument, FrameworkSummary } from './admin-records';
import { bodyOf } from './api-result';

const FRAMEWORKS = ['admin', 'frameworks'] as const;

export function useFrameworks() {
  return useQuery({
    queryKey: FRAMEWORKS,
    queryFn: async () => bodyOf<{ items: FrameworkSummary[] }>(await api.GET('/api/v1/frameworks')).items,
  });
}

export function useFramework(frameworkId: string | undefined) {
  return useQuery({
    queryKey: [...FRAMEWORKS, frameworkId],
    enabled: Boolean(frameworkId),
    queryFn: async () =>
      bodyOf<FrameworkDocument>(
        await api.GET('/api/v1/frameworks/{frameworkId}', { params: { path: { frameworkId: frameworkId as string } } }),
      ),
  });
}

export function useFrameworkUsage(frameworkId: string | undefined) {
  return useQuery({
    queryKey: [...FRAMEWORKS, frameworkId, 'usage'],
    enabled: Boolean(frameworkId),
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/frameworks/{frameworkId}/usage', {
        params: { path: { frameworkId: frameworkId as string } },
      });
      return data;
    },
  });
}

export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { fileName: string; content: string }) =>
      bodyOf<{ id: string }>(await api.POST('/api/v1/frameworks', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FRAMEWORKS }),
  });
}

export function useCloneFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ sourceId, ...body }: { sourceId: string; id: string; year: number; name?: string }) => {
      const { data } = await api.POST('/api/v1/frameworks/{frameworkId}/clone', {
        params: { path: { frameworkId: sourceId } },
        body,
      });
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FRAMEWORKS }),
  });
}

export function useSaveFramework(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (document: FrameworkDocument) => {
      const { data } = await api.PUT('/api/v1/frameworks/{frameworkId}', {
        params: { path: { frameworkId } },
        body: { document: document as unknown as Record<string, unknown> },
      });
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FRAMEWORKS }),
  });
}
