import { formatNumber, type Locale } from '../../i18n/format';

export { localName } from '../../i18n/format';

/**
 * How the portal prints results, the Vietnamese way by default: values with the framework's
 * precision (0,2849), percentages with two places fewer (28,49%), points with at most two decimals
 * and none when whole (317,56 / 465), signed changes (+0,0125; −3).
 */
export function formatValue(value: number | null | undefined, precision: number, locale: Locale): string {
  return formatNumber(value, precision, locale);
}

export function formatPercentValue(percent: number | null | undefined, precision: number, locale: Locale): string {
  return percent === null || percent === undefined ? '–' : `${formatNumber(percent, Math.max(precision - 2, 0), locale)}%`;
}

/** `decimals` fixes the places (columns that line up); without it, whole numbers print without any. */
export function formatPoints(points: number | null | undefined, locale: Locale, decimals?: number): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '–';
  if (decimals !== undefined) return formatNumber(points, decimals, locale);
  const rounded = Math.round(points * 100) / 100;
  const places = Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2;
  return formatNumber(rounded, places, locale);
}

/** "+0,0125", "−0,0500" (a real minus sign), "0,0000". */
export function formatSignedValue(change: number | null | undefined, precision: number, locale: Locale): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '–';
  const text = formatNumber(Math.abs(change), precision, locale);
  const zero = Math.abs(change) < 0.5 * 10 ** -precision;
  return zero ? text : `${change > 0 ? '+' : '−'}${text}`;
}
