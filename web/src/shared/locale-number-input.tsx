import { NumberInput, type NumberInputProps } from '@mantine/core';
import { parseLocaleNumber } from '@opendti/core/format';
import { useEffect, useState } from 'react';
import { useLocale } from '../i18n/locale';

type Props = Omit<
  NumberInputProps,
  'value' | 'onChange' | 'decimalSeparator' | 'thousandSeparator' | 'min' | 'max' | 'clampBehavior' | 'decimalScale'
> & {
  value: number | null;
  onNumber: (value: number | null) => void;
};

const toNumber = (raw: number | string): number | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  const value = parseLocaleNumber(raw);
  return Number.isFinite(value) ? value : null;
};

/**
 * A number field in the reader's convention (7,5 in Vietnamese, 7.5 in English; either separator
 * is accepted as typed). What is on screen is kept while typing ("7," stays "7,"), so a half-typed
 * number is never reformatted under the cursor; the parsed number goes out. Nothing typed is clamped
 * or cut (no min, max or decimal limit here): "12" in a 0–10 field stays "12" and the caller shows
 * core's problem beside it, where a strict clamp used to keep "1" silently.
 */
export function LocaleNumberInput({ value, onNumber, ...props }: Props) {
  const { locale } = useLocale();
  const [raw, setRaw] = useState<number | string>(value ?? '');
  useEffect(() => {
    // Changed from outside (another version taken, an import): show it.
    setRaw((current) => (toNumber(current) === value ? current : (value ?? '')));
  }, [value]);
  return (
    <NumberInput
      {...props}
      value={raw}
      decimalSeparator={locale === 'vi' ? ',' : '.'}
      allowedDecimalSeparators={['.', ',']}
      thousandSeparator={false}
      clampBehavior="none"
      onChange={(next) => {
        setRaw(next);
        onNumber(toNumber(next));
      }}
    />
  );
}
