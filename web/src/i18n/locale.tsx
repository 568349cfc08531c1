import { formatLocaleNumber } from '@opendti/core/format';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Locale } from '../shared/format';

/**
 * The interface language: Vietnamese by default, English on request, remembered in the browser.
 * Each feature keeps its own dictionary (`messages.ts` beside its pages) and reads it with
 * `useMessages`, so features never import each other's texts.
 */
interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);
const STORAGE_KEY = 'opendti.locale';

function initialLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale outside LocaleProvider');
  return state;
}

export type Dictionary<Key extends string> = { vi: Record<Key, string>; en: Record<Key, string> };

/** Placeholders whose numbers are names, not quantities: a year is 2023, never 2.023. */
const NUMBERS_AS_NAMES = new Set(['year', 'from', 'to', 'id', 'code', 'number', 'row', 'version', 'day', 'status']);

/**
 * One placeholder's text. A quantity is written as the reader writes numbers (1.310 mục, 7,5 điểm;
 * 1,310 entries in English), with core's formatter, up to four decimals.
 */
export function formatParam(name: string, value: string | number, locale: Locale): string {
  if (typeof value !== 'number' || NUMBERS_AS_NAMES.has(name) || !Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 10_000) / 10_000 + 0;
  const decimals = Math.min(4, String(rounded).split('.')[1]?.length ?? 0);
  return formatLocaleNumber(rounded, decimals, locale);
}

/** `t('key', { count: 3 })` in the current language; {name} placeholders are replaced. */
export function useMessages<Key extends string>(dictionary: Dictionary<Key>) {
  const { locale } = useLocale();
  return useCallback(
    (key: Key, params?: Record<string, string | number>) =>
      dictionary[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params?.[name];
        return value !== undefined ? formatParam(name, value, locale) : whole;
      }),
    [dictionary, locale],
  );
}
