import { parseVietnameseDate } from '../../shared/calendar-day';
import type { FieldError } from './plan-form';
import type { PlanDraftBody } from './plan-queries';

/** The draft's source (a published period, a cohort, perhaps one unit) and its optional title and days. */
export interface DraftForm {
  periodId: string | null;
  unitKind: string | null;
  unitCode: string | null;
  title: string;
  /** dd/mm/yyyy, empty for the server's default. */
  date: string;
  dueOn: string;
}

export const emptyDraftForm: DraftForm = { periodId: null, unitKind: null, unitCode: null, title: '', date: '', dueOn: '' };

export type DraftFormErrors = Partial<Record<keyof DraftForm, FieldError>>;

export function validateDraftForm(form: DraftForm): DraftFormErrors {
  const errors: DraftFormErrors = {};
  if (!form.periodId) errors.periodId = { key: 'errorRequired' };
  if (!form.unitKind) errors.unitKind = { key: 'errorRequired' };
  if (form.date.trim() && !parseVietnameseDate(form.date)) errors.date = { key: 'errorDate' };
  if (form.dueOn.trim() && !parseVietnameseDate(form.dueOn)) errors.dueOn = { key: 'errorDate' };
  const date = parseVietnameseDate(form.date);
  const due = parseVietnameseDate(form.dueOn);
  if (!errors.dueOn && date && due && due < date) errors.dueOn = { key: 'errorDueBeforePlan', params: { date: form.date } };
  return errors;
}

export function draftBody(form: DraftForm): PlanDraftBody {
  const date = parseVietnameseDate(form.date);
  const dueOn = parseVietnameseDate(form.dueOn);
  return {
    periodId: form.periodId as string,
    unitKind: form.unitKind as string,
    ...(form.unitCode ? { unitCode: form.unitCode } : {}),
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    ...(date ? { date } : {}),
    ...(dueOn ? { dueOn } : {}),
  };
}
