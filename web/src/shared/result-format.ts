import { formatPercent, type Locale } from './format';

/**
 * The portal prints values with the framework's precision (0,2849, with the shared formatNumber) and
 * percentages with two places fewer (28,49%).
 */
export function formatPercentValue(percent: number | null | undefined, precision: number, locale: Locale): string {
  return formatPercent(percent, locale, Math.max(precision - 2, 0));
}
