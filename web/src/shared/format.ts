/**
 * Numbers and dates as the web app prints them, one function each, Vietnamese conventions by
 * default: decimal comma (0,2849; 87,5%), dates dd/mm/yyyy, times in Vietnam. Numbers use core's
 * formatter and search core's diacritic-free keys (pure modules, no I/O), so the web app, the CLI
 * and the server agree to the character.
 */
import { formatLocaleNumber } from '@opendti/core/format';
import type { Locale } from '@opendti/core/labels';

export { matchesSearch, toSearchKey } from '@opendti/core/text';
export type { Locale };

/** Deadlines, the audit log and every time shown are Vietnam's (UTC+7, no daylight saving). */
const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function formatNumber(value: number | null | undefined, decimals: number, locale: Locale): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatLocaleNumber(value, decimals, locale);
}

export function formatPercent(value: number | null | undefined, locale: Locale, decimals = 1): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value, decimals, locale)}%`;
}

/**
 * Points as people write them: 5, 7,5, 16,67 — no trailing zeros, at most two decimals. `decimals`
 * fixes the places instead, for columns that line up (317,56 / 465).
 */
export function formatPoints(value: number | null | undefined, locale: Locale, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (decimals !== undefined) return formatNumber(value, decimals, locale);
  // + 0 turns a rounded −0 into 0, which would otherwise print as "-0".
  const rounded = Math.round(value * 100) / 100 + 0;
  const places = Number.isInteger(rounded) ? 0 : Number.isInteger(rounded * 10) ? 1 : 2;
  return formatNumber(rounded, places, locale);
}

/**
 * A change or a difference with its sign and a true minus sign: +1,25, −2,5, 0 for points (as
 * formatPoints), or +0,0125, −0,0500, 0,0000 with `decimals` places. What rounds to zero has no sign.
 */
export function formatSigned(value: number | null | undefined, locale: Locale, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const magnitude = formatPoints(Math.abs(value), locale, decimals);
  if (Math.abs(value) < 0.5 * 10 ** -(decimals ?? 2)) return magnitude;
  return `${value > 0 ? '+' : '−'}${magnitude}`;
}

const STORED_NUMBER = /^(-?\d+(?:\.\d+)?)(%?)$/;
const STORED_FRACTION = /^(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/;

/**
 * An answer's stored value as the reader writes numbers: the server keeps "8.5", "12/30", "45.5%"
 * (a decimal point, for programs); the screen shows 8,5 · 12/30 · 45,5%. Words and option codes
 * are shown as stored.
 */
export function formatStoredValue(value: string, locale: Locale): string {
  const text = value.trim();
  const number = STORED_NUMBER.exec(text);
  if (number) return `${formatPlain(Number(number[1]), locale)}${number[2]}`;
  const fraction = STORED_FRACTION.exec(text);
  if (fraction) return `${formatPlain(Number(fraction[1]), locale)}/${formatPlain(Number(fraction[2]), locale)}`;
  return value;
}

/** A number as typed back to the user (up to four decimals): 1.234,5; 0,2849. */
export function formatPlain(value: number, locale: Locale): string {
  const rounded = Math.round(value * 10_000) / 10_000 + 0;
  const decimals = Math.min(4, String(rounded).split('.')[1]?.length ?? 0);
  return formatNumber(rounded, decimals, locale);
}

export function formatBytes(bytes: number | null, locale: Locale): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0, locale)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1, locale)} MB`;
}

function dayFormat(locale: Locale, timeZone?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** yyyy-mm-dd or an ISO timestamp → 30/01/2024. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '–';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return dayFormat(locale).format(date);
}

/** An instant as "10:32, 30/01/2024", in Vietnam's time whatever the browser's clock zone. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '–';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  const time = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: VIETNAM_TIME_ZONE,
  }).format(date);
  return `${time}, ${dayFormat(locale, VIETNAM_TIME_ZONE).format(date)}`;
}

/** A framework's or a node's name in the reader's language: the English one where the framework gives it. */
export function localName(node: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && node.nameEn ? node.nameEn : node.name;
}

/**
 * A message shown on its own, as a sentence: its first letter capitalised. The server writes its
 * Vietnamese messages lower-case ("sai tên đăng nhập hoặc mật khẩu") because it also uses them
 * mid-sentence; the web capitalises them here, where it shows them alone, and nowhere else.
 */
export function startSentence(text: string): string {
  // A message that starts with a name ("units.csv, dòng 3: …", "1.2: …") keeps it as written.
  const firstWord = /^[^\s,:;]+/.exec(text)?.[0] ?? '';
  if (!/^\p{Ll}+$/u.test(firstWord)) return text;
  return firstWord.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
