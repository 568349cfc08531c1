import { MantineProvider } from '@mantine/core';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LocaleProvider } from '../i18n/locale';
import { formatTargetChange, formatTargetValue, PlanTargetTable, TARGETS_SHOWN_FIRST, type TargetRow } from './plan-targets';

afterEach(cleanup);

const target = (index: number, overrides: Partial<TargetRow> = {}): TargetRow => ({
  code: `1.${index}`,
  level: 'indicator',
  name: `Chỉ số ${index}`,
  baseline: 2.5,
  target: 10,
  unit: 'points',
  dueOn: '2023-12-31',
  current: null,
  met: null,
  ...overrides,
});

const renderTable = (targets: TargetRow[]) =>
  render(
    <LocaleProvider>
      <MantineProvider>
        <PlanTargetTable targets={targets} />
      </MantineProvider>
    </LocaleProvider>,
  );

describe('formatTargetValue', () => {
  it('writes points, values and percentages as Vietnamese readers write them', () => {
    expect(formatTargetValue(7.5, 'points', 'vi')).toBe('7,5');
    expect(formatTargetValue(0.85234, 'value', 'vi')).toBe('0,8523');
    expect(formatTargetValue(85, 'percent', 'vi')).toBe('85,0%');
    expect(formatTargetValue(7.5, 'points', 'en')).toBe('7.5');
    expect(formatTargetValue(null, 'points', 'vi')).toBe('–');
  });

  it('writes the change from the baseline with its sign, and a dash before the next results', () => {
    expect(formatTargetChange({ baseline: 2.5, current: 10, unit: 'points' }, 'vi')).toBe('+7,5');
    expect(formatTargetChange({ baseline: 0.85, current: 0.8375, unit: 'value' }, 'vi')).toBe('−0,0125');
    expect(formatTargetChange({ baseline: 40, current: 55, unit: 'percent' }, 'vi')).toBe('+15,0%');
    expect(formatTargetChange({ baseline: 2.5, current: null, unit: 'points' }, 'vi')).toBe('–');
  });
});

describe('PlanTargetTable', () => {
  it('shows baseline → target → current with met, missed or awaiting the next results', () => {
    renderTable([target(1, { current: 10, met: true }), target(2, { current: 5, met: false }), target(3)]);
    expect(screen.getByText('Đạt')).toBeTruthy();
    expect(screen.getByText('Chưa đạt')).toBeTruthy();
    expect(screen.getByText('Chờ kết quả kỳ sau')).toBeTruthy();
    expect(screen.getAllByText('10 điểm')).toHaveLength(3);
    expect(screen.getAllByText('2,5')).toHaveLength(3);
  });

  it('opens a long list on request, and closes it again', () => {
    renderTable(Array.from({ length: TARGETS_SHOWN_FIRST + 5 }, (_, index) => target(index + 1)));
    expect(screen.getAllByText('Chờ kết quả kỳ sau')).toHaveLength(TARGETS_SHOWN_FIRST);
    const more = screen.getByRole('button', { name: `Xem tất cả ${TARGETS_SHOWN_FIRST + 5} chỉ tiêu` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(screen.getAllByText('Chờ kết quả kỳ sau')).toHaveLength(TARGETS_SHOWN_FIRST + 5);
    fireEvent.click(screen.getByRole('button', { name: 'Thu gọn' }));
    expect(screen.getAllByText('Chờ kết quả kỳ sau')).toHaveLength(TARGETS_SHOWN_FIRST);
  });
});
