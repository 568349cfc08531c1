import { describe, expect, it } from 'vitest';
import { addDays, formatDayInput, parseDayInput, vietnamDay } from './date-input';

describe('parseDayInput: dd/mm/yyyy → yyyy-mm-dd', () => {
  it.each([
    ['15/02/2024', '2024-02-15'],
    ['5/2/2024', '2024-02-05'],
    [' 15-02-2024 ', '2024-02-15'],
    ['15.02.2024', '2024-02-15'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2099', '2099-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(parseDayInput(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['2024-02-15', 'already ISO: ambiguous for a clerk, refused'],
    ['29/02/2023', 'not a leap year'],
    ['31/04/2024', 'April has 30 days'],
    ['00/01/2024', 'day zero'],
    ['15/13/2024', 'month 13'],
    ['02/15/2024', 'American order'],
    ['15/02/24', 'two-digit year'],
    ['15/02/2024x', 'trailing text'],
  ])('%s is refused (%s)', (text) => {
    expect(parseDayInput(text)).toBeNull();
  });
});

describe('formatDayInput and days', () => {
  it('prefills an input from a stored day', () => {
    expect(formatDayInput('2024-02-15')).toBe('15/02/2024');
    expect(formatDayInput('not a day')).toBe('not a day');
  });

  it('round-trips', () => {
    expect(parseDayInput(formatDayInput('2024-12-31'))).toBe('2024-12-31');
  });

  it('takes today in Vietnam (UTC+7), not in the browser’s zone', () => {
    expect(vietnamDay(new Date('2024-01-19T16:59:59Z'))).toBe('2024-01-19');
    expect(vietnamDay(new Date('2024-01-19T17:00:00Z'))).toBe('2024-01-20');
  });

  it('adds days across months and years', () => {
    expect(addDays('2024-02-25', 7)).toBe('2024-03-03');
    expect(addDays('2023-12-28', 7)).toBe('2024-01-04');
  });
});
