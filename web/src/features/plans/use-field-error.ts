import { useCallback } from 'react';
import { useMessages } from '../../i18n/locale';
import { planMessages } from './messages';
import type { FieldError } from './plan-form';

/** A form error of the plan pages in the reader's language; shown once the form was submitted or the field left. */
export function useFieldError() {
  const t = useMessages(planMessages);
  return useCallback(
    (error: FieldError | undefined, shown = true) => (error && shown ? t(error.key, error.params) : undefined),
    [t],
  );
}
