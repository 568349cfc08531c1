import { describe, expect, it } from 'vitest';
import { defaultSelfAssessmentDeadline, endOfVietnamDay, parseVietnameseDate, toVietnameseDate } from './vietnamese-date';

describe('Vietnamese dates', () => {
  it.each([
    ['30/01/2025', '2025-01-30'],
    ['3/1/2025', '2025-01-03'],
    [' 30-01-2025 ', '2025-01-30'],
    ['30.01.2025', '2025-01-30'],
    ['2025-01-30', '2025-01-30'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2025', undefined],
    ['01/13/2025', undefined],
    ['30/01/25', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, day) => {
    expect(parseVietnameseDate(text)).toBe(day);
  });

  it('writes days as dd/mm/yyyy', () => {
    expect(toVietnameseDate('2025-01-30')).toBe('30/01/2025');
    expect(toVietnameseDate(null)).toBe('');
  });

  it('closes the self-assessment on 30 January of the following year (seed 001)', () => {
    expect(defaultSelfAssessmentDeadline(2024)).toBe('2025-01-30');
  });

  it('ends a day at midnight in Vietnam, whatever the browser zone', () => {
    expect(new Date(endOfVietnamDay('2025-01-30')).toISOString()).toBe('2025-01-30T16:59:59.999Z');
  });
});
