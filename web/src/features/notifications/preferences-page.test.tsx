import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';

const changes = vi.hoisted(() => [] as unknown[]);
vi.mock('../../api/session', () => ({ useCurrentUser: () => ({ data: { id: 'u1' }, isPending: false }) }));
vi.mock('./notification-queries', () => ({
  usePreferences: () => ({
    isPending: false,
    error: null,
    data: {
      events: [
        { event: 'supplementation.requested', app: true, email: true, emailOptional: true },
        { event: 'account.passwordReset', app: true, email: true, emailOptional: false },
      ],
    },
  }),
  useChangePreferences: () => ({
    mutate: (body: unknown) => changes.push(body),
    isPending: false,
    isError: false,
    isSuccess: false,
  }),
}));

const { default: PreferencesPage } = await import('./preferences-page');

afterEach(cleanup);

describe('notification settings', () => {
  it('turns e-mail off per event; account events stay on', () => {
    render(
      <MantineProvider>
        <LocaleProvider>
          <MemoryRouter>
            <PreferencesPage />
          </MemoryRouter>
        </LocaleProvider>
      </MantineProvider>,
    );
    const account = screen.getByRole('checkbox', { name: 'Mật khẩu được quản trị viên đặt lại: Qua e-mail (luôn bật)' });
    expect((account as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hội đồng yêu cầu bổ sung, giải trình: Qua e-mail' }));
    expect(changes).toEqual([{ 'supplementation.requested': false }]);
  });
});
