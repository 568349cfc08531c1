import { formatLocaleNumber } from '@opendti/core';

/**
 * Numbers and dates as a Vietnamese document prints them: decimal comma (0,2849), thousands with a
 * dot, dates dd/mm/yyyy. A value missing prints as an en dash, never as 0.
 */
export const MISSING = '–';

const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A 0–1 value at the framework's precision: 0,2849. */
export function formatValue(value: number | null | undefined, precision: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : formatLocaleNumber(value, precision);
}

/** Points with at most two decimals: 45,5 · 1.000. */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : points.format(value);
}

/** A change with its sign: +0,0123, −0,0050 (minus sign), 0,0000. */
export function formatSignedValue(value: number | null | undefined, precision: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const text = formatLocaleNumber(Math.abs(value), precision);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Places climbed: +3, −2, 0. */
export function formatSignedInteger(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

export function formatRank(rank: number | null | undefined): string {
  return rank === null || rank === undefined ? MISSING : String(rank);
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return MISSING;
  const [year, month, date] = day.slice(0, 10).split('-');
  return `${date}/${month}/${year}`;
}
