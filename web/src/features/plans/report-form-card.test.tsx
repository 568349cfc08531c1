import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { LocaleProvider } from '../../i18n/locale';
import type { MyPlanTask } from './progress-queries';
import { ReportFormCard } from './report-form-card';

const mutate = vi.fn();

vi.mock('../../api/session', () => ({ useCurrentUser: () => ({ data: { csrfToken: 'token' } }) }));
vi.mock('./progress-queries', () => ({
  useSaveReport: () => ({ mutate, isPending: false }),
  uploadTaskEvidence: vi.fn(),
}));

// Mantine's autosized textareas listen for web fonts loading, which jsdom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}

afterEach(() => {
  cleanup();
  mutate.mockReset();
});

const task = {
  id: 't1',
  planId: 'p1',
  planTitle: 'Kế hoạch 2026',
  planDocumentNumber: '187/KH-UBND',
  position: 1,
  text: 'Ban hành kế hoạch',
  role: 'leadUnit',
  state: 'notStarted',
  displayedState: 'notStarted',
  reporting: {
    currentRound: '2099-06-15',
    rounds: [
      {
        dueOn: '2099-06-15',
        opensOn: '2099-01-01',
        title: { vi: 'Quý II/2099', en: 'Q2 2099' },
        open: true,
        current: true,
        expected: true,
        status: 'pending',
        report: null,
      },
    ],
  },
} as unknown as MyPlanTask;

function renderForm() {
  return render(
    <MantineProvider>
      <LocaleProvider>
        <ReportFormCard task={task} dueOn="2099-06-15" onRoundChange={() => {}} />
      </LocaleProvider>
    </MantineProvider>,
  );
}

describe('the reporting form', () => {
  it('says in Vietnamese what is wrong, under the field, before sending anything', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText(/Đường dẫn minh chứng/), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    expect(screen.getByText('Cần nêu kết quả thực hiện trong kỳ.')).toBeTruthy();
    expect(screen.getByText('Mỗi dòng phải là một địa chỉ bắt đầu bằng http:// hoặc https://.')).toBeTruthy();
    expect(mutate).not.toHaveBeenCalled();
  });

  it('sends the report of the round, and shows the server’s refusals where they belong', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText(/Kết quả thực hiện trong kỳ/), { target: { value: ' Đã xây dựng dự thảo ' } });
    fireEvent.click(screen.getByLabelText('Đang thực hiện'));
    fireEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    expect(mutate).toHaveBeenCalledTimes(1);
    const [request, callbacks] = mutate.mock.calls[0] as [{ dueOn: string; body: unknown }, { onError: (error: Error) => void }];
    expect(request).toEqual({
      dueOn: '2099-06-15',
      body: { text: 'Đã xây dựng dự thảo', percent: 0, state: 'inProgress', links: [], evidenceIds: [] },
    });
    act(() =>
      callbacks.onError(
        new ApiError(403, 'plan.task-party-not-allowed', 'chỉ cơ quan quản lý kế hoạch mới được mở lại nhiệm vụ', [
          {
            code: 'plan.task-party-not-allowed',
            message: 'chỉ cơ quan quản lý kế hoạch mới được mở lại nhiệm vụ',
            location: { path: 'state' },
          },
          { code: 'plan.not-issued', message: 'kế hoạch chưa ban hành' },
        ] as never),
      ),
    );
    expect(screen.getByText('Chỉ cơ quan quản lý kế hoạch mới được mở lại nhiệm vụ')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Kế hoạch chưa ban hành');
  });
});
