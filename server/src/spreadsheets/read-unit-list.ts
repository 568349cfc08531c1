import { DomainError, type Problem, type ScoreTable, toColumnKey, type UnitRef } from '@opendti/core';
import type { RowBound } from './read-csv.js';
import { readSpreadsheet } from './read-spreadsheet.js';

/** A province has at most a few thousand communes; a list past this is the wrong file. */
export const MAX_UNIT_LIST_BYTES = 10 * 1024 * 1024;

/**
 * The rows a list of units may have (the administrator's import, the template's list): a province
 * has a few thousand units at most (2025: 3,321 communes and wards in the whole country's re-drawing
 * of one level), so a longer file is the wrong one, refused at its first row past this.
 */
export const UNIT_LIST_BOUND: RowBound = {
  maxRows: 5000,
  basis: { vi: 'một tỉnh có vài nghìn đơn vị là nhiều nhất', en: 'a province has a few thousand units at most' },
};

/** Header keys (see core's `toColumnKey`) accepted for each column, in English or Vietnamese. */
const CODE_HEADERS = ['code', 'unit_code', 'ma_don_vi', 'ma_dv'];
const NAME_HEADERS = ['name', 'unit_name', 'ten_don_vi', 'ten_dv'];

/**
 * Reads the list of units (đơn vị) a template is made for (`opendti template --units units.csv`),
 * from the file's bytes; `fileName` chooses the format and names the file in every problem.
 *
 * A .csv (UTF-8, optional BOM, comma, semicolon or tab separated — Vietnamese Excel saves "CSV" with
 * semicolons) or an .xlsx, with a code column and an optional name column; the name defaults to the
 * code. Every problem of the file (missing code, duplicate code) is reported at once, with its row.
 */
export async function readUnitList(bytes: Uint8Array, fileName: string): Promise<UnitRef[]> {
  return unitsFromTable(await readSpreadsheet(bytes, fileName, UNIT_LIST_BOUND));
}

/** The units of a parsed table; throws one DomainError listing every problem found. */
export function unitsFromTable(table: ScoreTable): UnitRef[] {
  const file = table.file;
  const keys = table.header.map(toColumnKey);
  const codeColumn = keys.findIndex((key) => CODE_HEADERS.includes(key));
  const nameColumn = keys.findIndex((key) => NAME_HEADERS.includes(key));
  if (codeColumn < 0) {
    throw new DomainError('invalid-input', [
      {
        code: 'input.missing-column',
        params: { column: 'Mã đơn vị', expected: 'code, unit_code, Mã đơn vị, ma_don_vi (và name, unit_name, Tên đơn vị)' },
        location: { file, row: 1 },
      },
    ]);
  }
  const codeTitle = table.header[codeColumn] ?? 'code';

  const problems: Problem[] = [];
  const units: UnitRef[] = [];
  const firstRowOfCode = new Map<string, number>();
  let rowNumber = 1;
  for (const cells of table.rows) {
    rowNumber++;
    if (cells.every((cell) => cell === undefined || cell.trim() === '')) continue;
    const code = (cells[codeColumn] ?? '').trim();
    if (code === '') {
      problems.push({ code: 'input.missing-unit', location: { file, row: rowNumber, column: codeTitle } });
      continue;
    }
    const firstRow = firstRowOfCode.get(code);
    if (firstRow !== undefined) {
      problems.push({
        code: 'input.duplicate-unit',
        params: { unit: code, firstRow },
        location: { file, row: rowNumber, column: codeTitle, code },
      });
      continue;
    }
    firstRowOfCode.set(code, rowNumber);
    const name = nameColumn < 0 ? '' : (cells[nameColumn] ?? '').trim();
    units.push({ code, name: name || code });
  }
  if (problems.length === 0 && units.length === 0) problems.push({ code: 'input.empty', location: { file } });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return units;
}
