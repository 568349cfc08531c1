/**
 * The dates of a period run one way: units self-assess, the council appraises, then the results are
 * published (seed 001: submissions "chậm nhất ngày 30/01 của năm tiếp theo", publication "trong Quý
 * I"). One rule for the whole project: the server refuses a period whose dates are out of order
 * (`period.dates-out-of-order`, one problem per field, with its path), and the web app checks the
 * same while the manager types, with the same words, naming both dates.
 */
import type { LocalizedText, Problem } from '../errors/problem.js';
import { formatCalendarDay } from './calendar-day.js';

/** A period's dates, in the order they must fall. */
export const PERIOD_SCHEDULE_FIELDS = ['selfAssessmentDeadline', 'appraisalDeadline', 'publicationDue'] as const;
export type PeriodScheduleField = (typeof PERIOD_SCHEDULE_FIELDS)[number];

/** Each date's name, to stand at the start of a sentence (vi) or after "the" (en). */
export const PERIOD_DATE_NAMES: Readonly<Record<PeriodScheduleField, LocalizedText>> = {
  selfAssessmentDeadline: { vi: 'hạn tự đánh giá', en: 'self-assessment deadline' },
  appraisalDeadline: { vi: 'hạn thẩm định', en: 'appraisal deadline' },
  publicationDue: { vi: 'ngày dự kiến công bố', en: 'planned publication date' },
};

/** Dates as yyyy-mm-dd; absent or null = not set (the appraisal deadline and publication are optional). */
export type PeriodSchedule = Partial<Record<PeriodScheduleField, string | null | undefined>>;

export interface ScheduleIssue {
  /** The later date, which is the one to change. */
  field: PeriodScheduleField;
  /** The date it must follow. */
  after: PeriodScheduleField;
  text: LocalizedText;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Every date set must fall strictly after every earlier date set: the appraisal after the
 * self-assessment deadline, publication after both. One issue per field at most, against the
 * nearest earlier date it breaks (the appraisal deadline when set, else the self-assessment one).
 * Dates that are not real days are left to the caller's own check.
 */
export function periodScheduleIssues(schedule: PeriodSchedule): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  PERIOD_SCHEDULE_FIELDS.forEach((field, position) => {
    const day = schedule[field];
    if (!day) return;
    // The nearest earlier date this one does not follow.
    for (let index = position - 1; index >= 0; index--) {
      const after = PERIOD_SCHEDULE_FIELDS[index] as PeriodScheduleField;
      const before = schedule[after];
      if (!before) continue;
      if (day <= before) {
        issues.push({ field, after, text: scheduleIssueText(field, day, after, before) });
        return;
      }
    }
  });
  return issues;
}

function scheduleIssueText(field: PeriodScheduleField, day: string, after: PeriodScheduleField, before: string): LocalizedText {
  const [dayText, beforeText] = [formatCalendarDay(day), formatCalendarDay(before)];
  return {
    vi: `${capitalise(PERIOD_DATE_NAMES[field].vi)} (${dayText}) phải sau ${PERIOD_DATE_NAMES[after].vi} (${beforeText})`,
    en: `The ${PERIOD_DATE_NAMES[field].en} (${dayText}) must come after the ${PERIOD_DATE_NAMES[after].en} (${beforeText})`,
  };
}

/** The issues as the API reports them: one problem per field, located at the field's path in the body. */
export function periodScheduleProblems(schedule: PeriodSchedule): Problem[] {
  return periodScheduleIssues(schedule).map((issue) => ({
    code: 'period.dates-out-of-order',
    params: { field: issue.field, detail: issue.text },
    location: { path: `/${issue.field}` },
  }));
}
