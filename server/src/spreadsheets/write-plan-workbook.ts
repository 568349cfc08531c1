import {
  formatCalendarDay,
  type Locale,
  type PlanTask,
  TASK_TABLE_COLUMNS,
  type TaskTableColumn,
  taskTableHeader,
  taskTableRow,
} from '@opendti/core';
import { loadExcelJS } from './load-exceljs.js';

/**
 * The draft plan as a workbook (`opendti plan draft --format xlsx --output plan.xlsx`): one row per
 * task, by gain, with the columns a province's plan table has (STT, nhiệm vụ, chỉ số, đơn vị chủ trì,
 * đơn vị phối hợp, thời hạn, sản phẩm, trạng thái) and the analysis beside them. Numbers are numbers;
 * the due date is a real date cell.
 */
export interface PlanSheet {
  title: string;
  sheetName: string;
  /** Header first, then one row per task (the CLI's `planRows`). */
  rows: (string | number | null)[][];
  /** The column of due dates (yyyy-mm-dd text, written as date cells). */
  dueColumn: number;
}

export async function writePlanWorkbook(plan: PlanSheet): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'OpenDTI';
  workbook.title = plan.title;
  const sheet = workbook.addWorksheet(plan.sheetName);
  const [header = [], ...rows] = plan.rows;
  const { dueColumn } = plan;
  const widths: number[] = header.map((title) => (String(title).length > 12 ? 16 : 10));
  for (const wide of [3, header.length - 4, header.length - 3]) widths[wide] = 48;
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  if (dueColumn >= 0) sheet.getColumn(dueColumn + 1).numFmt = 'dd/mm/yyyy';
  const headerRow = sheet.addRow(header);
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  for (const row of rows) {
    const cells = row.map((cell, index) =>
      index === dueColumn && typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell,
    );
    sheet.addRow(cells).alignment = { vertical: 'top', wrapText: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface PlanTasksWorkbookContext {
  /** The plan's title, e.g. "Kế hoạch nâng cao Chỉ số chuyển đổi số năm 2026". */
  title: string;
  /** Number of the issuing document ("187/KH-UBND"); empty for a draft. */
  documentNumber: string;
  /** The plan's date, yyyy-mm-dd. */
  date: string;
  locale?: Locale;
}

/** The sheet of the task table; the title block takes the rows above TASK_TABLE_HEADER_ROW. */
export const PLAN_TASKS_SHEET_NAME = 'Nhiệm vụ';
export const TASK_TABLE_HEADER_ROW = 4;

const TASK_COLUMN_WIDTHS: Record<TaskTableColumn, number> = {
  order: 6,
  text: 46,
  indicators: 11,
  lead: 14,
  coordinating: 20,
  dueOn: 12,
  product: 34,
  state: 15,
  startOn: 13,
  cancelReason: 24,
  id: 10,
};
const DATE_COLUMNS: readonly TaskTableColumn[] = ['dueOn', 'startOn'];

/**
 * A plan's task table as the official workbook: a title block (title; number and date), then core's
 * task table (task-table.ts: STT, Nhiệm vụ, Chỉ số, Đơn vị chủ trì, Đơn vị phối hợp, Thời hạn, Sản
 * phẩm, Trạng thái, then the start date, the cancel reason and the hidden task id that make it
 * read back without loss, see `readPlanTasksWorkbook`). Dates are date cells shown dd/mm/yyyy; text
 * wraps; it prints on A4 landscape, one page wide, the header repeated on every page.
 */
export async function writePlanTasksWorkbook(tasks: readonly PlanTask[], context: PlanTasksWorkbookContext): Promise<Uint8Array> {
  const locale = context.locale ?? 'vi';
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'OpenDTI';
  workbook.title = context.title;
  const sheet = workbook.addWorksheet(PLAN_TASKS_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${TASK_TABLE_HEADER_ROW}:${TASK_TABLE_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: locale === 'vi' ? 'Trang &P / &N' : 'Page &P of &N' },
  });
  const last = TASK_TABLE_COLUMNS.length - 1;
  TASK_TABLE_COLUMNS.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = TASK_COLUMN_WIDTHS[column];
    // The id only carries a task back to its row in the server; a clerk has nothing to do with it.
    if (column === 'id') sheetColumn.hidden = true;
  });
  // The title block stops before the hidden id column, so it is centred on what prints.
  const titleEnd = last;
  sheet.mergeCells(1, 1, 1, titleEnd);
  sheet.mergeCells(2, 1, 2, titleEnd);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = context.title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 36;
  const date = formatCalendarDay(context.date);
  const reference =
    locale === 'vi'
      ? `${context.documentNumber ? `Số ${context.documentNumber}, ` : 'Dự thảo, '}ngày ${date}`
      : `${context.documentNumber ? `No. ${context.documentNumber}, ` : 'Draft, '}dated ${date}`;
  const referenceCell = sheet.getCell(2, 1);
  referenceCell.value = reference;
  referenceCell.font = { italic: true };
  referenceCell.alignment = { horizontal: 'center' };

  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  const headerRow = sheet.getRow(TASK_TABLE_HEADER_ROW);
  headerRow.values = taskTableHeader(locale);
  headerRow.height = 30;
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = border;
  });
  tasks.forEach((task, position) => {
    const values = taskTableRow(task, position + 1, locale).map((value, index) => {
      const column = TASK_TABLE_COLUMNS[index] as TaskTableColumn;
      return DATE_COLUMNS.includes(column) && typeof value === 'string' && value !== '' ? new Date(`${value}T00:00:00Z`) : value;
    });
    const row = sheet.getRow(TASK_TABLE_HEADER_ROW + 1 + position);
    row.values = values;
    row.height = estimatedHeight(values);
    TASK_TABLE_COLUMNS.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      cell.border = border;
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        ...(column === 'order' || DATE_COLUMNS.includes(column) ? { horizontal: 'center' as const } : {}),
      };
      if (DATE_COLUMNS.includes(column)) cell.numFmt = 'dd/mm/yyyy';
    });
  });
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: TASK_TABLE_HEADER_ROW }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Neither Excel nor LibreOffice grows a row to its wrapped text when the file is opened, so the
 * height is set from an estimate: the most lines any cell wraps to (about 0.85 character per unit
 * of column width at 11 pt), 15 points a line.
 */
function estimatedHeight(values: readonly unknown[]): number {
  let lines = 1;
  TASK_TABLE_COLUMNS.forEach((column, index) => {
    const value = values[index];
    if (typeof value !== 'string' || column === 'id') return;
    const perLine = Math.max(1, Math.floor(TASK_COLUMN_WIDTHS[column] * 0.85));
    const cellLines = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, cellLines);
  });
  return 15 * lines + 3;
}
