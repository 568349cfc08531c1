/**
 * Dates as Vietnamese officials type them (dd/mm/yyyy) and as the API stores them (yyyy-mm-dd).
 * Due dates are calendar days in Vietnam (UTC+7 all year), the day the server compares them with.
 */

const DAY_INPUT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "15/02/2024" (also 15/2/2024, 15-02-2024, 15.02.2024) → "2024-02-15"; null when it is not a real day. */
export function parseDayInput(text: string): string | null {
  const match = DAY_INPUT.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone shifts the day).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2024-02-15" → "15/02/2024", for prefilling an input; anything else is returned unchanged. */
export function formatDayInput(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (yyyy-mm-dd) it is in Vietnam at `now`. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** yyyy-mm-dd `days` after `isoDay`: a default due date a week ahead. */
export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
