import { DomainError, type ScoreTable, toSearchKey } from '@opendti/core';
import type { CellValue, Worksheet } from 'exceljs';
import { loadExcelJS } from './load-exceljs.js';

/**
 * An .xlsx is unzipped and parsed into memory whole; a clerk's answer sheet is well under a
 * megabyte, so anything past this is a wrong file, and refusing it early keeps the server and the
 * CLI from running out of memory on it (the CLI checks a file's size before it reads it).
 */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/** The sheet the answer template (`opendti template`) puts the answers in. */
export const ANSWER_SHEET_NAME = 'Nhập liệu';

/**
 * Parts of a sheet that never carry answers. Data validations in particular must be skipped:
 * exceljs expands a range such as A2:A1048576 into one object per cell, and a whole-column drop-down
 * that a clerk added by hand would then take minutes to read.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'drawing', 'picture', 'extLst', 'tableParts'];

/** A zip archive (every .xlsx) starts with "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an Excel 97–2003 .xls, or an .xlsx saved with a password (it is encrypted). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads the answer sheet of an .xlsx file, given as its bytes (an upload, or a file the CLI read),
 * as text cells for `readScoreRows`. `fileLabel` names the file in every problem.
 *
 * The sheet is "Nhập liệu" when the workbook has one (the answer template), otherwise the first
 * visible sheet. Row 1 is the header. Every later row is returned, blank ones included, so that the
 * n-th row of the table is row n + 1 of the sheet and problems point at the row Excel shows.
 * Cells come back as the text the score reader parses: numbers in JavaScript notation ("0.8"),
 * formulas as their cached result, dates as ISO dates.
 */
export async function readXlsxTable(bytes: Uint8Array, fileLabel: string): Promise<ScoreTable> {
  const fail = (detail: string): never => {
    throw new DomainError('invalid-input', [{ code: 'input.unreadable', params: { detail }, location: { file: fileLabel } }]);
  };
  if (bytes.byteLength > MAX_XLSX_BYTES) fail(describeOversize(bytes.byteLength, MAX_XLSX_BYTES, '.xlsx'));
  if (startsWith(bytes, OLE_SIGNATURE)) {
    fail('tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu; hãy mở bằng Excel và lưu lại thành .xlsx không mật khẩu');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) fail('không phải tệp Excel .xlsx');

  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // exceljs types `load` as taking an ArrayBuffer (its own `Buffer` declaration); JSZip below it
    // accepts either. A copy of the bytes owns an ArrayBuffer of its own (an upload's Buffer may be
    // a slice of a larger, shared pool).
    await workbook.xlsx.load(bytes.slice().buffer, {
      ignoreNodes: IGNORED_NODES,
    });
  } catch (error) {
    // exceljs throws whatever its zip and XML layers throw; the first line is enough to tell a
    // truncated download from a mislabelled file, the stack would only frighten the clerk.
    fail(`tệp .xlsx bị hỏng hoặc không đúng định dạng (${firstLine(error)})`);
  }

  const sheet = pickAnswerSheet(workbook.worksheets);
  if (sheet === undefined) return fail('tệp không có trang tính nào');

  const headerRow = sheet.findRow(1);
  const header: string[] = [];
  if (headerRow) {
    for (let column = 1; column <= headerRow.cellCount; column++) header.push(cellText(headerRow.findCell(column)?.value));
  }
  while (header.length > 0 && header[header.length - 1]?.trim() === '') header.pop();

  const rows: string[][] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.findRow(rowNumber);
    const cells = new Array<string>(header.length).fill('');
    if (row) {
      for (let column = 1; column <= header.length; column++) cells[column - 1] = cellText(row.findCell(column)?.value);
    }
    rows.push(cells);
  }
  return { file: fileLabel, header, rows };
}

function pickAnswerSheet(worksheets: Worksheet[]): Worksheet | undefined {
  const answerKey = toSearchKey(ANSWER_SHEET_NAME);
  return (
    worksheets.find((sheet) => toSearchKey(sheet.name) === answerKey) ??
    worksheets.find((sheet) => sheet.state === 'visible') ??
    worksheets[0]
  );
}

/** The text of a cell value as a clerk would read it on screen, minus the number formatting. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result);
  // exceljs gives a hyperlink's text as rich text when the link is formatted.
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return '';
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** "tệp 51 MB, vượt giới hạn 50 MB cho tệp .xlsx": shared with the CLI, which checks before reading. */
export function describeOversize(size: number, limit: number, kind: string): string {
  return `tệp ${formatMegabytes(size)} MB, vượt giới hạn ${formatMegabytes(limit)} MB cho tệp ${kind}`;
}

function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}
