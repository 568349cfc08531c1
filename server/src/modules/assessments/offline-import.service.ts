import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type Actor,
  type AnswerNode,
  assessmentStateLabel,
  DomainError,
  findColumn,
  formatMessage,
  type Locale,
  type Problem,
  parseLocaleNumber,
  parseYesNo,
  readAnswer,
  readPoints,
  resolveScoreColumns,
  roleLabel,
  samePoints,
  unitCanEditAnswers,
} from '@opendti/core';
import type { Database } from '../../db/database.js';
import type { RowBound } from '../../spreadsheets/read-csv.js';
import { readSpreadsheet } from '../../spreadsheets/read-spreadsheet.js';
import { ANSWER_COLUMNS } from '../../spreadsheets/write-answer-template.js';
import { type AnswerInput, type AnswerRow, answersByIndicator, saveAnswer } from './answers.service.js';
import type { AssessmentContext } from './assessment-context.js';
import { answerableCodes } from './assessments.service.js';

/**
 * Offline filling, its second half: the unit uploads the template it filled in (or any table with
 * the same columns). Every row is read by core's answer rules and saved through the same
 * `saveAnswer` as a save from the web form — same validation, same audit, same versioning — and the
 * unit gets a report of what was imported, left as it was, or rejected and why. The upload is read
 * in memory; nothing touches the disk.
 */

/** Column titles, besides core's score columns, that the import reads (as core's `toColumnKey` gives them). */
const EXPLANATION_TITLES = ['giai_trinh', 'explanation', 'ghi_chu', 'thuyet_minh'];
const REASON_TITLES = ['ly_do_khong_danh_gia', 'not_assessed_reason', 'ly_do'];

export type ImportStatus = 'imported' | 'unchanged' | 'rejected';

export interface ImportRowReport {
  /** The row as the spreadsheet shows it (the header is row 1). */
  row: number;
  indicator: string;
  status: ImportStatus;
  message: string;
  /** The self points stored after the row (imported or unchanged). */
  selfPoints: number | null;
}

export interface ImportReport {
  file: string;
  rows: ImportRowReport[];
  imported: number;
  unchanged: number;
  rejected: number;
}

/**
 * Rows a unit's file may hold beyond one per indicator and main index: blank separators, a row the
 * clerk repeated (reported as a duplicate), notes under the table. Small on purpose: the bound is
 * what keeps one upload from occupying the server (issue 9: 1.7 M rows, 3.9 GB, 111 s).
 */
export const IMPORT_SPARE_ROWS = 50;

/**
 * The most rows an import into this assessment can need: one unit, so one row per indicator and
 * per main index of its framework (a framework without published indicator points is answered per
 * main index), plus IMPORT_SPARE_ROWS.
 */
export function maxImportRows(context: AssessmentContext): RowBound {
  const { framework } = context;
  const answerableRows = framework.indicatorNodes.length + framework.mainIndexNodes.length;
  return {
    maxRows: answerableRows + IMPORT_SPARE_ROWS,
    basis: {
      vi: `đơn vị ${context.unit.code} có ${answerableRows} chỉ số và chỉ số chính, cộng ${IMPORT_SPARE_ROWS} dòng dự phòng`,
      en: `unit ${context.unit.code} has ${answerableRows} indicators and main indices, plus ${IMPORT_SPARE_ROWS} spare rows`,
    },
  };
}

export interface UploadedSheet {
  fileName: string;
  bytes: Buffer;
}

/**
 * Saves the rows of an uploaded answer sheet (.xlsx or .csv) that belong to this unit, each with
 * the version stored now. A row of another unit, an unknown indicator, a value the method cannot
 * read or points above the maximum is rejected with a message in `locale`; the other rows are
 * saved. A column the file does not have leaves that part of the answer as it is.
 */
