import { describe, expect, it } from 'vitest';
import { draftBody, emptyDraftForm, validateDraftForm } from './draft-form';
import {
  hasErrors,
  isPlanFormDirty,
  newPlanBody,
  type PlanFields,
  planFormOf,
  planUpdateBody,
  scheduleEntries,
  scheduleFormOf,
  validateNewPlanForm,
  validatePlanForm,
} from './plan-form';

const plan: PlanFields = {
  title: 'Kế hoạch 2023',
  documentNumber: '',
  year: 2023,
  date: '2023-01-01',
  purpose: '',
  reportingSchedule: ['quarterly', '2023-11-15'],
  version: 4,
};

describe('the reporting schedule', () => {
  it('reads keywords and days, and writes them back keywords first, days sorted and unique', () => {
    const form = scheduleFormOf(['2023-11-15', 'half-yearly', 'quarterly', 'unknown']);
    expect(form).toEqual({ keywords: ['quarterly', 'half-yearly'], dates: ['15/11/2023'] });
    expect(scheduleEntries({ keywords: ['half-yearly'], dates: ['15/11/2023', '1/6/2023', '15/11/2023', ''] })).toEqual({
      entries: ['half-yearly', '2023-06-01', '2023-11-15'],
      dateErrors: [undefined, undefined, undefined, undefined],
    });
  });

  it('flags a day it cannot read, at its place', () => {
    expect(scheduleEntries({ keywords: [], dates: ['15/11/2023', '31/02/2023'] }).dateErrors).toEqual([
      undefined,
      { key: 'errorDate' },
    ]);
  });
});

describe('the plan header form', () => {
  it('sends only what changed, always with the version edited', () => {
    const form = planFormOf(plan);
    expect(planUpdateBody(plan, form)).toEqual({ version: 4 });
    expect(isPlanFormDirty(plan, form)).toBe(false);
    const edited = {
      ...form,
      documentNumber: ' 187/KH-UBND ',
      date: '15/2/2023',
      schedule: { keywords: ['half-yearly' as const], dates: ['15/11/2023'] },
    };
    expect(planUpdateBody(plan, edited)).toEqual({
      version: 4,
      documentNumber: '187/KH-UBND',
      date: '2023-02-15',
      reportingSchedule: ['half-yearly', '2023-11-15'],
    });
    expect(isPlanFormDirty(plan, edited)).toBe(true);
  });

  it('says what is missing or malformed, field by field', () => {
    const errors = validatePlanForm({ ...planFormOf(plan), title: ' ', year: '23', date: '32/01/2023' });
    expect(errors).toEqual({ title: { key: 'errorRequired' }, year: { key: 'errorYear' }, date: { key: 'errorDate' } });
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors(validatePlanForm(planFormOf(plan)))).toBe(false);
  });

  it('creates an empty plan from a year, a dd/mm/yyyy day and a title', () => {
    expect(validateNewPlanForm({ year: '2024', date: '', title: '' })).toEqual({
      date: { key: 'errorRequired' },
      title: { key: 'errorRequired' },
    });
    expect(newPlanBody({ year: '2024', date: '5/3/2024', title: ' KH 2024 ' })).toEqual({
      year: 2024,
      date: '2024-03-05',
      title: 'KH 2024',
    });
  });
});

describe('the draft form', () => {
  it('needs a period and a cohort; the rest is optional and sent only when given', () => {
    expect(validateDraftForm(emptyDraftForm)).toEqual({ periodId: { key: 'errorRequired' }, unitKind: { key: 'errorRequired' } });
    const form = { ...emptyDraftForm, periodId: 'p', unitKind: 'district' };
    expect(draftBody(form)).toEqual({ periodId: 'p', unitKind: 'district' });
    expect(draftBody({ ...form, unitCode: 'DBP', title: ' KH ', date: '01/02/2023', dueOn: '30/11/2023' })).toEqual({
      periodId: 'p',
      unitKind: 'district',
      unitCode: 'DBP',
      title: 'KH',
      date: '2023-02-01',
      dueOn: '2023-11-30',
    });
  });

  it('refuses a common deadline before the plan’s day', () => {
    const errors = validateDraftForm({
      ...emptyDraftForm,
      periodId: 'p',
      unitKind: 'district',
      date: '01/06/2023',
      dueOn: '31/05/2023',
    });
    expect(errors.dueOn).toEqual({ key: 'errorDueBeforePlan', params: { date: '01/06/2023' } });
  });
});
