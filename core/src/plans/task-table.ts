import type { Locale, Problem } from '../errors/problem.js';
import { toColumnKey } from '../text/column-key.js';
import { toSearchKey } from '../text/search-text.js';
import { parseVietnameseDate } from '../workflow/calendar-day.js';
import { splitUnitCodes } from './ownership.js';
import type { PlanTask } from './plan-model.js';
import { isTaskState, TASK_STATE_LABELS, TASK_STATES, type TaskState } from './task-workflow.js';
import { type PlanUnit, taskProblems } from './validate-plan.js';

/**
 * A plan's table of tasks as a spreadsheet (issue 11: "STT, nhiệm vụ, chỉ số, đơn vị chủ trì, đơn vị
 * phối hợp, thời hạn, sản phẩm, trạng thái"), written and read back without loss. Pure: the server
 * (server/src/spreadsheets/write-plan-workbook.ts, read-plan-workbook.ts) writes and reads the cells.
 *
 * The eight official columns come first, in the order of the issuing documents; three more keep
 * what the official table leaves out, so that a written table reads back as the same tasks:
 * the start date, the cancel reason, and the task's id (hidden in the workbook; empty = a new task).
 * The state is the STORED state (overdue is derived from the due date, never written).
 */
export const TASK_TABLE_COLUMNS = [
  'order',
  'text',
  'indicators',
  'lead',
  'coordinating',
  'dueOn',
  'product',
  'state',
  'startOn',
  'cancelReason',
  'id',
] as const;
export type TaskTableColumn = (typeof TASK_TABLE_COLUMNS)[number];

export const TASK_TABLE_HEADERS: Record<TaskTableColumn, { vi: string; en: string; keys: readonly string[] }> = {
  order: { vi: 'STT', en: 'No.', keys: ['stt', 'no', 'order', 'so_thu_tu'] },
  text: { vi: 'Nhiệm vụ', en: 'Task', keys: ['nhiem_vu', 'task', 'text', 'noi_dung'] },
  indicators: { vi: 'Chỉ số', en: 'Indicators', keys: ['chi_so', 'indicators', 'indicator', 'ma_chi_so'] },
  lead: { vi: 'Đơn vị chủ trì', en: 'Lead unit', keys: ['don_vi_chu_tri', 'chu_tri', 'lead_unit', 'lead'] },
  coordinating: {
    vi: 'Đơn vị phối hợp',
    en: 'Coordinating units',
    keys: ['don_vi_phoi_hop', 'phoi_hop', 'coordinating_units', 'coordinating'],
  },
  dueOn: { vi: 'Thời hạn', en: 'Due', keys: ['thoi_han', 'han', 'due', 'due_on', 'due_date'] },
  product: { vi: 'Sản phẩm', en: 'Product', keys: ['san_pham', 'product', 'ket_qua_san_pham'] },
  state: { vi: 'Trạng thái', en: 'State', keys: ['trang_thai', 'state', 'status'] },
  startOn: { vi: 'Ngày bắt đầu', en: 'Start', keys: ['ngay_bat_dau', 'bat_dau', 'start', 'start_on'] },
  cancelReason: { vi: 'Lý do huỷ', en: 'Cancel reason', keys: ['ly_do_huy', 'cancel_reason', 'ly_do'] },
  id: { vi: 'Mã nhiệm vụ', en: 'Task id', keys: ['ma_nhiem_vu', 'task_id', 'id'] },
};

/** Columns a table must have; the others may be left out (an old or hand-made table). */
const REQUIRED: readonly TaskTableColumn[] = ['text', 'indicators', 'lead', 'dueOn'];

/** One cell per column of TASK_TABLE_COLUMNS; dates stay yyyy-mm-dd (the writer makes date cells of them). */
export function taskTableRow(task: PlanTask, order: number, locale: Locale = 'vi'): (string | number)[] {
  return [
    order,
    task.text,
    task.indicators.join(', '),
    task.lead ?? '',
    task.coordinating.join('; '),
    task.dueOn,
    task.product,
    TASK_STATE_LABELS[task.state][locale],
    task.startOn ?? '',
    task.cancelReason ?? '',
    task.id,
  ];
}

