import { describe, expect, it } from 'vitest';
import { DomainError, formatMessage } from '../errors/problem.js';
import {
  allowedTaskActions,
  displayedTaskState,
  resolveTaskTransition,
  TASK_ACTION_LABELS,
  TASK_STATE_LABELS,
  TASK_TRANSITIONS,
  taskPartyOf,
  taskStateLabel,
} from './task-workflow.js';

describe('the task workflow', () => {
  it('lets the lead unit start and complete, the manager reopen, cancel with a reason and restore', () => {
    expect(resolveTaskTransition({ action: 'start', from: 'notStarted', party: 'leadUnit' })).toBe('inProgress');
    expect(resolveTaskTransition({ action: 'complete', from: 'inProgress', party: 'leadUnit' })).toBe('done');
    expect(resolveTaskTransition({ action: 'reopen', from: 'done', party: 'manager', reason: 'thiếu minh chứng' })).toBe(
      'inProgress',
    );
    expect(resolveTaskTransition({ action: 'cancel', from: 'inProgress', party: 'manager', reason: 'sáp nhập sở' })).toBe(
      'cancelled',
    );
    expect(resolveTaskTransition({ action: 'restore', from: 'cancelled', party: 'manager' })).toBe('notStarted');
  });

  it('refuses in the order action, party, state, reason, in both languages', () => {
    const refusal = (request: Parameters<typeof resolveTaskTransition>[0]) => {
      try {
        resolveTaskTransition(request);
      } catch (error) {
        const problem = (error as DomainError).problems[0];
        return [
          (error as DomainError).kind,
          problem ? formatMessage(problem, 'vi') : '',
          problem ? formatMessage(problem, 'en') : '',
        ];
      }
      return undefined;
    };
    expect(refusal({ action: 'fly', from: 'done', party: 'manager' })?.[0]).toBe('invalid-input');
    expect(refusal({ action: 'complete', from: 'cancelled', party: 'coordinatingUnit' })).toEqual([
      'forbidden',
      'chỉ đơn vị chủ trì mới được báo cáo hoàn thành nhiệm vụ',
      'only the lead unit may report the task done',
    ]);
    expect(refusal({ action: 'complete', from: 'cancelled', party: 'leadUnit' })).toEqual([
      'conflict',
      'không thể báo cáo hoàn thành nhiệm vụ khi đang ở trạng thái "Đã huỷ"',
      'cannot report the task done while the state is "Cancelled"',
    ]);
    expect(refusal({ action: 'cancel', from: 'notStarted', party: 'manager', reason: '  ' })).toEqual([
      'invalid-input',
      'cần ghi rõ lý do để huỷ nhiệm vụ',
      'a reason is required to cancel the task',
    ]);
    expect(() => resolveTaskTransition({ action: 'start', from: 'notStarted', party: undefined })).toThrow(DomainError);
  });

  it('gives each party its buttons', () => {
    expect(allowedTaskActions('notStarted', 'leadUnit')).toEqual(['start', 'complete']);
    expect(allowedTaskActions('notStarted', 'manager')).toEqual(['cancel']);
    expect(allowedTaskActions('done', 'manager')).toEqual(['reopen']);
    expect(allowedTaskActions('inProgress', 'coordinatingUnit')).toEqual([]);
  });

  it('derives overdue from the due date: never stored', () => {
    expect(displayedTaskState({ state: 'inProgress', dueOn: '2025-03-31' }, '2025-04-01')).toBe('overdue');
    expect(displayedTaskState({ state: 'notStarted', dueOn: '2025-03-31' }, '2025-03-31')).toBe('notStarted');
    expect(displayedTaskState({ state: 'done', dueOn: '2025-03-31' }, '2025-05-01')).toBe('done');
    expect(displayedTaskState({ state: 'cancelled', dueOn: '2025-03-31' }, '2025-05-01')).toBe('cancelled');
    expect(taskStateLabel('overdue')).toBe('Quá hạn');
    expect(taskStateLabel('overdue', 'en')).toBe('Overdue');
  });

  it('maps an account to its relation with the task', () => {
    const codeOf = (id: string) => ({ u1: 'VP', u2: 'SNV', u3: 'SYT' })[id];
    const task = { lead: 'VP', coordinating: ['SNV'] };
    expect(taskPartyOf({ userId: 'a', role: 'periodManager' }, task, codeOf)).toBe('manager');
    expect(taskPartyOf({ userId: 'b', role: 'unitLeader', unitId: 'u1' }, task, codeOf)).toBe('leadUnit');
    expect(taskPartyOf({ userId: 'c', role: 'unitReporter', unitId: 'u2' }, task, codeOf)).toBe('coordinatingUnit');
    expect(taskPartyOf({ userId: 'd', role: 'unitLeader', unitId: 'u3' }, task, codeOf)).toBeUndefined();
    expect(taskPartyOf({ userId: 'e', role: 'councilChair' }, task, codeOf)).toBeUndefined();
  });

  it('labels every state and action in both languages', () => {
    for (const rule of TASK_TRANSITIONS) {
      expect(TASK_ACTION_LABELS[rule.action].vi).not.toBe('');
      expect(TASK_STATE_LABELS[rule.to].en).not.toBe('');
    }
  });
});
