import type { Problem } from '../errors/problem.js';
import { isScoredFromValue } from '../frameworks/compile-framework.js';
import type { CompiledFramework } from '../frameworks/framework-model.js';
import { toColumnKey } from '../text/column-key.js';
import { readPoints, readValue } from './read-answer.js';
import { createScoreSheet, ensureNodeArrays, type ScoreSheet, type UnitRef } from './score-sheet.js';
import { parseYesNo } from './scoring-methods.js';

/**
 * The long input table: one row per unit and indicator (or main index), as a spreadsheet clerk
 * fills it in. Column names are accepted in English or Vietnamese, with or without diacritics.
 */
export const SCORE_COLUMNS = {
  unitCode: ['unit_code', 'ma_don_vi', 'ma_dv', 'don_vi'],
  unitName: ['unit_name', 'ten_don_vi', 'ten_dv'],
  indicator: ['indicator', 'chi_so', 'ma_chi_so', 'ma_tieu_chi', 'tieu_chi'],
  value: ['value', 'gia_tri', 'ket_qua'],
  points: ['points', 'self_points', 'diem', 'diem_tu_danh_gia', 'diem_tu_cham', 'tu_cham'],
  appraisedPoints: ['appraised_points', 'diem_tham_dinh', 'tham_dinh'],
  notAssessed: ['not_assessed', 'khong_danh_gia'],
} as const;

export type ScoreColumn = keyof typeof SCORE_COLUMNS;

export interface ScoreTable {
  /** Shown in every problem, e.g. "answers.csv". */
  file: string;
  header: readonly string[];
  /** Data rows in file order; the first is row 2 (the header is row 1). Blank rows are skipped but counted. */
  rows: Iterable<readonly (string | undefined)[]>;
}

export interface ReadScoreRowsResult {
  sheet: ScoreSheet;
  problems: Problem[];
  /** Problems beyond `maxProblems`, counted but not kept. */
  omittedProblems: number;
  dataRows: number;
}

/** Header text → column, e.g. "Mã đơn vị" → unitCode. */
export function resolveScoreColumns(header: readonly string[]): Partial<Record<ScoreColumn, number>> {
  const columns: Partial<Record<ScoreColumn, number>> = {};
  header.forEach((title, index) => {
    const key = toColumnKey(title);
    for (const [column, names] of Object.entries(SCORE_COLUMNS) as [ScoreColumn, readonly string[]][]) {
      if (columns[column] === undefined && names.includes(key)) columns[column] = index;
    }
  });
  return columns;
}

/**
 * Reads a score table into a ScoreSheet for `framework`, collecting every problem (unknown
 * indicator, unreadable number, points above the maximum, duplicate row …) with its row and column.
 * Pure: the caller parses CSV or XLSX into strings first.
 */
export function readScoreRows(framework: CompiledFramework, table: ScoreTable, maxProblems = 200): ReadScoreRowsResult {
  const reader = createScoreRowReader(framework, table, maxProblems);
  for (const cells of table.rows) reader.addRow(cells);
  return reader.finish();
}

export interface ScoreRowReader {
  /** The next data row (the first is row 2); blank rows are counted and skipped. */
  addRow(cells: readonly (string | undefined)[]): void;
  finish(): ReadScoreRowsResult;
}

/**
 * The same reading, row by row, for a parser that pushes rows (a 1,000,000-row CSV is never held
 * as an array of rows).
 */
