import { describe, expect, it } from 'vitest';
import { STACK_ORDER, stackedBarsHeight, stackedStateBars, totalOf } from './task-state-chart';

const rows = [
  { label: '1. Nhận thức số', notStarted: 1, inProgress: 2, done: 3, overdue: 4, cancelled: 0 },
  { label: '2. Thể chế số', notStarted: 0, inProgress: 0, done: 1, overdue: 0, cancelled: 1 },
];

describe('stackedStateBars', () => {
  it('stacks one series per state, in the legend’s order, with each row’s count', () => {
    const option = stackedStateBars(rows, (state) => `S:${state}`, String, false);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((one) => one.name)).toEqual(STACK_ORDER.map((state) => `S:${state}`));
    expect(series.every((one) => one.stack === 'tasks')).toBe(true);
    expect(series.find((one) => one.name === 'S:overdue')?.data).toEqual([4, 0]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['1. Nhận thức số', '2. Thể chế số']);
  });

  it('counts every state of a row, and grows with the rows (taller on a phone for the wrapped legend)', () => {
    expect(rows.map(totalOf)).toEqual([10, 2]);
    expect(stackedBarsHeight(2, false)).toBeLessThan(stackedBarsHeight(3, false));
    expect(stackedBarsHeight(2, true)).toBeGreaterThan(stackedBarsHeight(2, false));
  });
});
