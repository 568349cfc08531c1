import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  type CompiledFramework,
  createScoreRowReader,
  DomainError,
  type ReadScoreRowsResult,
  type ScoreRowReader,
} from '@opendti/core';
import { decodeCsv, parseCsvRows } from '../spreadsheets/read-csv.js';
import { readXlsxTable } from '../spreadsheets/read-xlsx-table.js';

/** CSV and XLSX are read whole; past this a clerk's file is a mistake, not an assessment. */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Reads a score input file (CSV or XLSX) into a ScoreSheet for `framework`, with every problem
 * located by file, row and column. A CSV is streamed row by row into the reader: a 1,000,000-row
 * file is never held as an array of rows.
 */
export async function readScoreFile(framework: CompiledFramework, path: string): Promise<ReadScoreRowsResult> {
  const label = basename(path);
  const fail = (detail: string): never => {
    throw new DomainError('invalid-input', [{ code: 'input.unreadable', params: { detail }, location: { file: label } }]);
  };
  let size = 0;
  try {
    size = statSync(path).size;
  } catch (error) {
    fail(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'không tìm thấy tệp (file not found)'
        : String((error as Error).message),
    );
  }
  if (size > MAX_INPUT_BYTES) fail(`tệp ${Math.round(size / 1048576)} MB, vượt giới hạn ${MAX_INPUT_BYTES / 1048576} MB`);

  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') {
    const table = await readXlsxTable(path, label);
    const reader = createScoreRowReader(framework, table);
    for (const row of table.rows) reader.addRow(row);
    return reader.finish();
  }
  if (extension !== '.csv' && extension !== '.txt') {
    fail(`định dạng "${extension || '(không có đuôi)'}" không được hỗ trợ; dùng .csv hoặc .xlsx`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return readScoreCsv(framework, bytes, label);
}

/** Parses CSV bytes (UTF-8, optional BOM; comma, semicolon or tab separated) into the row reader. */
export function readScoreCsv(framework: CompiledFramework, bytes: Uint8Array, label: string): ReadScoreRowsResult {
  const text = decodeCsv(bytes, label);
  let reader: ScoreRowReader | undefined;
  parseCsvRows(text, label, (cells) => {
    if (reader === undefined) reader = createScoreRowReader(framework, { file: label, header: cells });
    else reader.addRow(cells);
  });
  return (reader ?? createScoreRowReader(framework, { file: label, header: [] })).finish();
}
