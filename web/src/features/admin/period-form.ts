import { periodScheduleIssues } from '@opendti/core/period-schedule';
import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import type { FrameworkSummary, UnitKind } from './admin-records';
import { defaultPublicationDue, defaultSelfAssessmentDeadline } from './period-deadlines';

/**
 * Creating a period: a year, one framework per cohort (departments with departments, communes with
 * communes), the participating units and the schedule. Dates are typed dd/mm/yyyy; the
 * self-assessment closes on 30/01 of the following year unless changed (seed 001).
 */
export interface PeriodFormState {
  year: string;
  name: string;
  /** Framework id per cohort kind; empty = the kind does not take part. */
  frameworks: Partial<Record<UnitKind, string>>;
  /** Participating unit ids, or null for "every active unit of the cohorts' kinds". */
  unitIds: string[] | null;
  selfAssessmentDeadline: string;
  appraisalDeadline: string;
  publicationDue: string;
}

export type PeriodFormErrorKey =
  | 'errorRequired'
  | 'errorYear'
  | 'errorDate'
  | 'errorNoCohort'
  | 'errorNoUnits'
  | 'errorFrameworkKind';

/** A dates-out-of-order error is core's own sentence, naming both dates, in both languages. */
export type PeriodFormError = PeriodFormErrorKey | { vi: string; en: string };

export type PeriodFormErrors = Partial<
  Record<'year' | 'frameworks' | 'unitIds' | 'selfAssessmentDeadline' | 'appraisalDeadline' | 'publicationDue', PeriodFormError>
>;

export function initialPeriodForm(year: number): PeriodFormState {
  return {
    year: String(year),
    name: '',
    frameworks: {},
    unitIds: null,
    selfAssessmentDeadline: toVietnameseDate(defaultSelfAssessmentDeadline(year)),
    appraisalDeadline: '',
    publicationDue: toVietnameseDate(defaultPublicationDue(year)),
  };
}

/**
 * The form after the year changes: deadlines still on a default day (30/01 and 31/03 of some year)
 * follow the new year, even while the year is typed digit by digit; dates the user chose stay.
 */
export function changePeriodYear(state: PeriodFormState, yearText: string): PeriodFormState {
  const year = Number(yearText);
  const next = { ...state, year: yearText };
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return next;
  if (/^30\/01\/\d{4}$/.test(state.selfAssessmentDeadline)) {
    next.selfAssessmentDeadline = toVietnameseDate(defaultSelfAssessmentDeadline(year));
  }
  if (/^31\/03\/\d{4}$/.test(state.publicationDue)) next.publicationDue = toVietnameseDate(defaultPublicationDue(year));
  return next;
}

/** The cohorts chosen, as the server takes them. */
export function chosenCohorts(state: Pick<PeriodFormState, 'frameworks'>): { unitKind: UnitKind; frameworkId: string }[] {
  return (Object.entries(state.frameworks) as [UnitKind, string | undefined][])
    .filter((entry): entry is [UnitKind, string] => Boolean(entry[1]))
    .map(([unitKind, frameworkId]) => ({ unitKind, frameworkId }));
}

export function validatePeriodForm(
  state: PeriodFormState,
  frameworks: readonly FrameworkSummary[],
  participantCount: number,
): PeriodFormErrors {
  const errors: PeriodFormErrors = {};
  const year = Number(state.year);
  if (state.year.trim() === '') errors.year = 'errorRequired';
  else if (!Number.isInteger(year) || year < 2000 || year > 2100) errors.year = 'errorYear';
  const cohorts = chosenCohorts(state);
  if (cohorts.length === 0) errors.frameworks = 'errorNoCohort';
  else if (
    cohorts.some((cohort) => frameworks.find((framework) => framework.id === cohort.frameworkId)?.unitKind !== cohort.unitKind)
  ) {
    errors.frameworks = 'errorFrameworkKind';
  }
  if (cohorts.length > 0 && participantCount === 0) errors.unitIds = 'errorNoUnits';
  const selfAssessment = parseVietnameseDate(state.selfAssessmentDeadline);
  if (state.selfAssessmentDeadline.trim() === '') errors.selfAssessmentDeadline = 'errorRequired';
  else if (!selfAssessment) errors.selfAssessmentDeadline = 'errorDate';
  const optionalDate = (field: 'appraisalDeadline' | 'publicationDue') => {
    if (state[field].trim() === '') return undefined;
    const day = parseVietnameseDate(state[field]);
    if (!day) errors[field] = 'errorDate';
    return day;
  };
  const appraisal = optionalDate('appraisalDeadline');
  const publication = optionalDate('publicationDue');
  // The calendar runs one way: self-assessment, then appraisal, then publication (core's rule, the server's too).
  for (const issue of periodScheduleIssues({
    selfAssessmentDeadline: selfAssessment,
    appraisalDeadline: appraisal,
    publicationDue: publication,
  })) {
    errors[issue.field] ??= issue.text;
  }
  return errors;
}

/** The request body for POST /periods (the form must be valid). */
export function periodRequest(state: PeriodFormState) {
  return {
    year: Number(state.year),
    ...(state.name.trim() ? { name: state.name.trim() } : {}),
    cohorts: chosenCohorts(state),
    ...(state.unitIds ? { unitIds: state.unitIds } : {}),
    selfAssessmentDeadline: parseVietnameseDate(state.selfAssessmentDeadline) as string,
    appraisalDeadline: parseVietnameseDate(state.appraisalDeadline) ?? null,
    publicationDue: parseVietnameseDate(state.publicationDue) ?? null,
  };
}

/** Frameworks that fit a cohort, the most recent year first. */
export function frameworksForKind(frameworks: readonly FrameworkSummary[], kind: UnitKind): FrameworkSummary[] {
  return frameworks
    .filter((framework) => framework.unitKind === kind)
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
}
