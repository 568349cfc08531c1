import { describe, expect, it } from 'vitest';
import type { FrameworkSummary } from './admin-records';
import { changePeriodYear, frameworksForKind, initialPeriodForm, periodRequest, validatePeriodForm } from './period-form';

const framework = (id: string, unitKind: FrameworkSummary['unitKind'], year: number): FrameworkSummary => ({
  id,
  name: id,
  year,
  unitKind,
  maxPoints: 500,
  mainIndices: 6,
  indicators: 35,
  source: 'builtin',
});
const FRAMEWORKS = [
  framework('so-2022', 'department', 2022),
  framework('so-2025', 'department', 2025),
  framework('xa-2025', 'commune', 2025),
];

describe('the period form', () => {
  it('closes the self-assessment on 30/01 of the following year and publishes by 31/03 by default', () => {
    expect(initialPeriodForm(2025)).toMatchObject({ selfAssessmentDeadline: '30/01/2026', publicationDue: '31/03/2026' });
  });

  it('moves default deadlines with the year but keeps dates the user typed', () => {
    const typed = { ...initialPeriodForm(2025), publicationDue: '15/04/2026' };
    expect(changePeriodYear(typed, '2026')).toMatchObject({ selfAssessmentDeadline: '30/01/2027', publicationDue: '15/04/2026' });
    // Typed digit by digit: 2025 → 202 → 2026.
    const midway = changePeriodYear(initialPeriodForm(2025), '202');
    expect(changePeriodYear(midway, '2026')).toMatchObject({
      selfAssessmentDeadline: '30/01/2027',
      publicationDue: '31/03/2027',
    });
  });

  it('requires a cohort, units, a year and real dates in order', () => {
    const form = { ...initialPeriodForm(2025), year: '25', selfAssessmentDeadline: '31/02/2026', publicationDue: '01/01/2026' };
    expect(validatePeriodForm(form, FRAMEWORKS, 0)).toEqual({
      year: 'errorYear',
      frameworks: 'errorNoCohort',
      selfAssessmentDeadline: 'errorDate',
    });
    const withCohort = { ...initialPeriodForm(2025), frameworks: { department: 'so-2025' }, appraisalDeadline: '15/01/2026' };
    expect(validatePeriodForm(withCohort, FRAMEWORKS, 0)).toEqual({
      unitIds: 'errorNoUnits',
      appraisalDeadline: {
        vi: 'Hạn thẩm định (15/01/2026) phải sau hạn tự đánh giá (30/01/2026)',
        en: 'The appraisal deadline (15/01/2026) must come after the self-assessment deadline (30/01/2026)',
      },
    });
    expect(validatePeriodForm({ ...withCohort, frameworks: { district: 'so-2025' } }, FRAMEWORKS, 3)).toMatchObject({
      frameworks: 'errorFrameworkKind',
    });
  });

  it('builds the request the server takes', () => {
    const form = {
      ...initialPeriodForm(2025),
      frameworks: { department: 'so-2025', commune: 'xa-2025', district: '' },
      appraisalDeadline: '28/02/2026',
    };
    expect(validatePeriodForm(form, FRAMEWORKS, 20)).toEqual({});
    expect(periodRequest(form)).toEqual({
      year: 2025,
      cohorts: [
        { unitKind: 'department', frameworkId: 'so-2025' },
        { unitKind: 'commune', frameworkId: 'xa-2025' },
      ],
      selfAssessmentDeadline: '2026-01-30',
      appraisalDeadline: '2026-02-28',
      publicationDue: '2026-03-31',
    });
  });

  it('offers the frameworks of a kind, newest first', () => {
    expect(frameworksForKind(FRAMEWORKS, 'department').map((item) => item.id)).toEqual(['so-2025', 'so-2022']);
  });
});
