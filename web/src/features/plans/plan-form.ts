import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import type { PlanCreateBody, PlanUpdateBody } from './plan-queries';

/**
 * The plan's header as typed (dates dd/mm/yyyy) and what is sent: only the fields changed, with the
 * version edited, so a stale page is refused (409) instead of overwriting another's work.
 */

/** A form error: the message key of the plans dictionary and its placeholders. */
export interface FieldError {
  key:
    | 'errorRequired'
    | 'errorDate'
    | 'errorYear'
    | 'errorDueBeforePlan'
    | 'errorStartAfterDue'
    | 'errorLeadCoordinating'
    | 'errorDocumentNumber';
  params?: Record<string, string | number>;
}

/**
 * When lead units report (A1 derives the rounds): every quarter (due the 15th of the quarter's last
 * month), every half-year, and/or explicit days such as seed 003's "trước ngày 15/11".
 */
export const SCHEDULE_KEYWORDS = ['quarterly', 'half-yearly'] as const;
export type ScheduleKeyword = (typeof SCHEDULE_KEYWORDS)[number];

export interface ScheduleForm {
  keywords: ScheduleKeyword[];
  /** Explicit days as typed, dd/mm/yyyy. */
  dates: string[];
}

export function scheduleFormOf(entries: readonly string[]): ScheduleForm {
  return {
    keywords: SCHEDULE_KEYWORDS.filter((keyword) => entries.includes(keyword)),
    dates: entries.filter((entry) => /^\d{4}-\d{2}-\d{2}$/.test(entry)).map((entry) => toVietnameseDate(entry)),
  };
}

/** The stored entries (keywords first, then the days in order), or the error of each typed day. */
export function scheduleEntries(form: ScheduleForm): { entries: string[]; dateErrors: (FieldError | undefined)[] } {
  const days = form.dates.map((text) => (text.trim() === '' ? null : parseVietnameseDate(text)));
  const dateErrors = days.map((day) => (day === undefined ? ({ key: 'errorDate' } as const) : undefined));
  const valid = [...new Set(days.filter((day): day is string => typeof day === 'string'))].sort();
  return { entries: [...form.keywords, ...valid], dateErrors };
}

export interface PlanForm {
  title: string;
  documentNumber: string;
  year: string;
  /** dd/mm/yyyy */
  date: string;
  purpose: string;
  schedule: ScheduleForm;
}

export interface PlanFields {
  title: string;
  documentNumber: string;
  year: number;
  date: string;
  purpose: string;
  reportingSchedule: string[];
  version: number;
}

export function planFormOf(plan: PlanFields): PlanForm {
  return {
    title: plan.title,
    documentNumber: plan.documentNumber,
    year: String(plan.year),
    date: toVietnameseDate(plan.date),
    purpose: plan.purpose,
    schedule: scheduleFormOf(plan.reportingSchedule),
  };
}

export type PlanFormErrors = Partial<Record<'title' | 'year' | 'date', FieldError>> & {
  scheduleDates?: (FieldError | undefined)[];
};

const yearOf = (text: string) => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function validatePlanForm(form: PlanForm): PlanFormErrors {
  const errors: PlanFormErrors = {};
  if (!form.title.trim()) errors.title = { key: 'errorRequired' };
  const year = yearOf(form.year);
  if (!(year >= 2000 && year <= 2100)) errors.year = { key: 'errorYear' };
  if (!form.date.trim()) errors.date = { key: 'errorRequired' };
  else if (!parseVietnameseDate(form.date)) errors.date = { key: 'errorDate' };
  const { dateErrors } = scheduleEntries(form.schedule);
  if (dateErrors.some(Boolean)) errors.scheduleDates = dateErrors;
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some((value) => (Array.isArray(value) ? value.some(Boolean) : value !== undefined));
}

/** What changed since the plan was read, with its version; undefined fields are not sent. */
export function planUpdateBody(plan: PlanFields, form: PlanForm): PlanUpdateBody {
  const body: PlanUpdateBody = { version: plan.version };
  const title = form.title.trim();
  if (title !== plan.title) body.title = title;
  const documentNumber = form.documentNumber.trim();
  if (documentNumber !== plan.documentNumber) body.documentNumber = documentNumber;
  const year = yearOf(form.year);
  if (year !== plan.year) body.year = year;
  const date = parseVietnameseDate(form.date);
  if (date && date !== plan.date) body.date = date;
  if (form.purpose !== plan.purpose) body.purpose = form.purpose;
  const { entries } = scheduleEntries(form.schedule);
  if (entries.join('|') !== plan.reportingSchedule.join('|')) body.reportingSchedule = entries;
  return body;
}

export function isPlanFormDirty(plan: PlanFields, form: PlanForm): boolean {
  return Object.keys(planUpdateBody(plan, form)).length > 1;
}

/** A new, empty plan: the year, the date of the document (today by default) and a title. */
export interface NewPlanForm {
  year: string;
  date: string;
  title: string;
}

export function validateNewPlanForm(form: NewPlanForm): Partial<Record<keyof NewPlanForm, FieldError>> {
  const errors: Partial<Record<keyof NewPlanForm, FieldError>> = {};
  const year = yearOf(form.year);
  if (!(year >= 2000 && year <= 2100)) errors.year = { key: 'errorYear' };
  if (!form.date.trim()) errors.date = { key: 'errorRequired' };
  else if (!parseVietnameseDate(form.date)) errors.date = { key: 'errorDate' };
  if (!form.title.trim()) errors.title = { key: 'errorRequired' };
  return errors;
}

export function newPlanBody(form: NewPlanForm): PlanCreateBody {
  return { year: yearOf(form.year), date: parseVietnameseDate(form.date) as string, title: form.title.trim() };
}
