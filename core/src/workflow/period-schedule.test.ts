import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import { periodScheduleIssues, periodScheduleProblems } from './period-schedule.js';

describe('periodScheduleIssues', () => {
  it('accepts dates in order, with or without the optional ones', () => {
    expect(
      periodScheduleIssues({
        selfAssessmentDeadline: '2026-01-30',
        appraisalDeadline: '2026-03-15',
        publicationDue: '2026-03-31',
      }),
    ).toEqual([]);
    expect(
      periodScheduleIssues({ selfAssessmentDeadline: '2026-01-30', appraisalDeadline: null, publicationDue: '2026-03-31' }),
    ).toEqual([]);
    expect(periodScheduleIssues({ selfAssessmentDeadline: '2026-01-30' })).toEqual([]);
  });

  it('names both dates of a pair out of order, at the later field', () => {
    const issues = periodScheduleIssues({
      selfAssessmentDeadline: '2026-01-30',
      appraisalDeadline: '2026-01-15',
      publicationDue: '2026-03-31',
    });
    expect(issues).toEqual([
      {
        field: 'appraisalDeadline',
        after: 'selfAssessmentDeadline',
        text: {
          vi: 'Hạn thẩm định (15/01/2026) phải sau hạn tự đánh giá (30/01/2026)',
          en: 'The appraisal deadline (15/01/2026) must come after the self-assessment deadline (30/01/2026)',
        },
      },
    ]);
  });

  it('checks publication against the appraisal deadline when set, else the self-assessment one; equal days are refused', () => {
    expect(
      periodScheduleIssues({
        selfAssessmentDeadline: '2026-01-30',
        appraisalDeadline: '2026-03-15',
        publicationDue: '2026-03-01',
      }).map((issue) => [issue.field, issue.after]),
    ).toEqual([['publicationDue', 'appraisalDeadline']]);
    expect(
      periodScheduleIssues({ selfAssessmentDeadline: '2026-01-30', publicationDue: '2026-01-30' }).map((issue) => [
        issue.field,
        issue.after,
      ]),
    ).toEqual([['publicationDue', 'selfAssessmentDeadline']]);
  });

  it('reports problems with the field path, in both languages', () => {
    const [problem] = periodScheduleProblems({ selfAssessmentDeadline: '2024-03-31', publicationDue: '2024-03-15' });
    expect(problem?.location).toEqual({ path: '/publicationDue' });
    expect(problem && formatProblem(problem, 'vi')).toBe(
      'trường publicationDue: Ngày dự kiến công bố (15/03/2024) phải sau hạn tự đánh giá (31/03/2024)',
    );
    expect(problem && formatProblem(problem, 'en')).toContain('must come after the self-assessment deadline (31/03/2024)');
  });
});
