import { type CSSVariablesResolver, createTheme, MantineProvider, type MantineThemeOverride } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { ApiError } from '../api/client';
import { LocaleProvider, useLocale } from '../i18n/locale';
import type { Locale } from '../shared/format';
import { appMessages } from './messages';

/** Mantine's own texts (the names of its icon-only buttons) in the interface language. */
function themeFor(locale: Locale): MantineThemeOverride {
  const t = appMessages[locale];
  return createTheme({
    primaryColor: 'indigo',
    // Shade 8 keeps white text on buttons above WCAG AA's 4.5:1 contrast (shade 6 is about 4:1).
    primaryShade: { light: 8, dark: 5 },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    components: {
      // Icon-only close buttons (notifications, modals, drawers) need an accessible name (axe: button-name).
      CloseButton: { defaultProps: { 'aria-label': t.close } },
      // Mantine writes badges in capitals: "CẤP HUYỆN" beside "Đã nộp" read as two styles, and capitals
      // crowd Vietnamese marks. Badges keep the case of their words, as the state badges always did.
      Badge: { defaultProps: { tt: 'none' } },
      // Mantine takes the show-password button out of the Tab order and names it in English.
      PasswordInput: {
        defaultProps: { visibilityToggleFocusable: true, visibilityToggleButtonProps: { 'aria-label': t.showPassword } },
      },
    },
  });
}

// Mantine's text colours for the "light" variant, coloured text and filled backgrounds under white
// text use shades 6–9, several under WCAG AA's 4.5:1 on white or on the pale "light" background
// (green.9 is 4.4:1, teal.9 4.3:1 on teal.1): use darker ones, each at least 4.7:1 on both.
const DARK_SHADE: Record<string, string> = {
  green: '#1f6b2e',
  teal: '#06694b',
  cyan: 'var(--mantine-color-cyan-9)',
  blue: 'var(--mantine-color-blue-9)',
  red: '#a51d1d',
  orange: '#b03a06',
  yellow: '#8f4c00',
  gray: 'var(--mantine-color-gray-8)',
};
const contrastVariables = Object.fromEntries(
  Object.entries(DARK_SHADE).flatMap(([color, value]) => [
    [`--mantine-color-${color}-light-color`, value],
    [`--mantine-color-${color}-text`, value],
    [`--mantine-color-${color}-filled`, value],
  ]),
);

// Mantine's default "dimmed" grey (gray.6) is 3.3:1 on white, under WCAG AA's 4.5:1; gray.7 is 7:1.
// Field errors (the message, and the typed "12" Mantine paints in the same colour) are red.6 by
// default, also 3.3:1: they take the theme's darker red text instead.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // A field's error (its message and the text typed in it) in the same dark red: red.6 is 3.6:1 on white.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': '#a51d1d',
    ...contrastVariables,
  },
  dark: {},
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <LocaleProvider>
      <LocalisedMantineProvider>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </LocalisedMantineProvider>
    </LocaleProvider>
  );
}

function LocalisedMantineProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const theme = useMemo(() => themeFor(locale), [locale]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}
