import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import {
  assessmentStateLabels,
  auditActionLabels,
  auditFieldLabels,
  entityTypeLabels,
  kindLabels,
  periodStateLabels,
  roleLabels,
} from './messages';

type Labels = Record<'vi' | 'en', Record<string, string>>;

function lookup(labels: Labels, locale: 'vi' | 'en') {
  // An unknown value (bad data, a newer server) is shown as its code rather than hidden.
  return (value: string | null | undefined) => (value ? (labels[locale][value] ?? value) : '–');
}

/** Names of unit kinds, roles, states and audit actions in the reader's language. */
export function useAdminLabels() {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      kind: lookup(kindLabels, locale),
      role: lookup(roleLabels, locale),
      periodState: lookup(periodStateLabels, locale),
      assessmentState: lookup(assessmentStateLabels, locale),
      action: lookup(auditActionLabels, locale),
      entityType: lookup(entityTypeLabels, locale),
      /** A field of an audit value; a framework edit's "1.2 · maxPoints" keeps its code and names the field. */
      field: (field: string) => {
        const [code, name] = field.includes(' · ') ? field.split(' · ') : [undefined, field];
        const label = (auditFieldLabels[locale] as Record<string, string>)[name ?? ''] ?? name ?? field;
        return code ? `${code} · ${label}` : label;
      },
    }),
    [locale],
  );
}

export const PERIOD_STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  selfAssessment: 'blue',
  appraisal: 'orange',
  published: 'green',
  archived: 'dark',
};