export function taskTableHeader(locale: Locale = 'vi'): string[] {
  return TASK_TABLE_COLUMNS.map((column) => TASK_TABLE_HEADERS[column][locale]);
}

/** A stored state from its code ("inProgress") or its label in either language, case and diacritics aside. */
export function parseTaskState(text: string): TaskState | undefined {
  const value = text.trim();
  if (isTaskState(value)) return value;
  const key = toSearchKey(value);
  return TASK_STATES.find(
    (state) => toSearchKey(TASK_STATE_LABELS[state].vi) === key || toSearchKey(TASK_STATE_LABELS[state].en) === key,
  );
}

export interface TaskTable {
  file?: string;
  header: readonly string[];
  /** The data rows, in sheet order; blank rows are skipped. */
  rows: readonly (readonly string[])[];
  /** The sheet row of the header (rows[i] is sheet row headerRow + 1 + i). */
  headerRow: number;
}

export interface TaskTableUnit extends PlanUnit {
  /** Accepted in place of the code (case and diacritics aside). */
  name?: string;
}

export interface TaskTableContext {
  frameworkId: string;
  indicatorCodes: ReadonlySet<string>;
  /** The unit register; when omitted (the command line has none) any unit code is accepted. */
  units?: readonly TaskTableUnit[];
  plan: { year: number; date: string };
}

export interface TaskTableResult {
  tasks: PlanTask[];
  /** Every problem of every row; when not empty, `tasks` is empty (nothing is imported half). */
  problems: Problem[];
  /** The sheet row of each task (so a caller's own rule can name it); empty with `tasks`. */
  rows: number[];
}

/**
 * Reads a table of tasks. Indicators are separated by `,` or `;`, coordinating units by `;`; units
 * by code or by name; the state by code or label (empty = not started); dates dd/mm/yyyy,
 * yyyy-mm-dd or date cells. Every bad row is reported with its sheet row and the column's title,
 * with validate-plan's rules (unknown indicator/unit, inactive lead, due before the plan, duplicates,
 * bad dates) and the table's own (unknown state, cancel reason, duplicate id). All or nothing.
 */
