/**
 * Deadlines in the seeds are calendar days in Vietnam ("chậm nhất ngày 30/01"): a unit submitting
 * at 23:00 on the 30th in Hà Nội is on time, whatever the server's clock zone. Vietnam keeps UTC+7
 * all year (no daylight saving), so the local day is computed with a fixed offset, purely.
 */

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The day `now` falls on in Vietnam, as yyyy-mm-dd. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real day written yyyy-mm-dd (rejects 2023-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** yyyy-mm-dd → dd/mm/yyyy, the Vietnamese way of writing a date. */
export function formatCalendarDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
