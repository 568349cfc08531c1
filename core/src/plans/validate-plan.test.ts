import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import { activeInYear, progressReportProblems, type TaskInput, targetProblems, taskProblems } from './validate-plan.js';

const context = {
  frameworkId: 'tiny',
  indicatorCodes: new Set(['1.1', '1.2']),
  units: new Map([
    ['VP', { code: 'VP' }],
    ['SNV', { code: 'SNV' }],
    ['STTTT', { code: 'STTTT', activeTo: '2025-02-28' }],
  ]),
  plan: { year: 2026, date: '2026-02-15' },
  file: 'plan.xlsx',
  firstRow: 2,
};

const task = (overrides: Partial<TaskInput>): TaskInput => ({
  text: 'Ban hành kế hoạch',
  indicators: ['1.1'],
  lead: 'VP',
  coordinating: ['SNV'],
  startOn: null,
  dueOn: '2026-12-31',
  ...overrides,
});

describe('taskProblems', () => {
  it('accepts good tasks', () => {
    expect(taskProblems([task({}), task({ indicators: ['1.2'] })], context)).toEqual([]);
  });

  it('names the row and field of every bad task, in both languages', () => {
    const problems = taskProblems(
      [
        task({}),
        task({ indicators: ['9.9'], lead: 'XYZ', coordinating: ['ABC'] }),
        task({ lead: 'STTTT' }),
        task({ text: 'Tập huấn', dueOn: '2026-01-10' }),
        task({ text: '  ban hành  KẾ HOẠCH ' }),
        task({ text: ' ', dueOn: '2026-31-12', indicators: ['1.2'] }),
      ],
      context,
    );
    expect(problems.map((problem) => formatProblem(problem, 'vi'))).toEqual([
      'plan.xlsx, dòng 3, cột indicators: trường indicators: mã chỉ số "9.9" không có trong bộ chỉ số tiny',
      'plan.xlsx, dòng 3, cột lead: trường lead: không có đơn vị mã "XYZ"',
      'plan.xlsx, dòng 3, cột coordinating: trường coordinating: không có đơn vị mã "ABC"',
      'plan.xlsx, dòng 4, cột lead: trường lead: đơn vị chủ trì STTTT không hoạt động trong năm 2026 của kế hoạch',
      'plan.xlsx, dòng 5, cột dueOn: trường dueOn: thời hạn 10/01/2026 trước ngày ban hành kế hoạch 15/02/2026',
      'plan.xlsx, dòng 6, cột text: nhiệm vụ trùng với nhiệm vụ ở dòng 2 (cùng nội dung, chỉ số và đơn vị chủ trì)',
      'plan.xlsx, dòng 7, cột text: trường text: nhiệm vụ chưa có nội dung',
      'plan.xlsx, dòng 7, cột dueOn: trường dueOn: "2026-31-12" không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)',
    ]);
    expect(formatProblem(problems[4] as never, 'en')).toBe(
      'plan.xlsx, row 5, column dueOn: field dueOn: the due date 2026-01-10 is before the plan’s date 2026-02-15',
    );
  });

  it('refuses a due date before the start', () => {
    const [problem] = taskProblems([task({ startOn: '2026-06-01', dueOn: '2026-05-01' })], context);
    expect(problem?.code).toBe('plan.task-due-before-start');
  });
});

describe('activeInYear', () => {
  it('is true when the activity overlaps the year', () => {
    expect(activeInYear({ code: 'A' }, 2026)).toBe(true);
    expect(activeInYear({ code: 'A', activeFrom: '2026-12-31' }, 2026)).toBe(true);
    expect(activeInYear({ code: 'A', activeFrom: '2027-01-01' }, 2026)).toBe(false);
    expect(activeInYear({ code: 'A', activeTo: '2025-12-31' }, 2026)).toBe(false);
  });
});

describe('progressReportProblems', () => {
  it('refuses a report on a cancelled task and a percent outside 0–100', () => {
    const problems = progressReportProblems(
      { text: 'Ban hành kế hoạch', state: 'cancelled', cancelReason: 'sáp nhập' },
      { percent: 120 },
      { row: 4 },
    );
    expect(problems.map((problem) => formatProblem(problem, 'en'))).toEqual([
      'row 4: cannot report progress on task "Ban hành kế hoạch": the task was cancelled (sáp nhập)',
      'row 4, column percent: field percent: the completion must be between 0 and 100, not "120"',
    ]);
    expect(progressReportProblems({ text: 'x', state: 'inProgress' }, { percent: 50 })).toEqual([]);
  });
});

describe('targetProblems', () => {
  it('refuses an unknown code and a due date before the plan, naming the row and field', () => {
    const problems = targetProblems(
      [
        { code: '1.1', dueOn: '2023-12-31' },
        { code: '9.9', dueOn: '2022-12-31' },
      ],
      { frameworkId: 'f', codes: new Set(['1', '1.1']), plan: { date: '2023-03-01' } },
    );
    expect(problems.map((problem) => [problem.code, problem.location?.row, problem.location?.column])).toEqual([
      ['plan.target-unknown-code', 2, 'code'],
      ['plan.task-due-before-plan', 2, 'dueOn'],
    ]);
  });
});
