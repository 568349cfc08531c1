import { MantineProvider } from '@mantine/core';
import {
  evaluatePeriodActions,
  PERIOD_TABLE,
  PERIOD_TRANSITIONS,
  type PeriodTable,
  presentActions,
  type Role,
} from '@opendti/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../../i18n/locale';
import type { PeriodDetail } from './admin-records';
import { PeriodNextStep } from './period-next-step';

afterEach(cleanup);

/**
 * The page holds no copy of the period workflow: it renders what the server sends, and the server
 * sends core's verdicts (`periodActionsFor` = presentActions ∘ evaluatePeriodActions). Here the
 * response is built by the same two core functions from a changed copy of the table, and the
 * buttons follow the change.
 */
function periodAnswer(state: PeriodDetail['state'], role: Role, table: PeriodTable = PERIOD_TABLE): PeriodDetail {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    year: 2023,
    name: 'Kỳ 2023',
    state,
    earlyClose: null,
    selfAssessmentDeadline: '2024-01-30',
    appraisalDeadline: null,
    publicationDue: '2024-03-31',
    publishedAt: null,
    rebuttalEnabled: false,
    rebuttalWorkingDays: 5,
    reminderDays: [7, 3, 1],
    publicationDecision: null,
    createdAt: '2023-06-01T00:00:00.000Z',
    version: 1,
    cohorts: [],
    units: [],
    assessmentStates: {},
    ...presentActions(evaluatePeriodActions({ userId: 'u', role }, state, {}, table), 'vi'),
  };
}

function renderStep(period: PeriodDetail) {
  render(
    <LocaleProvider>
      <MantineProvider>
        <PeriodNextStep period={period} onChoose={vi.fn()} />
      </MantineProvider>
    </LocaleProvider>,
  );
  return screen.queryAllByRole('button').map((button) => [button.textContent, (button as HTMLButtonElement).disabled]);
}

describe('PeriodNextStep', () => {
  it('offers what core allows, and shows closed actions disabled with the reason the server gives', () => {
    expect(renderStep(periodAnswer('published', 'administrator'))).toEqual([
      ['Lưu trữ kỳ đánh giá', false],
      ['Mở lại để đính chính', false],
    ]);
    cleanup();
    expect(renderStep(periodAnswer('published', 'periodManager'))).toEqual([
      ['Lưu trữ kỳ đánh giá', true],
      ['Mở lại để đính chính', true],
    ]);
    expect(screen.getAllByText(/chỉ Quản trị hệ thống được làm việc này/)).toHaveLength(2);
    cleanup();
    expect(renderStep(periodAnswer('archived', 'administrator'))).toEqual([]);
  });

  it('follows a change to core’s table: no copy of the rule is left in the web', () => {
    const changed: PeriodTable = {
      ...PERIOD_TABLE,
      transitions: PERIOD_TRANSITIONS.map((rule) =>
        // The manager may archive, and may publish straight from the self-assessment.
        rule.action === 'archive'
          ? { ...rule, roles: ['administrator', 'periodManager'] }
          : rule.action === 'publish'
            ? { ...rule, from: ['selfAssessment', 'appraisal'] }
            : rule,
      ),
    };
    expect(renderStep(periodAnswer('published', 'periodManager', changed))).toEqual([
      ['Lưu trữ kỳ đánh giá', false],
      ['Mở lại để đính chính', true],
    ]);
    cleanup();
    expect(renderStep(periodAnswer('selfAssessment', 'periodManager'))).toEqual([['Đóng tự đánh giá, chuyển thẩm định', false]]);
    cleanup();
    expect(renderStep(periodAnswer('selfAssessment', 'periodManager', changed))).toEqual([
      ['Đóng tự đánh giá, chuyển thẩm định', false],
      ['Công bố kết quả', false],
    ]);
  });
});