export async function importAnswers(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  upload: UploadedSheet,
  locale: Locale,
): Promise<ImportReport> {
  requireAnswersEditable(context, locale);
  const table = await readSpreadsheet(upload.bytes, upload.fileName, maxImportRows(context));
  const columns = resolveScoreColumns(table.header);
  const explanationColumn = findColumn(table.header, EXPLANATION_TITLES);
  const reasonColumn = findColumn(table.header, REASON_TITLES);
  const missing: Problem[] = [];
  for (const [key, title] of [
    ['unitCode', 'Mã đơn vị'],
    ['indicator', 'Mã chỉ số'],
  ] as const) {
    if (columns[key] === undefined) {
      missing.push({
        code: 'input.missing-column',
        params: { column: title, expected: ANSWER_COLUMNS.join(', ') },
        location: { file: upload.fileName, row: 1 },
      });
    }
  }
  if (missing.length > 0) throw new DomainError('invalid-input', missing);

  const current = await answersByIndicator(db, context.assessment.id);
  const answerable = new Set(answerableCodes(context));
  const firstRowOf = new Map<string, number>();
  const report: ImportRowReport[] = [];
  const message = (problems: Problem[]) => problems.map((problem) => formatMessage(problem, locale)).join('; ');

  let dataRows = 0;
  for (const [index, cells] of table.rows.entries()) {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell.trim() === '')) continue;
    dataRows++;
    const cell = (position: number | undefined): string | undefined =>
      position === undefined ? undefined : (cells[position] ?? '').trim();
    const code = cell(columns.indicator) ?? '';
    const reject = (...problems: Problem[]) =>
      report.push({ row: rowNumber, indicator: code, status: 'rejected', message: message(problems), selfPoints: null });

    const unitCode = cell(columns.unitCode) ?? '';
    if (unitCode === '') {
      reject({ code: 'input.missing-unit' });
      continue;
    }
    if (unitCode.toLowerCase() !== context.unit.code.toLowerCase()) {
      reject({
        code: 'access.forbidden',
        params: {
          role: roleLabel(actor.role, 'vi'),
          roleEn: roleLabel(actor.role, 'en'),
          what: `nhập số liệu của đơn vị "${unitCode}" (tệp này chỉ nhận các dòng của đơn vị ${context.unit.code})`,
          whatEn: `enter data for unit "${unitCode}" (this file takes only the rows of unit ${context.unit.code})`,
        },
      });
      continue;
    }
    const nodeIndex = context.framework.nodeByCode.get(code);
    const node = nodeIndex === undefined ? undefined : context.framework.nodes[nodeIndex];
    const input: ImportCells = {
      value: cell(columns.value),
      points: cell(columns.points),
      flag: cell(columns.notAssessed),
      explanation: cell(explanationColumn),
      reason: cell(reasonColumn),
    };
    const blank = [input.value, input.points, input.flag, input.explanation, input.reason].every((text) => !text);
    if (!node || (!answerable.has(code) && !blank)) {
      const mainIndex = node?.level === 'indicator' ? context.framework.nodes[node.parent] : undefined;
      if (node && mainIndex && answerable.has(mainIndex.code)) {
        reject({ code: 'input.no-max-for-indicator', params: { indicator: code, mainIndex: mainIndex.code } });
      } else {
        reject({ code: 'input.unknown-indicator', params: { indicator: code, framework: context.framework.document.id } });
      }
      continue;
    }
    // A blank row of an indicator not answered yet, or not answered at all (not scored): nothing to say.
    if (!answerable.has(code) || (blank && !current.has(code))) continue;
    const firstRow = firstRowOf.get(code);
    if (firstRow !== undefined) {
      reject({ code: 'input.duplicate-row', params: { unit: unitCode, indicator: code, firstRow } });
      continue;
    }
    firstRowOf.set(code, rowNumber);

    const existing = current.get(code);
    const read = readImportRow(node, input, existing);
    if ('problems' in read) {
      reject(...read.problems);
      continue;
    }
    if (isUnchanged(existing, read.answer, read.selfPoints)) {
      report.push({
        row: rowNumber,
        indicator: code,
        status: 'unchanged',
        message: '',
        selfPoints: existing?.selfPoints ?? null,
      });
      continue;
    }
    // One turn of the event loop per save: the embedded database runs each statement on this
    // thread and answers through microtasks, so without it a file's saves would run as one block
    // and every other request would wait for the whole file (1.7 s measured for 68 rows).
    await nextTurn();
    try {
      const saved = await saveAnswer(db, actor, context, code, { ...read.answer, baseVersion: existing?.version ?? 0 });
      current.set(code, saved);
      report.push({ row: rowNumber, indicator: code, status: 'imported', message: '', selfPoints: saved.selfPoints });
    } catch (error) {
      // One bad row must not stop the others: the unit gets the reason on that row.
      if (!(error instanceof DomainError)) throw error;
      reject(...error.problems);
    }
  }
  if (dataRows === 0) throw new DomainError('invalid-input', [{ code: 'input.empty', location: { file: upload.fileName } }]);
  return {
    file: upload.fileName,
    rows: report,
    imported: report.filter((row) => row.status === 'imported').length,
    unchanged: report.filter((row) => row.status === 'unchanged').length,
    rejected: report.filter((row) => row.status === 'rejected').length,
  };
}

