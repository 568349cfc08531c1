import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import type { FieldError } from './plan-form';
import type { TargetBody } from './plan-queries';
import type { PlanTarget } from './plan-records';

/**
 * A target (chỉ tiêu) as edited: an indicator or a main index (the level follows from the code),
 * from a baseline to a target in points, a value (0–1) or a percent, by a day (dd/mm/yyyy). The
 * targets are saved as a whole (PUT), so an edited row is put back among the others.
 */
export interface TargetForm {
  code: string | null;
  baseline: number | null;
  target: number | null;
  unit: PlanTarget['unit'];
  dueOn: string;
}

export const TARGET_UNITS: readonly PlanTarget['unit'][] = ['points', 'value', 'percent'];

export type TargetFormErrors = Partial<Record<keyof TargetForm, FieldError>>;

export function targetFormOf(target: Omit<PlanTarget, 'id' | 'level'>): TargetForm {
  return {
    code: target.code,
    baseline: target.baseline,
    target: target.target,
    unit: target.unit,
    dueOn: toVietnameseDate(target.dueOn),
  };
}

export function emptyTargetForm(plan: { year: number }): TargetForm {
  return { code: null, baseline: null, target: null, unit: 'points', dueOn: toVietnameseDate(`${plan.year}-12-31`) };
}

export function validateTargetForm(form: TargetForm, plan: { date: string }): TargetFormErrors {
  const errors: TargetFormErrors = {};
  if (!form.code) errors.code = { key: 'errorRequired' };
  if (form.target === null) errors.target = { key: 'errorRequired' };
  const due = form.dueOn.trim() === '' ? null : parseVietnameseDate(form.dueOn);
  if (due === null) errors.dueOn = { key: 'errorRequired' };
  else if (due === undefined) errors.dueOn = { key: 'errorDate' };
  else if (due < plan.date) errors.dueOn = { key: 'errorDueBeforePlan', params: { date: toVietnameseDate(plan.date) } };
  return errors;
}

export function targetBody(form: TargetForm, mainIndexCodes: ReadonlySet<string>): TargetBody {
  const code = form.code ?? '';
  return {
    code,
    level: mainIndexCodes.has(code) ? 'mainIndex' : 'indicator',
    baseline: form.baseline,
    target: form.target ?? 0,
    unit: form.unit,
    dueOn: parseVietnameseDate(form.dueOn) ?? form.dueOn,
  };
}

const bodyOfTarget = ({ id: _id, ...target }: PlanTarget): TargetBody => target;

/** The whole list to send: the row at `index` replaced by the edit (or appended when index is the length), or removed. */
export function targetsWith(targets: readonly PlanTarget[], index: number, edited: TargetBody | null): TargetBody[] {
  const bodies = targets.map(bodyOfTarget);
  if (edited === null) return bodies.filter((_, i) => i !== index);
  if (index >= bodies.length) return [...bodies, edited];
  return bodies.map((body, i) => (i === index ? edited : body));
}
