import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';

const unread = vi.hoisted(() => ({ count: 0 }));
vi.mock('./notification-queries', async (original) => ({
  ...(await original<typeof import('./notification-queries')>()),
  useUnreadCount: () => ({ data: unread.count }),
}));

const { NotificationBell } = await import('./notification-bell');

afterEach(cleanup);

function renderBell() {
  return render(
    <MantineProvider>
      <LocaleProvider>
        <MemoryRouter>
          <NotificationBell />
        </MemoryRouter>
      </LocaleProvider>
    </MantineProvider>,
  );
}

describe('the bell', () => {
  it('says how many are unread and leads to the list', () => {
    unread.count = 3;
    renderBell();
    const bell = screen.getByRole('link', { name: 'Thông báo: 3 chưa đọc' });
    expect(bell.getAttribute('href')).toBe('/thong-bao');
    expect(screen.getByText('3')).toBeTruthy();
  });
  it('shows no count when all is read', () => {
    unread.count = 0;
    renderBell();
    expect(screen.getByRole('link', { name: 'Thông báo' })).toBeTruthy();
    expect(screen.queryByText('0')).toBeNull();
  });
});
