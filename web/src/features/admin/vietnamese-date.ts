/**
 * Dates as Vietnamese officials write them (30/01/2025), stored as calendar days (2025-01-30).
 * Seed 001: units submit "chậm nhất ngày 30/01 của năm tiếp theo"; results are published in the
 * first quarter.
 */

/** True for a real day written yyyy-mm-dd (2025-02-30 is not one). */
export function isCalendarDay(day: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(year, month - 1, date));
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === date;
}

/**
 * "30/01/2025" (also 30/1/2025, 30-01-2025, 30.01.2025) or "2025-01-30" → "2025-01-30";
 * undefined when the text is not a real day.
 */
export function parseVietnameseDate(text: string): string | undefined {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : undefined;
  if (!parts) return undefined;
  const day = `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  return isCalendarDay(day) ? day : undefined;
}

/** "2025-01-30" → "30/01/2025"; empty for no date. */
export function toVietnameseDate(day: string | null | undefined): string {
  if (!day) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** The default self-assessment deadline of a year's period: 30 January of the following year (seed 001). */
export function defaultSelfAssessmentDeadline(year: number): string {
  return `${year + 1}-01-30`;
}

/** The default publication date: the end of the first quarter of the following year (seed 001). */
export function defaultPublicationDue(year: number): string {
  return `${year + 1}-03-31`;
}

/** The first instant of a day in Vietnam (UTC+7 all year), for date-range filters. */
export function startOfVietnamDay(day: string): string {
  return `${day}T00:00:00+07:00`;
}

/** The last instant of a day in Vietnam. */
export function endOfVietnamDay(day: string): string {
  return `${day}T23:59:59.999+07:00`;
}
