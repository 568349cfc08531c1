import { describe, expect, it } from 'vitest';
import type { PlanTask } from './plan-records';
import { taskCounts } from './task-counts';
import { emptyTaskForm, taskBody, taskChanges, taskFormOf, validateTaskForm } from './task-form';
import { toBase64 } from './task-import-modal';

const task: PlanTask = {
  id: 't1',
  planId: 'p1',
  position: 3,
  text: 'Nâng chỉ số 6.7',
  indicators: ['6.7'],
  lead: null,
  coordinating: [],
  product: 'Kế hoạch và tài liệu kiểm chứng',
  startOn: null,
  dueOn: '2023-12-31',
  state: 'notStarted',
  displayedState: 'notStarted',
  cancelReason: null,
  version: 2,
  allowedActions: ['cancel'],
};

describe('a task edited in its row', () => {
  it('shows days as dd/mm/yyyy and sends yyyy-mm-dd', () => {
    const form = taskFormOf(task);
    expect(form.dueOn).toBe('31/12/2023');
    expect(taskBody({ ...form, startOn: '1/3/2023', text: ' Việc ' })).toMatchObject({
      text: 'Việc',
      startOn: '2023-03-01',
      dueOn: '2023-12-31',
    });
  });

  it('sends only the fields changed, with the version edited', () => {
    const form = taskFormOf(task);
    expect(taskChanges(task, form)).toEqual({ version: 2 });
    expect(taskChanges(task, { ...form, lead: 'SYT', coordinating: ['SNV'], dueOn: '30/09/2023' })).toEqual({
      version: 2,
      lead: 'SYT',
      coordinating: ['SNV'],
      dueOn: '2023-09-30',
    });
  });

  it.each([
    [{ text: '  ' }, { text: { key: 'errorRequired' } }],
    [{ dueOn: '' }, { dueOn: { key: 'errorRequired' } }],
    [{ dueOn: '31/13/2023' }, { dueOn: { key: 'errorDate' } }],
    [{ dueOn: '31/12/2022' }, { dueOn: { key: 'errorDueBeforePlan', params: { date: '01/01/2023' } } }],
    [{ startOn: '01/10/2023', dueOn: '30/09/2023' }, { dueOn: { key: 'errorStartAfterDue' } }],
    [{ startOn: 'mai' }, { startOn: { key: 'errorDate' } }],
    [{ lead: 'SYT', coordinating: ['SYT'] }, { coordinating: { key: 'errorLeadCoordinating' } }],
  ])('refuses %j with %j', (change, errors) => {
    expect(validateTaskForm({ ...taskFormOf(task), ...change }, { date: '2023-01-01' })).toEqual(errors);
  });

  it('starts a new task due at the end of the plan’s year, or on the plan’s day when that is later', () => {
    expect(emptyTaskForm({ year: 2023, date: '2023-01-01' }).dueOn).toBe('31/12/2023');
    expect(emptyTaskForm({ year: 2023, date: '2024-02-01' }).dueOn).toBe('01/02/2024');
  });
});

describe('the task counts and the Excel import', () => {
  it('counts tasks by the state shown, and those without a lead unless cancelled', () => {
    const counts = taskCounts([
      { displayedState: 'overdue', lead: null },
      { displayedState: 'done', lead: 'SYT' },
      { displayedState: 'cancelled', lead: null },
    ]);
    expect(counts).toMatchObject({ total: 3, overdue: 1, done: 1, cancelled: 1, unassigned: 1 });
  });

  it('encodes a file of any size as base64, in slices', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
