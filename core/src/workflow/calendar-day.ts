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

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VIETNAMESE_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A day as officials type it or a spreadsheet holds it → yyyy-mm-dd; undefined when the text is not
 * a real day. Day first, always (30/01/2025, also 30/1/2025, 30-01-2025, 30.01.2025), never the
 * American month first; yyyy-mm-dd is read too, as a spreadsheet or a browser may write it. One
 * reader for the unit-list import and every date typed in the web app, so both accept the same text.
 */
export function parseVietnameseDate(text: string): string | undefined {
  const value = text.trim();
  const iso = ISO_DAY.exec(value);
  const vietnamese = VIETNAMESE_DAY.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : undefined;
  if (!parts) return undefined;
  const day = `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  return isCalendarDay(day) ? day : undefined;
}

/** The day `days` after (or before, when negative) a yyyy-mm-dd day: a due date a week ahead. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
