import { describe, expect, it } from 'vitest';
import { endOfVietnamDay, parseVietnameseDate, startOfVietnamDay, todayInVietnam, toVietnameseDate } from './calendar-day';

describe('calendar days in the web app', () => {
  it('reads what a clerk types, as the server reads a unit list', () => {
    expect(parseVietnameseDate('3/1/2025')).toBe('2025-01-03');
    expect(parseVietnameseDate('02/15/2024')).toBeUndefined();
  });

  it('round-trips a stored day through the input', () => {
    expect(parseVietnameseDate(toVietnameseDate('2024-12-31'))).toBe('2024-12-31');
    expect(toVietnameseDate('2025-01-30T08:00:00Z')).toBe('30/01/2025');
    expect(toVietnameseDate(null)).toBe('');
  });

  it('takes today in Vietnam (UTC+7), not in the browser’s zone', () => {
    expect(todayInVietnam(new Date('2024-01-19T16:59:59Z'))).toBe('2024-01-19');
    expect(todayInVietnam(new Date('2024-01-19T17:00:00Z'))).toBe('2024-01-20');
  });

  it('bounds a day at midnight in Vietnam', () => {
    expect(new Date(startOfVietnamDay('2025-01-30')).toISOString()).toBe('2025-01-29T17:00:00.000Z');
    expect(new Date(endOfVietnamDay('2025-01-30')).toISOString()).toBe('2025-01-30T16:59:59.999Z');
  });
});
