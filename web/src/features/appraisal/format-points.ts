import type { Locale } from '../../i18n/format';

/**
 * Points as the council reads them: up to two decimals, none when whole, decimal comma in
 * Vietnamese (2,5 of 10). A difference carries its sign, with a true minus sign (−2,5).
 */
export function formatPoints(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2, useGrouping: false }).format(
    // −0 would print as "-0".
    Math.abs(value) < 0.005 ? 0 : value,
  );
}

export function formatDifference(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (Math.abs(value) < 0.005) return '0';
  const magnitude = formatPoints(Math.abs(value), locale);
  return value > 0 ? `+${magnitude}` : `−${magnitude}`;
}
