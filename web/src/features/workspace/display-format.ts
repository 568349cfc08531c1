import { formatNumber, type Locale } from '../../i18n/format';

/** Points as people write them: 5, 7,5, 16,67 — no trailing zeros, at most two decimals. */
export function formatPoints(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const rounded = Math.round(value * 100) / 100;
  const decimals = Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2;
  return formatNumber(rounded, decimals, locale);
}

/** A number as typed back to the user (up to four decimals): 1.234,5; 0,2849. */
export function formatPlain(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10_000) / 10_000;
  const decimals = Math.min(4, String(rounded).split('.')[1]?.length ?? 0);
  return formatNumber(rounded, decimals, locale);
}

export function formatBytes(bytes: number | null, locale: Locale): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0, locale)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1, locale)} MB`;
}

/** Today as yyyy-mm-dd in Vietnam, where deadlines are set (the server counts days the same way). */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** "10:32, 30/01/2024" in the reader's convention. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  const time = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(date);
  const day = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
  return `${time}, ${day}`;
}
