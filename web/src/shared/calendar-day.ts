/**
 * Calendar days (yyyy-mm-dd, as the API stores them) as Vietnamese officials type and read them
 * (30/01/2025). Reading a typed day and counting days are core's, the same functions the server's
 * unit import uses, so a date the browser accepts is a date the server accepts.
 */
import { vietnamDay } from '@opendti/core/calendar-day';

export { addDays, isCalendarDay, parseVietnameseDate } from '@opendti/core/calendar-day';

/** Today as yyyy-mm-dd in Vietnam, where deadlines are set (the server counts days the same way). */
export function todayInVietnam(now = new Date()): string {
  return vietnamDay(now);
}

/** "2025-01-30" (or a timestamp starting so) → "30/01/2025", to prefill an input; empty for no date. */
export function toVietnameseDate(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** The first instant of a day in Vietnam (UTC+7 all year), for date-range filters. */
export function startOfVietnamDay(day: string): string {
  return `${day}T00:00:00+07:00`;
}

/** The last instant of a day in Vietnam. */
export function endOfVietnamDay(day: string): string {
  return `${day}T23:59:59.999+07:00`;
}
