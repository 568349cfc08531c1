import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';
import { RebuttalSection } from './rebuttal-section';
import type { AssessmentView } from './workspace-api';

afterEach(cleanup);

const ALLOWED = { allowed: true };
const CLOSED = { allowed: false, reason: 'wrong-state' as const, message: 'đã khoá' };

/** The parts of the server's view the section reads; the verdicts are the server's (core's) answer. */
function viewOf(options: {
  state: 'rebuttalOpen' | 'rebuttalSubmitted';
  contest12: typeof ALLOWED | typeof CLOSED;
  contests?: { indicatorCode: string; status: 'draft' | 'submitted' | 'answered' }[];
  send: 'allowed' | 'role-not-allowed';
  windowPassed?: boolean;
}): AssessmentView {
  const verdicts = (code: string) => ({
    code,
    answer: CLOSED,
    supplement: CLOSED,
    decide: CLOSED,
    requestSupplementation: CLOSED,
    contest: code === '1.2' ? options.contest12 : CLOSED,
    answerContest: CLOSED,
  });
  return {
    id: '00000000-0000-4000-8000-000000000001',
    state: options.state,
    allowedActions: options.send === 'allowed' ? ['submitRebuttal'] : [],
    reasonRequired: [],
    deniedActions:
      options.send === 'allowed'
        ? []
        : [{ action: 'submitRebuttal', reason: 'role-not-allowed', message: 'chỉ Lãnh đạo đơn vị được làm việc này' }],
    indicators: [verdicts('1.1'), verdicts('1.2')],
    answers: [
      { indicatorCode: '1.1', selfPoints: 5 },
      { indicatorCode: '1.2', selfPoints: 7.5 },
    ],
    appraisals: [
      { indicatorCode: '1.1', decision: 'accepted', appraisedPoints: null, reason: null },
      { indicatorCode: '1.2', decision: 'adjusted', appraisedPoints: 2.5, reason: 'Thiếu văn bản' },
    ],
    rebuttal: {
      enabled: true,
      workingDays: 5,
      resultsSentAt: '2025-06-06T03:00:00.000Z',
      dueOn: '2025-06-13',
      windowPassed: options.windowPassed ?? false,
      contests: (options.contests ?? []).map((contest) => ({
        id: `c-${contest.indicatorCode}`,
        explanation: 'Đã có kế hoạch 45/KH-UBND',
        updatedAt: '2025-06-07T03:00:00.000Z',
        submittedAt: null,
        outcome: null,
        answerReason: null,
        pointsBefore: null,
        pointsAfter: null,
        answeredAt: null,
        ...contest,
      })),
    },
  } as unknown as AssessmentView;
}

function show(view: AssessmentView) {
  render(
    <LocaleProvider>
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <RebuttalSection view={view} nameOf={(code) => `Chỉ số ${code}`} onSelect={vi.fn()} />
        </QueryClientProvider>
      </MantineProvider>
    </LocaleProvider>,
  );
  return screen.queryAllByRole('button').map((button) => button.textContent);
}

describe('RebuttalSection', () => {
  it('lists only the adjusted indicators, self against appraised points, with the window end', () => {
    show(viewOf({ state: 'rebuttalOpen', contest12: ALLOWED, send: 'role-not-allowed' }));
    expect(screen.getByText(/đến hết ngày 13\/06\/2025 \(5 ngày làm việc\)/)).toBeTruthy();
    expect(screen.getByText('Chỉ số bị điều chỉnh điểm (1)')).toBeTruthy();
    expect(screen.queryByText(/1\.1\. Chỉ số 1\.1/)).toBeNull();
    expect(screen.getByText('Tự đánh giá: 7,5 điểm')).toBeTruthy();
    expect(screen.getByText('Thẩm định: 2,5 điểm')).toBeTruthy();
    expect(screen.getByText('Lý do của Hội đồng: Thiếu văn bản')).toBeTruthy();
  });

  it('offers a contest where the server allows one, and sending to the leader only', () => {
    expect(show(viewOf({ state: 'rebuttalOpen', contest12: ALLOWED, send: 'role-not-allowed' }))).toEqual([
      '1.2. Chỉ số 1.2',
      'Kiến nghị',
    ]);
    expect(screen.getByText('Lãnh đạo đơn vị gửi các kiến nghị cho Hội đồng.')).toBeTruthy();
    cleanup();
    expect(
      show(
        viewOf({
          state: 'rebuttalOpen',
          contest12: ALLOWED,
          contests: [{ indicatorCode: '1.2', status: 'draft' }],
          send: 'allowed',
        }),
      ),
    ).toEqual(['1.2. Chỉ số 1.2', 'Kiến nghị', 'Thêm tài liệu kiểm chứng', 'Rút kiến nghị', 'Gửi 1 kiến nghị']);
  });

  it('offers nothing once the window has passed or the contests are sent', () => {
    expect(
      show(
        viewOf({
          state: 'rebuttalOpen',
          contest12: { allowed: false, reason: 'deadline-passed', message: 'hết hạn' } as unknown as typeof CLOSED,
          send: 'role-not-allowed',
          windowPassed: true,
        }),
      ),
    ).toEqual(['1.2. Chỉ số 1.2']);
    expect(screen.getByText(/Thời hạn kiến nghị đã hết ngày 13\/06\/2025/)).toBeTruthy();
    cleanup();
    expect(
      show(
        viewOf({
          state: 'rebuttalSubmitted',
          contest12: CLOSED,
          contests: [{ indicatorCode: '1.2', status: 'submitted' }],
          send: 'role-not-allowed',
        }),
      ),
    ).toEqual(['1.2. Chỉ số 1.2']);
    expect(screen.getByText('Đã gửi, chờ Hội đồng')).toBeTruthy();
  });
});
