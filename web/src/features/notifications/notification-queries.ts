import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ApiResponse } from '../../api/types';

export type NotificationPage = ApiResponse<'/api/v1/notifications'>;
export type NotificationItem = NotificationPage['items'][number];
export type Preferences = ApiResponse<'/api/v1/notifications/preferences'>;
export type NotificationEvent = Preferences['events'][number]['event'];

/**
 * The bell polls the unread count (decision 0014: a count about deadlines days away may be a minute
 * late; polling needs no long-lived connection through the proxy). It refreshes at once when the
 * window regains focus and after the user reads something.
 */
export const UNREAD_POLL_MS = 60_000;

const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  page: (page: number, unreadOnly: boolean) => ['notifications', 'page', page, unreadOnly] as const,
};

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.unread,
    enabled,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    queryFn: async () => (await api.GET('/api/v1/notifications/unread-count')).data?.unread ?? 0,
  });
}

export function useNotifications(page: number, pageSize: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: keys.page(page, unreadOnly),
    placeholderData: keepPreviousData,
    refetchInterval: UNREAD_POLL_MS,
    queryFn: async () =>
      (await api.GET('/api/v1/notifications', { params: { query: { page, pageSize, unreadOnly } } })).data as NotificationPage,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (notificationId: string) => {
      await api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId } } });
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.POST('/api/v1/notifications/read-all')).data?.marked ?? 0,
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: [...keys.all, 'preferences'],
    queryFn: async () => (await api.GET('/api/v1/notifications/preferences')).data as Preferences,
  });
}

export function useChangePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (email: Partial<Record<NotificationEvent, boolean>>) =>
      (await api.PUT('/api/v1/notifications/preferences', { body: { email } })).data as Preferences,
    onSuccess: (data) => client.setQueryData([...keys.all, 'preferences'], data),
  });
}
