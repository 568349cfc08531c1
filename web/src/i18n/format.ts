/**
 * Vietnamese conventions by default: decimal comma (0,2849; 87,5%), dates dd/mm/yyyy. Numbers use
 * core's formatter and search core's diacritic-free keys (pure modules, no I/O), so the web app,
 * the CLI and the server agree to the character.
 */
import { formatLocaleNumber } from '@opendti/core/format';

export { matchesSearch, toSearchKey } from '@opendti/core/text';

export type Locale = 'vi' | 'en';

export function formatNumber(value: number | null | undefined, decimals: number, locale: Locale): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatLocaleNumber(value, decimals, locale);
}

export function formatPercent(value: number | null | undefined, locale: Locale, decimals = 1): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value, decimals, locale)}%`;
}

/** yyyy-mm-dd or an ISO timestamp → 30/01/2024. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '–';
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '–';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

/** A framework's or a node's name in the reader's language: the English one where the framework gives it. */
export function localName(node: { name: string; nameEn?: string | null }, locale: Locale): string {
  return locale === 'en' && node.nameEn ? node.nameEn : node.name;
}
