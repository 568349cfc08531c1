/**
 * Numbers as Vietnamese clerks type them: decimal comma (0,2849; 87,5%), or a decimal point from an
 * English-language spreadsheet. When both separators appear, the last one is the decimal separator
 * and the other groups thousands ("1.234,5" and "1,234.5" are both 1234.5). A single separator is
 * always decimal: "1.234" is 1.234, never one thousand two hundred — a count that large is typed
 * without grouping.
 *
 * Returns NaN when the text is not a number. A trailing "%" divides by 100.
 */
export function parseLocaleNumber(text: string): number {
  let s = text.trim().replace(/\s+/g, '');
  if (s === '') return Number.NaN;
  let divisor = 1;
  if (s.endsWith('%')) {
    divisor = 100;
    s = s.slice(0, -1);
  }
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    s = s.split(grouping).join('');
    if (decimal === ',') s = s.replace(',', '.');
  } else if (lastComma >= 0) {
    if (s.indexOf(',') !== lastComma) return Number.NaN;
    s = s.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number.NaN;
  return Number(s) / divisor;
}

/** Formats a number the Vietnamese way: decimal comma, dot for thousands (1.234,5). */
export function formatLocaleNumber(value: number, decimals: number, locale: 'vi' | 'en' = 'vi'): string {
  if (!Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}
