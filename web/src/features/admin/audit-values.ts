import { type PublicationDecision, publicationDecisionReference } from '@opendti/core/publication';
import { toVietnameseDate } from '../../shared/calendar-day';
import { formatDateTime, formatPlain, formatPoints, type Locale } from '../../shared/format';
import { domainLabels } from '../../shared/labels';

/**
 * Old → new values of the audit log in words a reader can check: dates as 30/01/2025, numbers
 * with a decimal comma, yes/no, lists joined; for two objects, one line per field that changed.
 */
export interface ValueChange {
  /** The field that changed, or null when the values are not objects (a state, a number). */
  field: string | null;
  before: string;
  after: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Names a value the generic formatting would show as a code: a state, a role, a unit id. Returns
 * undefined to leave the value to the generic formatting.
 */
export type PresentValue = (field: string | null, value: unknown) => string | undefined;

/** One value as text: "–" for nothing. */
export function formatAuditValue(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? (locale === 'vi' ? 'có' : 'yes') : locale === 'vi' ? 'không' : 'no';
  if (typeof value === 'number') return formatPlain(value, locale);
  if (typeof value === 'string') {
    if (DAY.test(value)) return toVietnameseDate(value);
    if (INSTANT.test(value)) {
      const text = formatDateTime(value, locale);
      if (text !== '–') return text;
    }
    return value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((item) => formatAuditValue(item, locale)).join(', ');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${formatAuditValue(item, locale)}`)
      .join('; ');
  }
  return String(value);
}

/**
 * What changed between the old and the new value. Two objects are compared field by field and only
 * the fields that differ are listed (a unit edit stores the whole row before and after); anything
 * else is one change.
 */
export function describeAuditChange(
  oldValue: unknown,
  newValue: unknown,
  locale: Locale,
  present: PresentValue = () => undefined,
  /** Fields shown even when unchanged: accepting a decision keeps the self points, and those points are what was decided. */
  alwaysShown: readonly string[] = [],
): ValueChange[] {
  const text = (field: string | null, value: unknown) =>
    value === null || value === undefined ? '–' : (present(field, value) ?? formatAuditValue(value, locale));
  if (oldValue === null && newValue === null) return [];
  if ((isRecord(oldValue) || oldValue === null) && (isRecord(newValue) || newValue === null)) {
    const before = (oldValue ?? {}) as Record<string, unknown>;
    const after = (newValue ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .filter(
        (field) =>
          (alwaysShown.includes(field) && field in after) ||
          JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
      )
      .map((field) => ({
        field,
        before: text(field, before[field]),
        after: text(field, after[field]),
      }));
  }
  return [{ field: null, before: text(null, oldValue), after: text(null, newValue) }];
}

function isPublicationDecision(value: unknown): value is PublicationDecision {
  return isRecord(value) && ['number', 'date', 'signerName', 'signerTitle'].every((key) => typeof value[key] === 'string');
}

/**
 * How the audit log names the codes and numbers of one entry's values: states, roles, unit kinds and
 * the council's decisions from core's labels, units by name, points as points, years as years
 * (2022, not the thousands-separated 2.022), a period's cohorts by their names.
 */
export function presentAuditValue(entityType: string, locale: Locale, unitName: ReadonlyMap<string, string>): PresentValue {
  const labels = domainLabels(locale);
  return (field, value) => {
    if (field === 'year' && typeof value === 'number') return String(value);
    if (field === 'points' && typeof value === 'number') return formatPoints(value, locale);
    if (field === 'cohorts' && Array.isArray(value)) {
      return value
        .map((cohort) =>
          isRecord(cohort) && typeof cohort.unitKind === 'string'
            ? `${labels.cohort(cohort.unitKind)} (${String(cohort.frameworkId ?? '–')})`
            : formatAuditValue(cohort, locale),
        )
        .join('; ');
    }
    // A publication's decision (number, date, signer), as the public pages cite it.
    if (field === 'decision' && isPublicationDecision(value)) return publicationDecisionReference(value, locale);
    if (typeof value !== 'string') return undefined;
    switch (field) {
      case 'state':
        return entityType === 'period' ? labels.periodState(value) : labels.assessmentState(value);
      case 'decision':
        return labels.decision(value);
      case 'participation':
        return labels.participation(value);
      case 'role':
        return labels.role(value);
      case 'kind':
        return labels.unitKind(value);
      case 'unitKind':
        return labels.cohort(value);
      case 'unitId':
      case 'parentId':
      case 'replacedById':
        return unitName.get(value);
      default:
        return undefined;
    }
  };
}

/** What each kind of entry always shows: an appraisal's points, changed or not. */
export function alwaysShownFields(entityType: string): readonly string[] {
  return entityType === 'appraisal' ? ['points'] : [];
}
