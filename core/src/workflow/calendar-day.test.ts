import { describe, expect, it } from 'vitest';
import { formatCalendarDay, isCalendarDay, vietnamDay } from './calendar-day.js';

describe('vietnamDay', () => {
  it.each([
    ['2023-01-30T16:59:59.999Z', '2023-01-30'],
    ['2023-01-30T17:00:00Z', '2023-01-31'],
    ['2022-12-31T17:30:00Z', '2023-01-01'],
    ['2024-02-28T20:00:00Z', '2024-02-29'],
  ])('%s is %s in Hà Nội', (instant, day) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
  });
});

describe('isCalendarDay and formatCalendarDay', () => {
  it.each([
    ['2023-01-30', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['30/01/2023', false],
    ['2023-1-30', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isCalendarDay(value)).toBe(valid);
  });

  it('writes a day the Vietnamese way', () => {
    expect(formatCalendarDay('2023-01-30')).toBe('30/01/2023');
  });
});
