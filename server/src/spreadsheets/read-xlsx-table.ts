import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32 } from 'node:zlib';
import { DomainError, type LocalizedText, type ScoreTable, toSearchKey } from '@opendti/core';
import type { CellValue, Row } from 'exceljs';
import { loadExcelJS } from './load-exceljs.js';
import type { RowBound } from './read-csv.js';
import {
  listZipEntries,
  storedZipPieces,
  type UnzippedPart,
  unzipEntry,
  type ZipEntry,
  ZipFormatError,
  ZipTooLargeError,
} from './read-zip.js';

/**
 * A clerk's answer sheet is well under a megabyte, so a file past this is a wrong file; refusing it
 * early keeps the CLI from reading it at all (it checks a file's size before it reads it).
 */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/**
 * The most an uploaded .xlsx may unzip to, all its parts together. A unit's answer template unzips
 * to well under a megabyte; a zip bomb of a few megabytes unzips to gigabytes. Checked against the
 * archive's directory before anything is inflated, and again while inflating, in case the
 * directory lies. The command line, which reads its operator's own files, passes a larger one.
 */
export const MAX_XLSX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** The sheet the answer template (`opendti template`) puts the answers in. */
export const ANSWER_SHEET_NAME = 'Nhập liệu';

/** A zip archive (every .xlsx) starts with "PK\x03\x04". */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an Excel 97–2003 .xls, or an .xlsx saved with a password (it is encrypted). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * The parts of a workbook the streaming reader uses, in the order it needs them: with the shared
 * strings ahead of the sheets it parses a sheet as it streams past; behind them (as Excel writes
 * them) exceljs would copy every sheet to a temporary file first.
 */
const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
/** exceljs' reader copies a sheet to disk unless shared strings came first; a workbook without any gets an empty table. */
const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
/** The unzipped sheet is fed to the parser in slices this large, each parsed in one go. */
const SLICE_BYTES = 64 * 1024;
/** Rows parsed between two turns of the event loop, so that a long sheet never stalls other requests. */
const ROWS_PER_TURN = 200;

/**
 * The most table rows (after the header) the caller accepts, and why: the first non-blank row past
 * them ends the reading with `input.too-many-rows`. Unset for the command line's score input, which
 * reads the files its operator chose (and a 10,000-unit cohort is 1,000,000 rows).
 */
export type XlsxReadOptions = Partial<RowBound> & {
  /** MAX_XLSX_UNZIPPED_BYTES unless given. */
  maxUnzippedBytes?: number;
  /**
   * For a sheet with a title block above its table (the plan's task table): the header is the first
   * of the sheet's first HEADER_SEARCH_ROWS rows this accepts, and the rows above it are skipped.
   * Row 1 is the header when unset (or when no row is accepted).
   */
  isHeader?: (cells: readonly string[]) => boolean;
};

/** How far down a title block may push the header (see `isHeader`). */
const HEADER_SEARCH_ROWS = 20;

/**
 * Reads the answer sheet of an .xlsx file, given as its bytes (an upload, or a file the CLI read),
 * as text cells for `readScoreRows`. `fileLabel` names the file in every problem.
 *
 * The sheet is "Nhập liệu" when the workbook has one (the answer template), otherwise the first
 * visible sheet. Row 1 is the header. Every later row up to the last non-blank one is returned,
 * blank ones included, so that the n-th row of the table is row n + 1 of the sheet and problems
 * point at the row Excel shows. Cells come back as the text the score reader parses: numbers in
 * JavaScript notation ("0.8"), formulas as their cached result, dates as ISO dates.
 *
 * The sheet is streamed, never loaded whole: the archive's directory is checked against
 * MAX_XLSX_UNZIPPED_BYTES first, then only the parts holding cells are unzipped, and the rows are
 * parsed one by one, so a file is refused at its first row past `maxRows`.
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  fileLabel: string,
  options: XlsxReadOptions = {},
): Promise<ScoreTable & { headerRow: number }> {
  const fail = (detail: string): never => {
    throw new DomainError('invalid-input', [{ code: 'input.unreadable', params: { detail }, location: { file: fileLabel } }]);
  };
  if (bytes.byteLength > MAX_XLSX_BYTES) fail(describeOversize(bytes.byteLength, MAX_XLSX_BYTES, '.xlsx'));
  if (startsWith(bytes, OLE_SIGNATURE)) {
    fail('tệp Excel 97–2003 (.xls) hoặc tệp có đặt mật khẩu; hãy mở bằng Excel và lưu lại thành .xlsx không mật khẩu');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) fail('không phải tệp Excel .xlsx');

  const zip = await unzipWorkbookParts(bytes, fileLabel, options.maxUnzippedBytes ?? MAX_XLSX_UNZIPPED_BYTES, fail);
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(slicesOf(zip)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number; hyperlinks are read as their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  const header: string[] = [];
  const rows: string[][] = [];
  let sheetFound = false;
  let headerRow = options.isHeader ? 0 : 1;
  /** Rows above the header while it is searched for, kept in case none is accepted (row 1 is then the header). */
  const above = new Map<number, Row>();
  const readHeader = (row: Row) => {
    for (let column = 1; column <= row.cellCount; column++) header.push(cellText(row.findCell(column)?.value));
    while (header.length > 0 && header[header.length - 1]?.trim() === '') header.pop();
  };
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as SheetInfo & AsyncIterable<Row>;
      if (sheet.name !== pickAnswerSheet((reader as unknown as { model?: { sheets?: SheetInfo[] } }).model?.sheets ?? [], sheet))
        continue;
      sheetFound = true;
      let parsed = 0;
      for await (const row of sheet) {
        if (++parsed % ROWS_PER_TURN === 0) await nextTurn();
        const rowNumber = row.number;
        if (headerRow === 0 && options.isHeader) {
          const texts: string[] = [];
          for (let column = 1; column <= row.cellCount; column++) texts.push(cellText(row.findCell(column)?.value));
          if (options.isHeader(texts)) {
            headerRow = rowNumber;
            readHeader(row);
            continue;
          }
          if (rowNumber < HEADER_SEARCH_ROWS) {
            above.set(rowNumber, row);
            continue;
          }
          // No title block after all: row 1 is the header, and the rows kept are data.
          headerRow = 1;
          const first = above.get(1);
          if (first) readHeader(first);
          for (const [number, kept] of above) if (number > 1) pushRow(kept);
        }
        if (rowNumber === 1 && headerRow === 1) {
          readHeader(row);
          continue;
        }
        pushRow(row);
      }
      if (headerRow === 0) {
        headerRow = 1;
        const first = above.get(1);
        if (first) readHeader(first);
        for (const [number, kept] of above) if (number > 1) pushRow(kept);
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // exceljs throws whatever its zip and XML layers throw; the first line is enough to tell a
    // truncated download from a mislabelled file, the stack would only frighten the clerk.
    fail(`tệp .xlsx bị hỏng hoặc không đúng định dạng (${firstLine(error)})`);
  }
  if (!sheetFound) fail('tệp không có trang tính nào');
  return { file: fileLabel, header, rows, headerRow };

  function pushRow(row: Row): void {
    const rowNumber = row.number;
    const cells = new Array<string>(header.length).fill('');
    for (let column = 1; column <= header.length; column++) cells[column - 1] = cellText(row.findCell(column)?.value);
    if (cells.every((cell) => cell.trim() === '')) return;
    if (rowNumber - headerRow > maxRows) {
      throw new DomainError('invalid-input', [
        {
          code: 'input.too-many-rows',
          params: {
            max: maxRows,
            row: rowNumber,
            basis: options.basis ?? { vi: 'giới hạn của máy chủ', en: 'the server’s limit' },
          },
          location: { file: fileLabel, row: rowNumber },
        },
      ]);
    }
    while (rows.length < rowNumber - headerRow - 1) rows.push(new Array<string>(header.length).fill(''));
    rows.push(cells);
  }
}

