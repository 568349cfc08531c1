import { isCalendarDay } from './calendar-day.js';

/**
 * Working days for windows such as the rebuttal round ("trong 5 ngày làm việc"): Monday to Friday.
 * Public holidays (Tết, 30/4, 1/5, 2/9…) are not known here and count as working days until a
 * holiday calendar is added; the window is then a little shorter than the official one around them.
 */

function dayOfWeek(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Monday to Friday (yyyy-mm-dd). */
export function isWorkingDay(day: string): boolean {
  if (!isCalendarDay(day)) throw new TypeError(`day must be a yyyy-mm-dd day, not "${day}"`);
  const weekday = dayOfWeek(day);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The last day of a window of `count` working days that starts the working day after `day`: sent on
 * Friday 06/06/2025 with 5 working days, the window ends on Friday 13/06/2025. `count` 0 is `day`.
 */
export function addWorkingDays(day: string, count: number): string {
  if (!isCalendarDay(day)) throw new TypeError(`day must be a yyyy-mm-dd day, not "${day}"`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, not ${count}`);
  const date = new Date(`${day}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