/** Answers change only while the unit self-assesses; checked before an upload is read, and again per row. */
export function requireAnswersEditable(context: AssessmentContext, locale: Locale): void {
  if (!unitCanEditAnswers(context.assessment.state)) {
    throw new DomainError('conflict', [
      { code: 'workflow.locked', params: { state: assessmentStateLabel(context.assessment.state, locale) } },
    ]);
  }
}

/** The cells of one row the import reads; undefined where the file has no such column. */
export interface ImportCells {
  value?: string | undefined;
  points?: string | undefined;
  flag?: string | undefined;
  explanation?: string | undefined;
  reason?: string | undefined;
}

type NextAnswer = Omit<AnswerInput, 'baseVersion'> & { notAssessed: boolean };

/**
 * The answer a row asks for — its cells over the answer stored now, where the file has no such
 * column — and the self points it scores, or why it cannot be saved, by core's answer rules (`readAnswer`), so the message names
 * the value, the method and the indicator as a save from the web form would.
 */
export function readImportRow(
  node: AnswerNode,
  input: ImportCells,
  existing: AnswerRow | undefined,
): { answer: NextAnswer; selfPoints: number | null } | { problems: Problem[] } {
  const checked = (answer: NextAnswer) => {
    const reading = readAnswer(node, answer);
    return 'problems' in reading ? reading : { answer, selfPoints: reading.answer.selfPoints };
  };
  let notAssessed = existing?.notAssessed ?? false;
  if (input.flag !== undefined) {
    const flag = input.flag === '' ? false : parseYesNo(input.flag);
    if (flag === undefined) return { problems: [{ code: 'input.bad-flag', params: { value: input.flag } }] };
    notAssessed = flag;
  }
  if (notAssessed) {
    // The template has no reason column: the explanation of a not-assessed row is its reason.
    const reason =
      input.reason !== undefined
        ? input.reason
        : input.explanation !== undefined
          ? input.explanation
          : (existing?.notAssessedReason ?? '');
    const explanation =
      input.reason !== undefined && input.explanation !== undefined ? input.explanation || null : (existing?.explanation ?? null);
    return checked({
      value: input.value !== undefined ? input.value || null : (existing?.value ?? null),
      notAssessed: true,
      notAssessedReason: reason,
      explanation,
    });
  }

  const value = input.value !== undefined ? input.value || null : (existing?.value ?? null);
  let points: number | undefined;
  if (input.points) {
    const read = readPoints(node, input.points);
    if ('problems' in read) return read;
    points = read.points;
  } else if (input.points === undefined && existing && existing.value === null && existing.selfPoints !== null) {
    // Typed points stay when the file has no points column. A main index stores its 0–1 value in
    // their place, which is points out of its maximum again.
    points = node.level === 'mainIndex' ? existing.selfPoints * node.maxPoints : existing.selfPoints;
  }
  const explanation = input.explanation !== undefined ? input.explanation || null : (existing?.explanation ?? null);
  return checked({
    value,
    ...(points !== undefined ? { points } : {}),
    notAssessed: false,
    notAssessedReason: null,
    explanation,
  });
}

/** "7,5" and "7.5", "Có" and "x" are the same answer: re-saving them would only bump the version. */
function sameValue(a: string | null, b: string | null): boolean {
  const left = a?.trim() ?? '';
  const right = b?.trim() ?? '';
  if (left === right) return true;
  if (left === '' || right === '') return false;
  const leftNumber = parseLocaleNumber(left);
  if (Number.isFinite(leftNumber) && leftNumber === parseLocaleNumber(right)) return true;
  const leftFlag = parseYesNo(left);
  return leftFlag !== undefined && leftFlag === parseYesNo(right);
}

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a?.trim() ?? '') === (b?.trim() ?? '');
}

/** `selfPoints`: what `next` scores, so that a main index typed as points compares as its 0–1 value. */
export function isUnchanged(existing: AnswerRow | undefined, next: NextAnswer, selfPoints: number | null): boolean {
  if (!existing) {
    return next.value === null && next.points === undefined && !next.notAssessed && !next.explanation;
  }
  if (existing.notAssessed !== next.notAssessed) return false;
  if (next.notAssessed) {
    return sameText(existing.notAssessedReason, next.notAssessedReason) && sameText(existing.explanation, next.explanation);
  }
  const samePointsAsStored =
    next.points === undefined || next.points === null
      ? !(existing.value === null && existing.selfPoints !== null)
      : samePoints(existing.selfPoints, selfPoints);
  return sameValue(existing.value, next.value ?? null) && samePointsAsStored && sameText(existing.explanation, next.explanation);
}
