/**
 * Choosing among published periods: the latest one for the front page, the previous published year
 * of the same cohort to compare with, and every period of a cohort for a unit's history.
 */
export interface PeriodSummary {
  id: string;
  year: number;
  name: string;
  publishedAt: string | null;
  cohorts: { unitKind: string; frameworkId: string }[];
}

/** Departments first, then local governments from the largest tier down (the order of the seeds' tables). */
export const COHORT_ORDER = ['department', 'district', 'commune', 'province', 'ministry', 'other'] as const;
export type KnownCohort = (typeof COHORT_ORDER)[number];

function cohortPosition(unitKind: string): number {
  const position = COHORT_ORDER.indexOf(unitKind as KnownCohort);
  return position < 0 ? COHORT_ORDER.length : position;
}

/** Newest first: by year, then by publication time (a year republished under a new period). */
export function sortNewestFirst<Period extends PeriodSummary>(periods: readonly Period[]): Period[] {
  return [...periods].sort((a, b) => b.year - a.year || (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

export function cohortKindsOf(period: PeriodSummary): string[] {
  return [...new Set(period.cohorts.map((cohort) => cohort.unitKind))].sort(
    (a, b) => cohortPosition(a) - cohortPosition(b) || a.localeCompare(b),
  );
}

/**
 * The period to compare with: the most recent published period of an earlier year that ranked the
 * same cohort. A year without this cohort (e.g. districts after the 2025 reform) is skipped.
 */
export function findPreviousPeriod<Period extends PeriodSummary>(
  periods: readonly Period[],
  current: PeriodSummary,
  unitKind: string,
): Period | undefined {
  return sortNewestFirst(periods).find(
    (period) => period.year < current.year && period.cohorts.some((cohort) => cohort.unitKind === unitKind),
  );
}

/** Every published period that ranked this cohort, oldest first (a unit's history). */
export function periodsOfCohort<Period extends PeriodSummary>(periods: readonly Period[], unitKind: string): Period[] {
  return sortNewestFirst(periods)
    .filter((period) => period.cohorts.some((cohort) => cohort.unitKind === unitKind))
    .reverse();
}
