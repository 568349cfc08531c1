import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../i18n/locale';
import { parseVietnameseDate, toVietnameseDate } from './calendar-day';
import { formMessages } from './form-messages';

interface DateFieldProps {
  label: string;
  /** The text as typed, dd/mm/yyyy. */
  value: string;
  onChange: (value: string) => void;
  description?: string;
  /** An error decided by the form (order of dates, required…); a malformed date is caught here. */
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A date typed the Vietnamese way (30/01/2025). The browser's own date picker writes dates in the
 * browser's locale, which on an English system is 01/30/2025; officials type dd/mm/yyyy. A date
 * the field cannot read is flagged when the field is left, and 3/1/2025 is tidied to 03/01/2025.
 */
export function DateField({ label, value, onChange, description, error, required, disabled }: DateFieldProps) {
  const t = useMessages(formMessages);
  const [touched, setTouched] = useState(false);
  const malformed = touched && value.trim() !== '' && !parseVietnameseDate(value);
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={t('datePlaceholder')}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      required={required}
      disabled={disabled}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={() => {
        setTouched(true);
        const day = parseVietnameseDate(value);
        if (day) onChange(toVietnameseDate(day));
      }}
      error={malformed ? t('errorDate') : error}
    />
  );
}
