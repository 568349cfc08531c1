import { describe, expect, it } from 'vitest';
import type { PlanTask } from './plan-model.js';
import { parseTaskState, readTaskTable, taskTableHeader, taskTableRow } from './task-table.js';

const task: PlanTask = {
  id: 't1',
  text: 'Ban hành kế hoạch',
  indicators: ['1.1', '1.2'],
  lead: 'VP',
  coordinating: ['SNV', 'STTTT'],
  product: 'Kế hoạch',
  startOn: '2026-03-01',
  dueOn: '2026-12-31',
  state: 'cancelled',
  cancelReason: 'Trùng',
};
const context = {
  frameworkId: 'tiny',
  indicatorCodes: new Set(['1.1', '1.2']),
  units: [{ code: 'VP', name: 'Văn phòng' }, { code: 'SNV' }, { code: 'STTTT' }],
  plan: { year: 2026, date: '2026-02-15' },
};
const asText = (cells: (string | number)[]) => cells.map(String);

describe('task table', () => {
  it('reads states by code or label in either language, case and diacritics aside', () => {
    expect(['inProgress', 'Đang thực hiện', 'dang thuc hien', 'IN PROGRESS'].map(parseTaskState)).toEqual(
      Array(4).fill('inProgress'),
    );
    expect(parseTaskState('Quá hạn')).toBeUndefined();
  });

  it('reads back the row it writes, in either language', () => {
    for (const locale of ['vi', 'en'] as const) {
      const result = readTaskTable(
        { header: taskTableHeader(locale), rows: [asText(taskTableRow(task, 1, locale))], headerRow: 1 },
        context,
      );
      expect(result).toEqual({ tasks: [task], rows: [2], problems: [] });
    }
  });

  it('accepts any unit code without a register, and reports a sheet row for rows after blank ones', () => {
    const header = taskTableHeader();
    const row = asText(taskTableRow({ ...task, lead: 'ANY', state: 'notStarted', cancelReason: undefined }, 1)).map(
      (cell, index) => (index === 9 ? '' : cell),
    );
    expect(readTaskTable({ header, rows: [row], headerRow: 1 }, { ...context, units: undefined }).problems).toEqual([]);
    const blank = header.map(() => '');
    const bad = readTaskTable({ file: 'p.xlsx', header, rows: [blank, row], headerRow: 4 }, context);
    expect(bad.tasks).toEqual([]);
    expect(bad.problems).toEqual([
      {
        code: 'plan.task-unknown-unit',
        params: { field: 'lead', unit: 'ANY' },
        location: { file: 'p.xlsx', row: 6, column: 'Đơn vị chủ trì', code: 'ANY' },
      },
    ]);
  });
});
