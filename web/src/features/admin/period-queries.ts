import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, PeriodAction, PeriodDetail, PeriodRecord, PublicationPreview } from './admin-records';
import { bodyOf, fetchAllPages } from './api-result';
import type { periodRequest } from './period-form';

const PERIODS = ['admin', 'periods'] as const;

export function usePeriods() {
  return useQuery({
    queryKey: PERIODS,
    queryFn: async () =>
      (
        await fetchAllPages(async (page) =>
          bodyOf<Page<PeriodRecord>>(await api.GET('/api/v1/periods', { params: { query: { page, pageSize: 200 } } })),
        )
      ).sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt)),
  });
}

export function usePeriod(periodId: string | undefined) {
  return useQuery({
    queryKey: [...PERIODS, periodId],
    enabled: Boolean(periodId),
    queryFn: async () =>
      bodyOf<PeriodDetail>(await api.GET('/api/v1/periods/{periodId}', { params: { path: { periodId: periodId as string } } })),
  });
}

export function useCreatePeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReturnType<typeof periodRequest>) =>
      bodyOf<PeriodRecord>(await api.POST('/api/v1/periods', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PERIODS }),
  });
}

export function usePeriodTransition(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { action: PeriodAction; reason?: string; decision?: PublicationDecisionBody }) =>
      bodyOf<PeriodRecord>(await api.POST('/api/v1/periods/{periodId}/transitions', { params: { path: { periodId } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PERIODS }),
  });
}

/** The decision sent with `publish`: number, date (yyyy-mm-dd), signer. */
export interface PublicationDecisionBody {
  number: string;
  date: string;
  signerName: string;
  signerTitle: string;
}

/** The tables about to be published, exactly as the public will see them, and the warnings to read first. */
export function usePublicationPreview(periodId: string | undefined, locale: 'vi' | 'en') {
  return useQuery({
    // The warnings are worded in the language asked for.
    queryKey: [...PERIODS, periodId, 'publication-preview', locale],
    enabled: Boolean(periodId),
    queryFn: async () =>
      bodyOf<PublicationPreview>(
        await api.GET('/api/v1/periods/{periodId}/publication-preview', { params: { path: { periodId: periodId as string } } }),
      ),
  });
}
