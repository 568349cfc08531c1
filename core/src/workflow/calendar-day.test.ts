import { describe, expect, it } from 'vitest';
import { addDays, formatCalendarDay, isCalendarDay, parseVietnameseDate, vietnamDay } from './calendar-day.js';

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

describe('parseVietnameseDate', () => {
  it.each([
    ['30/01/2025', '2025-01-30'],
    ['1/7/2025', '2025-07-01'],
    ['01-07-2025', '2025-07-01'],
    ['15.02.2024', '2024-02-15'],
    [' 29/02/2024 ', '2024-02-29'],
    ['2025-07-01', '2025-07-01'],
    ['2025-7-1', '2025-07-01'],
    ['29/02/2023', undefined],
    ['31/04/2025', undefined],
    ['0/01/2025', undefined],
    ['01/13/2025', undefined],
    ['2025/07/01', undefined],
    ['30/01/25', undefined],
    ['hôm nay', undefined],
    ['', undefined],
  ])('%s → %s', (text, day) => {
    expect(parseVietnameseDate(text)).toBe(day);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-25', 7, '2024-03-03'],
    ['2023-12-28', 7, '2024-01-04'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('%s + %i → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});
