import { basename, extname } from 'node:path';
import {
  type CompiledFramework,
  createScoreRowReader,
  DomainError,
  type ReadScoreRowsResult,
  type ScoreRowReader,
} from '@opendti/core';
import { decodeCsv, parseCsvRows } from '../spreadsheets/read-csv.js';
import { MAX_XLSX_BYTES, readXlsxTable } from '../spreadsheets/read-xlsx-table.js';
import { readInputFile } from './read-input-file.js';

/** CSV and XLSX are read whole; past this a clerk's file is a mistake, not an assessment. */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * The command line reads its operator's own score tables, unbounded in rows (a 10,000-unit cohort
 * is 1,000,000 rows, about 250 MB of sheet XML); the ceiling on unzipping stays, against a file that
 * is not what it seems.
 */
const MAX_SCORE_XLSX_UNZIPPED_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a score input file (CSV or XLSX) into a ScoreSheet for `framework`, with every problem
 * located by file, row and column. A CSV is streamed row by row into the reader: a 1,000,000-row
 * file is never held as an array of rows.
 */
export async function readScoreFile(framework: CompiledFramework, path: string): Promise<ReadScoreRowsResult> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv' && extension !== '.txt') {
    throw new DomainError('invalid-input', [
      {
        code: 'input.unreadable',
        params: { detail: `định dạng "${extension || '(không có đuôi)'}" không được hỗ trợ; dùng .csv hoặc .xlsx` },
        location: { file: basename(path) },
      },
    ]);
  }
  // An .xlsx is unzipped into memory whole, so it has a lower limit than a CSV, which is streamed.
  const { name, bytes } = await readInputFile(path, extension === '.xlsx' ? MAX_XLSX_BYTES : MAX_INPUT_BYTES);
  if (extension === '.xlsx') {
    const table = await readXlsxTable(bytes, name, { maxUnzippedBytes: MAX_SCORE_XLSX_UNZIPPED_BYTES });
    const reader = createScoreRowReader(framework, table);
    for (const row of table.rows) reader.addRow(row);
    return reader.finish();
  }
  return readScoreCsv(framework, bytes, name);
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
