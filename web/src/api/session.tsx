import { type Role, UNIT_ROLES } from '@opendti/core/labels';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  assignedScopes: string[];
  mustChangePassword: boolean;
  csrfToken: string;
}

const ME = ['session', 'me'] as const;

/** The signed-in user, or null for a visitor. The CSRF token is handed to the API client. */
export function useCurrentUser() {
  return useQuery({
    queryKey: ME,
    queryFn: async (): Promise<CurrentUser | null> => {
      try {
        const { data } = await api.GET('/api/v1/auth/me');
        const user = (data ?? null) as CurrentUser | null;
        setCsrfToken(user?.csrfToken);
        return user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) => {
      const { data } = await api.POST('/api/v1/auth/login', { body: input });
      return data as CurrentUser;
    },
    onSuccess: (user) => {
      setCsrfToken(user.csrfToken);
      queryClient.setQueryData(ME, user);
    },
  });
}

/**
 * Changes one's own password. The server ends the account's other sessions and keeps this one; a
 * temporary password no longer holds the user back afterwards.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) => {
      await api.POST('/api/v1/auth/password', { body: input });
    },
    onSuccess: () => {
      queryClient.setQueryData<CurrentUser | null>(ME, (user) => (user ? { ...user, mustChangePassword: false } : user));
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout');
    },
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(ME, null);
    },
  });
}

/** Roles that belong to one unit: core's list. */
export { UNIT_ROLES };

export const COUNCIL_ROLES: CurrentUser['role'][] = ['appraiser', 'councilChair'];
export const MANAGER_ROLES: CurrentUser['role'][] = ['administrator', 'periodManager'];
