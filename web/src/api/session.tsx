import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { ApiResponse } from './types';

/** The signed-in user as `/auth/me` describes them, with the capabilities their role holds (core's policy). */
export type CurrentUser = ApiResponse<'/api/v1/auth/me'>;
export type Capability = CurrentUser['capabilities'][number];

/**
 * Whether the user's role holds a capability somewhere: enough to offer a section or a control. Each
 * action on a period, an assessment or an indicator is judged by the server and sent with it.
 */
export function holds(user: Pick<CurrentUser, 'capabilities'> | null | undefined, capability: Capability): boolean {
  return user?.capabilities.includes(capability) ?? false;
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
