import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page, UserRecord } from './admin-records';
import { bodyOf, fetchAllPages } from './api-result';

const USERS = ['admin', 'users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: USERS,
    enabled,
    queryFn: () =>
      fetchAllPages(async (page) =>
        bodyOf<Page<UserRecord>>(await api.GET('/api/v1/users', { params: { query: { page, pageSize: 200 } } })),
      ),
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: string;
  unitId: string | null;
  assignedScopes: string[];
  email?: string | null;
  password: string;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: NewUser) => bodyOf<UserRecord>(await api.POST('/api/v1/users', { body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      ...body
    }: {
      id: string;
      displayName?: string;
      role?: string;
      unitId?: string | null;
      assignedScopes?: string[];
      disabled?: boolean;
    }) => bodyOf<UserRecord>(await api.PATCH('/api/v1/users/{userId}', { params: { path: { userId: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async ({ id, temporaryPassword }: { id: string; temporaryPassword: string }) => {
      await api.POST('/api/v1/users/{userId}/reset-password', { params: { path: { userId: id } }, body: { temporaryPassword } });
    },
  });
}
