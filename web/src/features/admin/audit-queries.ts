import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEntry, Page } from './admin-records';
import { bodyOf } from './api-result';

export interface AuditFilter {
  periodId?: string;
  unitId?: string;
  actorId?: string;
  action?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit', filter],
    placeholderData: keepPreviousData,
    queryFn: async () => bodyOf<Page<AuditEntry>>(await api.GET('/api/v1/audit', { params: { query: filter } })),
  });
}