export function createScoreRowReader(
  framework: CompiledFramework,
  table: Pick<ScoreTable, 'file' | 'header'>,
  maxProblems = 200,
): ScoreRowReader {
  const problems: Problem[] = [];
  let omittedProblems = 0;
  const report = (problem: Problem): void => {
    if (problems.length < maxProblems) problems.push(problem);
    else omittedProblems++;
  };
  const file = table.file;
  const columns = resolveScoreColumns(table.header);
  for (const required of ['unitCode', 'indicator'] as const) {
    if (columns[required] === undefined) {
      report({
        code: 'input.missing-column',
        params: {
          column: SCORE_COLUMNS[required][0],
          expected: Object.values(SCORE_COLUMNS)
            .map((names) => names[0])
            .join(', '),
        },
        location: { file, row: 1 },
      });
    }
  }
  if (
    columns.value === undefined &&
    columns.points === undefined &&
    columns.appraisedPoints === undefined &&
    columns.notAssessed === undefined
  ) {
    report({
      code: 'input.missing-column',
      params: {
        column: 'value',
        expected: Object.values(SCORE_COLUMNS)
          .map((names) => names[0])
          .join(', '),
      },
      location: { file, row: 1 },
    });
  }

  const indicatorCount = framework.indicatorNodes.length;
  const nodeCount = framework.nodes.length;
  const units: UnitRef[] = [];
  const unitIndexByCode = new Map<string, number>();
  const unitFirstRow: number[] = [];

  // First pass into growable columns, because the number of units is known only at the end.
  let capacity = 1024;
  let count = 0;
  let unitOf = new Int32Array(capacity);
  let nodeOf = new Int32Array(capacity);
  let selfOf = new Float64Array(capacity);
  let appraisedOf = new Float64Array(capacity);
  let rawOf = new Float64Array(capacity);
  let flagOf = new Uint8Array(capacity);
  const grow = (): void => {
    capacity *= 2;
    unitOf = widen(unitOf, new Int32Array(capacity));
    nodeOf = widen(nodeOf, new Int32Array(capacity));
    selfOf = widen(selfOf, new Float64Array(capacity));
    appraisedOf = widen(appraisedOf, new Float64Array(capacity));
    rawOf = widen(rawOf, new Float64Array(capacity));
    flagOf = widen(flagOf, new Uint8Array(capacity));
  };
  const firstRowOfCell = new Map<number, number>();

  let rowNumber = 1;
  let dataRows = 0;
  const headerProblems = problems.length > 0;
  const addRow = (cells: readonly (string | undefined)[]): void => {
    rowNumber++;
    if (headerProblems) return;
    if (cells.every((cell) => cell === undefined || cell.trim() === '')) return;
    dataRows++;
    const cell = (column: ScoreColumn): string => {
      const index = columns[column];
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const at = (column: ScoreColumn) => ({ file, row: rowNumber, column: table.header[columns[column] ?? -1] ?? column });

    const unitCode = cell('unitCode');
    if (unitCode === '') {
      report({ code: 'input.missing-unit', location: at('unitCode') });
      return;
    }
    const indicatorCode = cell('indicator');
    const nodeIndex = framework.nodeByCode.get(indicatorCode);
    const node = nodeIndex === undefined ? undefined : framework.nodes[nodeIndex];
    if (nodeIndex === undefined || !node) {
      report({
        code: 'input.unknown-indicator',
        params: { indicator: indicatorCode, framework: framework.document.id },
        location: at('indicator'),
      });
      return;
    }

    let unit = unitIndexByCode.get(unitCode);
    const unitName = cell('unitName') || unitCode;
    if (unit === undefined) {
      unit = units.length;
      units.push({ code: unitCode, name: unitName });
      unitIndexByCode.set(unitCode, unit);
      unitFirstRow.push(rowNumber);
    } else if (columns.unitName !== undefined && cell('unitName') !== '' && units[unit]?.name !== unitName) {
      report({
        code: 'input.unit-name-conflict',
        params: { unit: unitCode, name: unitName, firstName: units[unit]?.name ?? '', firstRow: unitFirstRow[unit] ?? 0 },
        location: at('unitName'),
      });
      return;
    }

    const key = unit * nodeCount + nodeIndex;
    const firstRow = firstRowOfCell.get(key);
    if (firstRow !== undefined) {
      report({
        code: 'input.duplicate-row',
        params: { unit: unitCode, indicator: indicatorCode, firstRow },
        location: at('indicator'),
      });
      return;
    }
    firstRowOfCell.set(key, rowNumber);

    const flagText = cell('notAssessed');
    let notAssessed = false;
    if (flagText !== '') {
      const flag = parseYesNo(flagText);
      if (flag === undefined) {
        report({ code: 'input.bad-flag', params: { value: flagText }, location: at('notAssessed') });
        return;
      }
      notAssessed = flag;
    }

    let self = Number.NaN;
    let appraised = Number.NaN;
    let raw = Number.NaN;
    let rowIsValid = true;
    const isIndicator = node.level === 'indicator';
    // Compiling already gives an indicator of a weighted-mean framework the scale as its maximum.
    const max = node.maxPoints;
    const refuse = (column: ScoreColumn, found: Problem[]): void => {
      for (const problem of found) report({ ...problem, location: at(column) });
      rowIsValid = false;
    };

    const readColumnPoints = (column: 'points' | 'appraisedPoints'): number => {
      const text = cell(column);
      if (text === '') return Number.NaN;
      const read = readPoints(node, text);
      if ('problems' in read) {
        refuse(column, read.problems);
        return Number.NaN;
      }
      return read.points;
    };

    if (
      isIndicator &&
      !Number.isFinite(max) &&
      !notAssessed &&
      (cell('value') !== '' || cell('points') !== '' || cell('appraisedPoints') !== '')
    ) {
      const mainIndex = framework.nodes[node.parent]?.code ?? '';
      report({ code: 'input.no-max-for-indicator', params: { indicator: indicatorCode, mainIndex }, location: at('indicator') });
      return;
    }

    const valueText = cell('value');
    if (valueText !== '') {
      const read = readValue(node, valueText);
      if ('problems' in read) refuse('value', read.problems);
      else if (read.raw !== null) raw = read.raw;
      else self = read.points;
    }
    // Points typed beside a raw value are the unit's own judgement and take precedence. A main
    // index or group is given as a 0–1 value (0,3750 or 37,5%) or as points out of its maximum.
    const typed = readColumnPoints('points');
    const appraisedPoints = readColumnPoints('appraisedPoints');
    if (isIndicator) {
      if (!Number.isNaN(typed)) self = typed;
      appraised = appraisedPoints;
    } else {
      if (!Number.isNaN(typed)) self = max > 0 ? typed / max : Number.NaN;
      if (!Number.isNaN(appraisedPoints)) appraised = max > 0 ? appraisedPoints / max : Number.NaN;
    }
    if (!rowIsValid) return;

    if (count === capacity) grow();
    unitOf[count] = unit;
    nodeOf[count] = nodeIndex;
    selfOf[count] = self;
    appraisedOf[count] = appraised;
    rawOf[count] = raw;
    flagOf[count] = notAssessed ? 1 : 0;
    count++;
  };

  const finish = (): ReadScoreRowsResult => {
    if (!headerProblems && dataRows === 0) report({ code: 'input.empty', location: { file } });

    const sheet = createScoreSheet(framework, units);
    for (let k = 0; k < count; k++) {
      const unit = unitOf[k] as number;
      const node = framework.nodes[nodeOf[k] as number];
      if (!node) continue;
      if (node.level === 'indicator') {
        const cellIndex = unit * indicatorCount + node.indicatorPosition;
        sheet.selfPoints[cellIndex] = selfOf[k] as number;
        sheet.appraisedPoints[cellIndex] = appraisedOf[k] as number;
        sheet.rawValues[cellIndex] = rawOf[k] as number;
        sheet.notAssessed[cellIndex] = flagOf[k] as number;
      } else {
        const arrays = ensureNodeArrays(sheet);
        const cellIndex = unit * nodeCount + node.index;
        const self = selfOf[k] as number;
        const appraised = appraisedOf[k] as number;
        arrays.suppliedSelfValues[cellIndex] = self;
        arrays.suppliedValues[cellIndex] = Number.isNaN(appraised) ? self : appraised;
        arrays.nodeNotAssessed[cellIndex] = flagOf[k] as number;
      }
    }

    // A main index whose indicator points are not published (national DTI) can only be scored from
    // its own value: say so instead of silently scoring it zero.
    if (problems.length === 0) {
      for (const mainNode of framework.mainIndexNodes) {
        const node = framework.nodes[mainNode];
        if (!node || node.unscored || !(node.maxPoints > 0)) continue;
        if (!isScoredFromValue(framework, mainNode)) continue;
        units.forEach((unitRef, unit) => {
          const cellIndex = unit * nodeCount + mainNode;
          const given = sheet.suppliedValues !== undefined && !Number.isNaN(sheet.suppliedValues[cellIndex] as number);
          const skipped = sheet.nodeNotAssessed !== undefined && sheet.nodeNotAssessed[cellIndex] === 1;
          if (!given && !skipped) {
            report({
              code: 'input.missing-main-index-value',
              params: { unit: unitRef.code, mainIndex: node.code },
              location: { file, row: unitFirstRow[unit], code: unitRef.code },
            });
          }
        });
      }
    }

    return { sheet, problems, omittedProblems, dataRows };
  };

  return { addRow, finish };
}

function widen<T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
