import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../api/session';
import { PasswordChangeGuard } from './password-change-guard';

afterEach(cleanup);

const user = (mustChangePassword: boolean): CurrentUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'nhaplieu.dbi',
  displayName: 'Nhập liệu huyện Điện Biên',
  role: 'unitReporter',
  unitId: '00000000-0000-4000-8000-000000000002',
  assignedScopes: [],
  mustChangePassword,
  capabilities: ['period.read', 'assessment.read', 'assessment.answer'],
  csrfToken: 'token',
});

function renderAt(path: string, signedIn: CurrentUser | null) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(['session', 'me'], signedIn);
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <PasswordChangeGuard>
          <Routes>
            <Route path="/don-vi" element={<p>workspace</p>} />
            <Route path="/" element={<p>results</p>} />
            <Route path="/dang-nhap" element={<p>sign-in</p>} />
            <Route path="/tai-khoan/mat-khau" element={<p>password change</p>} />
          </Routes>
        </PasswordChangeGuard>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the temporary-password guard', () => {
  it.each(['/don-vi', '/', '/quan-tri/nguoi-dung'])(
    'sends a user with a temporary password from %s to the password change',
    (path) => {
      renderAt(path, user(true));
      expect(screen.getByText('password change')).toBeTruthy();
    },
  );

  it('lets that user sign in anew', () => {
    renderAt('/dang-nhap', user(true));
    expect(screen.getByText('sign-in')).toBeTruthy();
  });

  it('lets everyone else go where they asked', () => {
    renderAt('/don-vi', user(false));
    expect(screen.getByText('workspace')).toBeTruthy();
    cleanup();
    renderAt('/', null);
    expect(screen.getByText('results')).toBeTruthy();
  });
});
