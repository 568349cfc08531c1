import { describe, expect, it } from 'vitest';
import { cohortKindsOf, findPreviousPeriod, type PeriodSummary, periodsOfCohort, sortNewestFirst } from './published-periods';

const period = (
  id: string,
  year: number,
  kinds: string[],
  publishedAt: string | null = `${year + 1}-03-01T00:00:00Z`,
): PeriodSummary => ({
  id,
  year,
  name: `Kỳ ${year}`,
  publishedAt,
  cohorts: kinds.map((unitKind) => ({ unitKind, frameworkId: `${unitKind}-${year}` })),
});

// Districts were abolished on 1 July 2025; communes are assessed from 2025.
const periods = [
  period('p2022', 2022, ['district', 'department']),
  period('p2025', 2025, ['commune', 'department']),
  period('p2023', 2023, ['department', 'district']),
  period('p2023b', 2023, ['department'], '2024-06-01T00:00:00Z'),
];

describe('published periods', () => {
  it('sorts newest first, a republished year by its publication date', () => {
    expect(sortNewestFirst(periods).map((entry) => entry.id)).toEqual(['p2025', 'p2023b', 'p2023', 'p2022']);
  });

  it('orders cohorts departments, districts, communes, then the rest', () => {
    expect(cohortKindsOf(period('x', 2024, ['other', 'commune', 'department', 'district', 'custom']))).toEqual([
      'department',
      'district',
      'commune',
      'other',
      'custom',
    ]);
  });

  it('compares with the latest earlier year that ranked the same cohort', () => {
    const p2025 = periods[1] as PeriodSummary;
    expect(findPreviousPeriod(periods, p2025, 'department')?.id).toBe('p2023b');
    expect(findPreviousPeriod(periods, p2025, 'commune')).toBeUndefined();
    expect(findPreviousPeriod(periods, periods[2] as PeriodSummary, 'district')?.id).toBe('p2022');
    expect(findPreviousPeriod(periods, periods[0] as PeriodSummary, 'district')).toBeUndefined();
  });

  it('lists a cohort’s periods oldest first for a unit’s history', () => {
    expect(periodsOfCohort(periods, 'district').map((entry) => entry.id)).toEqual(['p2022', 'p2023']);
  });
});
