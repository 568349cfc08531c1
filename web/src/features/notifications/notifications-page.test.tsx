import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';
import type { NotificationPage } from './notification-queries';

const state = vi.hoisted(() => ({ marked: [] as string[], page: undefined as unknown }));
vi.mock('../../api/session', () => ({ useCurrentUser: () => ({ data: { id: 'u1', displayName: 'Cán bộ' } }) }));
vi.mock('./notification-queries', () => ({
  useNotifications: () => ({ data: state.page, isError: false }),
  useMarkRead: () => ({ mutate: (id: string) => state.marked.push(id) }),
  useMarkAllRead: () => ({ mutate: () => {}, isPending: false }),
}));

const { default: NotificationsPage } = await import('./notifications-page');

afterEach(cleanup);

const page: NotificationPage = {
  items: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      event: 'supplementation.requested',
      vi: { title: 'Yêu cầu bổ sung, giải trình chỉ số 1.1', body: 'Hội đồng thẩm định yêu cầu …' },
      en: { title: 'Supplementation requested on indicator 1.1', body: 'The appraisal council asks …' },
      link: '/don-vi/a1',
      createdAt: '2026-01-23T01:30:00.000Z',
      readAt: null,
      emailStatus: 'sent',
    },
  ],
  page: 1,
  pageSize: 20,
  total: 1,
  unread: 1,
};

describe('the notifications page', () => {
  it('lists the notification in Vietnamese with its date and e-mail status, and marks it read', () => {
    state.page = page;
    render(
      <MantineProvider>
        <LocaleProvider>
          <MemoryRouter>
            <NotificationsPage />
          </MemoryRouter>
        </LocaleProvider>
      </MantineProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Yêu cầu bổ sung, giải trình chỉ số 1.1' })).toBeTruthy();
    expect(screen.getByText(/23\/01\/2026.*Đã gửi e-mail/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc' }));
    expect(state.marked).toEqual(['00000000-0000-4000-8000-000000000001']);
  });
});
