import { parseVietnameseDate, toVietnameseDate } from '../../shared/calendar-day';
import type { FieldError } from './plan-form';
import type { TaskBody } from './plan-queries';
import type { PlanTask } from './plan-records';

/**
 * One task as edited in its row (dates dd/mm/yyyy) and what is sent: the whole task when added,
 * only what changed (with the version edited) when saved. The browser checks what it can see
 * (text, dates, their order, the plan's date, a lead also coordinating); the server checks codes,
 * activity and duplicates with core's rules and its problems are shown at the row.
 */
export interface TaskForm {
  text: string;
  indicators: string[];
  lead: string | null;
  coordinating: string[];
  product: string;
  startOn: string;
  dueOn: string;
}

export type TaskFormErrors = Partial<Record<keyof TaskForm, FieldError>>;

export function taskFormOf(
  task: Pick<PlanTask, 'text' | 'indicators' | 'lead' | 'coordinating' | 'product' | 'startOn' | 'dueOn'>,
): TaskForm {
  return {
    text: task.text,
    indicators: [...task.indicators],
    lead: task.lead,
    coordinating: [...task.coordinating],
    product: task.product,
    startOn: toVietnameseDate(task.startOn),
    dueOn: toVietnameseDate(task.dueOn),
  };
}

/** A new task: due at the end of the plan's year unless the plan is dated later. */
export function emptyTaskForm(plan: { year: number; date: string }): TaskForm {
  const endOfYear = `${plan.year}-12-31`;
  return {
    text: '',
    indicators: [],
    lead: null,
    coordinating: [],
    product: '',
    startOn: '',
    dueOn: toVietnameseDate(endOfYear < plan.date ? plan.date : endOfYear),
  };
}

export function validateTaskForm(form: TaskForm, plan: { date: string }): TaskFormErrors {
  const errors: TaskFormErrors = {};
  if (!form.text.trim()) errors.text = { key: 'errorRequired' };
  const start = form.startOn.trim() === '' ? null : parseVietnameseDate(form.startOn);
  if (start === undefined) errors.startOn = { key: 'errorDate' };
  const due = form.dueOn.trim() === '' ? null : parseVietnameseDate(form.dueOn);
  if (due === null) errors.dueOn = { key: 'errorRequired' };
  else if (due === undefined) errors.dueOn = { key: 'errorDate' };
  else if (due < plan.date) errors.dueOn = { key: 'errorDueBeforePlan', params: { date: toVietnameseDate(plan.date) } };
  else if (start && start > due) errors.dueOn = { key: 'errorStartAfterDue' };
  if (form.lead !== null && form.coordinating.includes(form.lead)) errors.coordinating = { key: 'errorLeadCoordinating' };
  return errors;
}

export function taskBody(form: TaskForm): TaskBody {
  return {
    text: form.text.trim(),
    indicators: form.indicators,
    lead: form.lead,
    coordinating: form.coordinating,
    product: form.product.trim(),
    startOn: form.startOn.trim() === '' ? null : (parseVietnameseDate(form.startOn) ?? null),
    dueOn: parseVietnameseDate(form.dueOn) ?? form.dueOn,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** The fields that changed, and the version edited; `{ version }` alone when nothing did. */
export function taskChanges(task: PlanTask, form: TaskForm): Partial<TaskBody> & { version: number } {
  const next = taskBody(form);
  const changes: Partial<TaskBody> & { version: number } = { version: task.version };
  if (next.text !== task.text) changes.text = next.text;
  if (!sameList(next.indicators, task.indicators)) changes.indicators = next.indicators;
  if (next.lead !== task.lead) changes.lead = next.lead;
  if (!sameList(next.coordinating, task.coordinating)) changes.coordinating = next.coordinating;
  if ((next.product ?? '') !== task.product) changes.product = next.product ?? '';
  if (next.startOn !== task.startOn) changes.startOn = next.startOn;
  if (next.dueOn !== task.dueOn) changes.dueOn = next.dueOn;
  return changes;
}
