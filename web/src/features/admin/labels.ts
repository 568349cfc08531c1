import { useMemo } from 'react';
import { useLocale } from '../../i18n/locale';
import { domainLabels } from '../../shared/labels';
import { auditActionLabels, auditFieldLabels, entityTypeLabels } from './messages';

type Labels = Record<'vi' | 'en', Record<string, string>>;

function lookup(labels: Labels, locale: 'vi' | 'en') {
  // An unknown value (bad data, a newer server) is shown as its code rather than hidden.
  return (value: string | null | undefined) => (value ? (labels[locale][value] ?? value) : '–');
}

/**
 * Names in the reader's language: roles, unit kinds and states from core (shared/labels), and the
 * audit log's own vocabulary (actions, entities, fields), which only the administration shows.
 */
export function useAdminLabels() {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      ...domainLabels(locale),
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