export function readTaskTable(table: TaskTable, context: TaskTableContext): TaskTableResult {
  const file = table.file ? { file: table.file } : {};
  const keys = table.header.map(toColumnKey);
  const index = {} as Record<TaskTableColumn, number>;
  for (const column of TASK_TABLE_COLUMNS) {
    index[column] = keys.findIndex((key) => TASK_TABLE_HEADERS[column].keys.includes(key));
  }
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length > 0) {
    return {
      tasks: [],
      rows: [],
      problems: missing.map((column) => ({
        code: 'input.missing-column',
        params: {
          column: TASK_TABLE_HEADERS[column].vi,
          expected: REQUIRED.map((required) => `${TASK_TABLE_HEADERS[required].vi} / ${TASK_TABLE_HEADERS[required].en}`).join(
            ', ',
          ),
        },
        location: { ...file, row: table.headerRow },
      })),
    };
  }
  const title = (column: TaskTableColumn) => table.header[index[column]] ?? TASK_TABLE_HEADERS[column].vi;
  const units = context.units ?? [];
  const unitByCode = new Map(units.map((unit) => [unit.code, unit]));
  const unitByName = new Map(units.flatMap((unit) => (unit.name ? [[toSearchKey(unit.name), unit.code]] : [])));
  const unitCode = (text: string) => (unitByCode.has(text) ? text : (unitByName.get(toSearchKey(text)) ?? text));
  const date = (text: string) => (text.trim() === '' ? '' : (parseVietnameseDate(text) ?? text.trim()));

  const problems: Problem[] = [];
  const tasks: PlanTask[] = [];
  const sheetRows: number[] = [];
  const firstRowOfId = new Map<string, number>();
  table.rows.forEach((cells, position) => {
    const row = table.headerRow + 1 + position;
    const cell = (column: TaskTableColumn) => (index[column] < 0 ? '' : (cells[index[column]] ?? '').trim());
    if (cells.every((value) => (value ?? '').trim() === '')) return;
    const at = (column: TaskTableColumn) => ({ ...file, row, column: title(column) });
    const stateText = cell('state');
    const state = stateText === '' ? 'notStarted' : parseTaskState(stateText);
    if (state === undefined) {
      problems.push({
        code: 'plan.task-unknown-state',
        params: {
          value: stateText,
          known: TASK_STATES.map((known) => TASK_STATE_LABELS[known].vi).join(', '),
          knownEn: TASK_STATES.map((known) => TASK_STATE_LABELS[known].en).join(', '),
        },
        location: at('state'),
      });
    }
    const cancelReason = cell('cancelReason');
    if (state === 'cancelled' && cancelReason === '') {
      problems.push({ code: 'plan.task-cancel-reason-missing', location: at('cancelReason') });
    } else if (state !== undefined && state !== 'cancelled' && cancelReason !== '') {
      problems.push({
        code: 'plan.task-cancel-reason-not-cancelled',
        params: { state: TASK_STATE_LABELS[state].vi, stateEn: TASK_STATE_LABELS[state].en },
        location: at('cancelReason'),
      });
    }
    const id = cell('id');
    if (id !== '') {
      const first = firstRowOfId.get(id);
      if (first !== undefined)
        problems.push({ code: 'plan.task-duplicate-id', params: { id, firstRow: first }, location: at('id') });
      else firstRowOfId.set(id, row);
    }
    const lead = cell('lead');
    const startOn = date(cell('startOn'));
    tasks.push({
      id,
      text: cell('text'),
      indicators: [
        ...new Set(
          cell('indicators')
            .split(/[,;\n]/)
            .map((code) => code.trim())
            .filter(Boolean),
        ),
      ],
      lead: lead === '' ? null : unitCode(lead),
      coordinating: [...new Set(splitUnitCodes(cell('coordinating')).map(unitCode))],
      product: cell('product'),
      startOn: startOn === '' ? null : startOn,
      dueOn: date(cell('dueOn')),
      state: state ?? 'notStarted',
      ...(state === 'cancelled' && cancelReason !== '' ? { cancelReason } : {}),
    });
    sheetRows.push(row);
  });
  const fieldColumn: Record<string, TaskTableColumn> = {
    text: 'text',
    indicators: 'indicators',
    lead: 'lead',
    coordinating: 'coordinating',
    startOn: 'startOn',
    dueOn: 'dueOn',
  };
  const rowOf = (position: number) => sheetRows[position] ?? position;
  const ruleProblems = taskProblems(tasks, {
    frameworkId: context.frameworkId,
    indicatorCodes: context.indicatorCodes,
    units: new Map(
      context.units
        ? context.units.map((unit) => [unit.code, unit])
        : tasks.flatMap((task) => [task.lead ?? [], ...task.coordinating].flat()).map((code) => [code, { code }]),
    ),
    plan: context.plan,
    ...file,
    firstRow: 0,
  }).map((problem): Problem => {
    const position = problem.location?.row ?? 0;
    const column = fieldColumn[problem.location?.column ?? ''];
    return {
      ...problem,
      ...(problem.code === 'plan.task-duplicate' ? { params: { firstRow: rowOf(Number(problem.params?.firstRow ?? 0)) } } : {}),
      location: {
        ...problem.location,
        row: rowOf(position),
        ...(column ? { column: title(column) } : {}),
      },
    };
  });
  const all = [...problems, ...ruleProblems].sort((a, b) => (a.location?.row ?? 0) - (b.location?.row ?? 0));
  if (all.length === 0 && tasks.length === 0) return { tasks: [], rows: [], problems: [{ code: 'input.empty', location: file }] };
  return all.length > 0 ? { tasks: [], rows: [], problems: all } : { tasks, rows: sheetRows, problems: [] };
}
