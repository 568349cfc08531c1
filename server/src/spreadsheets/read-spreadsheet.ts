import { extname } from 'node:path';
import { DomainError, type ScoreTable } from '@opendti/core';
import { decodeCsv, parseCsvRows, type RowBound } from './read-csv.js';
import { readXlsxTable } from './read-xlsx-table.js';

/**
 * A table from the bytes of an .xlsx or a .csv (also .txt, as some exports name it), chosen by the
 * file's name: an upload to the server, or a file the CLI has read. Row 1 is the header; every
 * later row is kept, blank ones too, so that problems point at the row the clerk sees. With a
 * `bound`, the file is refused (`input.too-many-rows`) at its first non-blank row past it, before
 * the rest is read.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  bound?: RowBound,
): Promise<ScoreTable & { rows: string[][] }> {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xlsx') {
    const table = await readXlsxTable(bytes, fileName, bound ?? {});
    return { file: fileName, header: [...table.header], rows: [...table.rows].map((row) => row.map((cell) => cell ?? '')) };
  }
  if (extension === '.csv' || extension === '.txt') return readCsvTable(bytes, fileName, bound);
  throw new DomainError('invalid-input', [
    {
      code: 'input.unreadable',
      params: { detail: `định dạng "${extension || '(không có đuôi)'}" không được hỗ trợ; dùng .xlsx hoặc .csv` },
      location: { file: fileName },
    },
  ]);
}

/** A CSV's bytes (UTF-8, optional BOM; comma, semicolon or tab separated) as a header and rows. */
export function readCsvTable(bytes: Uint8Array, fileName: string, bound?: RowBound): ScoreTable & { rows: string[][] } {
  const text = decodeCsv(bytes, fileName);
  const rows: string[][] = [];
  parseCsvRows(text, fileName, (cells) => rows.push(cells), bound);
  const header = rows.shift() ?? [];
  return { file: fileName, header, rows };
}