interface SheetInfo {
  name: string;
  state?: string;
}

/**
 * The parts of the archive that hold cells, unzipped within MAX_XLSX_UNZIPPED_BYTES and written
 * back as one uncompressed archive in the order WORKBOOK_PARTS gives. Drawings, images, printer
 * settings and the like are never inflated.
 */
async function unzipWorkbookParts(
  bytes: Uint8Array,
  fileLabel: string,
  maxUnzippedBytes: number,
  fail: (detail: string) => never,
): Promise<Uint8Array[]> {
  let entries: ZipEntry[] = [];
  try {
    entries = listZipEntries(bytes);
  } catch (error) {
    fail(`tệp .xlsx bị hỏng hoặc không đúng định dạng (${firstLine(error)})`);
  }
  const tooLarge = (size: LocalizedText | string): DomainError =>
    new DomainError('invalid-input', [
      {
        code: 'input.too-large-unzipped',
        params: { size, max: `${formatMegabytes(maxUnzippedBytes)} MB` },
        location: { file: fileLabel },
      },
    ]);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxUnzippedBytes) throw tooLarge(`${formatMegabytes(declared)} MB`);

  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const wanted = [
    ...WORKBOOK_PARTS.flatMap((name) => byName.get(name) ?? []),
    ...entries.filter((entry) => SHEET_PART.test(entry.name)),
  ];
  if (!byName.has('xl/workbook.xml') || !byName.has('xl/_rels/workbook.xml.rels'))
    fail('không phải tệp Excel .xlsx (thiếu xl/workbook.xml)');
  let budget = maxUnzippedBytes;
  const parts: UnzippedPart[] = [];
  try {
    for (const entry of wanted) {
      const part = await unzipEntry(bytes, entry, budget);
      budget -= part.size;
      parts.push(part);
      if (entry.name === 'xl/workbook.xml' && !byName.has('xl/sharedStrings.xml')) {
        const empty = Buffer.from(EMPTY_SHARED_STRINGS);
        parts.push({ name: 'xl/sharedStrings.xml', chunks: [empty], size: empty.byteLength, crc: crc32(empty) });
      }
    }
  } catch (error) {
    if (error instanceof ZipTooLargeError) {
      throw tooLarge({
        vi: `hơn ${formatMegabytes(maxUnzippedBytes)} MB`,
        en: `more than ${formatMegabytes(maxUnzippedBytes)} MB`,
      });
    }
    if (error instanceof ZipFormatError) fail(`tệp .xlsx bị hỏng hoặc không đúng định dạng (${firstLine(error)})`);
    throw error;
  }
  return storedZipPieces(parts);
}

function* slicesOf(pieces: Uint8Array[]): Generator<Buffer> {
  for (const piece of pieces) {
    for (let offset = 0; offset < piece.byteLength; offset += SLICE_BYTES) {
      yield Buffer.from(piece.buffer, piece.byteOffset + offset, Math.min(SLICE_BYTES, piece.byteLength - offset));
    }
  }
}

/** The name of the answer sheet among the workbook's sheets (`current` when the workbook lists none). */
function pickAnswerSheet(sheets: SheetInfo[], current: SheetInfo): string {
  const answerKey = toSearchKey(ANSWER_SHEET_NAME);
  const chosen =
    sheets.find((sheet) => toSearchKey(sheet.name) === answerKey) ??
    sheets.find((sheet) => (sheet.state ?? 'visible') === 'visible') ??
    sheets[0] ??
    current;
  return chosen.name;
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
