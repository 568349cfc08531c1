import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import {
  type Actor,
  assessmentStateLabel,
  type CompiledNode,
  DomainError,
  formatMessage,
  type Locale,
  type Problem,
  parseLocaleNumber,
  parseYesNo,
  resolveScoreColumns,
  roleLabel,
  scoreRawValue,
  toSearchKey,
  unitCanEditAnswers,
} from '@opendti/core';
import { eq } from 'drizzle-orm';
import type { Worksheet } from 'exceljs';
import type { Database } from '../../db/database.js';
import { answers } from '../../db/schema/index.js';
import { loadExcelJS } from '../../spreadsheets/load-exceljs.js';
import { decodeCsv, parseCsvRows } from '../../spreadsheets/read-csv.js';
import { ANSWER_SHEET_NAME, readXlsxTable } from '../../spreadsheets/read-xlsx-table.js';
import {
  ANSWER_COLUMNS,
  planValidations,
  type RangeValidation,
  templateItems,
  writeAnswerTemplate,
} from '../../spreadsheets/write-answer-template.js';
import { type AnswerInput, type AnswerRow, saveAnswer } from './answers.service.js';
import type { AssessmentContext } from './assessment-context.js';
import { answerableCodes } from './assessments.service.js';

/**
 * Offline filling (seed 001 lets units report "trực tuyến", but many clerks still work in Excel):
 * a unit downloads the answer template of `opendti template` for itself, pre-filled with what it
 * has entered so far, fills it in, and uploads it back. Every row is saved through the same
 * `saveAnswer` as a save from the web form — same validation, same audit, same versioning — and the
 * unit gets a report of what was imported, left as it was, or rejected and why.
 */

const column = (title: (typeof ANSWER_COLUMNS)[number]): number => ANSWER_COLUMNS.indexOf(title) + 1;
const VALUE_COLUMN = column('Giá trị');
const SELF_POINTS_COLUMN = column('Điểm tự đánh giá');
const NOT_ASSESSED_COLUMN = column('Không đánh giá');
const EXPLANATION_COLUMN = column('Giải trình');
const INDICATOR_COLUMN = column('Mã chỉ số');

/** Column titles, besides core's score columns, that the import reads (diacritic-free, snake_case). */
const EXPLANATION_TITLES = ['giai_trinh', 'explanation', 'ghi_chu', 'thuyet_minh'];
const REASON_TITLES = ['ly_do_khong_danh_gia', 'not_assessed_reason', 'ly_do'];

const EPSILON = 1e-9;

export interface UnitTemplate {
  fileName: string;
  bytes: Buffer;
}

/** The unit's answer template, its rows pre-filled with the answers stored now. */
export async function writeUnitTemplate(db: Database, context: AssessmentContext): Promise<UnitTemplate> {
  const { framework, unit, period } = context;
  const current = await currentAnswers(db, context.assessment.id);
  const directory = await mkdtemp(join(tmpdir(), 'opendti-template-'));
  try {
    const path = join(directory, 'template.xlsx');
    await writeAnswerTemplate(framework, [{ code: unit.code, name: unit.name }], path);
    const workbook = new (await loadExcelJS()).Workbook();
    // Validations are planned again below: exceljs expands the ranges it reads into one rule per
    // cell and would write them back as overlapping ranges that Excel "repairs" away.
    await workbook.xlsx.readFile(path, { ignoreNodes: ['dataValidations'] });
    const sheet = workbook.getWorksheet(ANSWER_SHEET_NAME);
    if (!sheet) throw new Error(`the answer template has no sheet ${ANSWER_SHEET_NAME}`);
    fillAnswers(sheet, context, current);
    const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: RangeValidation): void } })
      .dataValidations;
    for (const { range, rule } of planValidations(templateItems(framework), 1)) validations.add(range, rule);
    const instructions = workbook.getWorksheet('Hướng dẫn');
    instructions?.addRow(['']);
    instructions?.addRow([
      `Phiếu của ${unit.name} (${unit.code}), ${period.name}. Sau khi điền, tải tệp lên tại trang «Tự đánh giá» → «Nhập từ tệp»: ` +
        'mỗi dòng được lưu như khi nhập trên web, dòng nào không hợp lệ sẽ được báo lại kèm lý do. ' +
        'Với chỉ số «Không đánh giá» (x), ghi lý do vào cột «Giải trình».',
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `Phiếu tự đánh giá ${unit.code} ${period.year}.xlsx`, bytes };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function currentAnswers(db: Database, assessmentId: string): Promise<Map<string, AnswerRow>> {
  const rows = await db.select().from(answers).where(eq(answers.assessmentId, assessmentId));
  return new Map(rows.map((row) => [row.indicatorCode, row]));
}

function nodeOf(context: AssessmentContext, code: string): CompiledNode | undefined {
  const index = context.framework.nodeByCode.get(code);
  return index === undefined ? undefined : context.framework.nodes[index];
}

/** The maximum an answer is checked against, as `scoreAnswer` does. */
function maxOf(context: AssessmentContext, node: CompiledNode): number {
  return node.level === 'indicator' && context.framework.document.aggregation !== 'sum'
    ? context.framework.scale
    : node.maxPoints;
}

function fillAnswers(sheet: Worksheet, context: AssessmentContext, current: Map<string, AnswerRow>): void {
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const code = String(row.getCell(INDICATOR_COLUMN).value ?? '');
    const answer = current.get(code);
    const node = nodeOf(context, code);
    if (!answer || !node) return;
    if (answer.notAssessed) {
      row.getCell(NOT_ASSESSED_COLUMN).value = 'x';
      row.getCell(EXPLANATION_COLUMN).value = answer.notAssessedReason ?? answer.explanation ?? null;
      return;
    }
    if (node.level === 'mainIndex') {
      // Stored as its 0–1 value, whether typed as a value or as points.
      const value = answer.value ?? (answer.selfPoints === null ? null : String(answer.selfPoints));
      if (value !== null) row.getCell(VALUE_COLUMN).value = cellValueOf(node, value);
      if (answer.explanation) row.getCell(EXPLANATION_COLUMN).value = answer.explanation;
      return;
    }
    if (answer.value !== null) row.getCell(VALUE_COLUMN).value = cellValueOf(node, answer.value);
    // Points typed over what the value gives (the unit's own judgement) go to their own column;
    // otherwise that column stays empty, so that changing the value changes the points.
    if (answer.selfPoints !== null && !sameNumber(pointsOf(context, node, answer.value), answer.selfPoints)) {
      row.getCell(SELF_POINTS_COLUMN).value = answer.selfPoints;
    }
    if (answer.explanation) row.getCell(EXPLANATION_COLUMN).value = answer.explanation;
  });
}

/** Numbers as numbers (Excel formats them the reader's way), yes/no as the list's "có"/"không", ratios as typed. */
function cellValueOf(node: CompiledNode, value: string): string | number {
  const type = node.level === 'mainIndex' ? 'mainIndexValue' : (node.method?.type ?? 'direct');
  if (type === 'yesNo') {
    const answer = parseYesNo(value);
    return answer === undefined ? value : answer ? 'có' : 'không';
  }
  if (type === 'ratio' || type === 'options') return value;
  const number = parseLocaleNumber(value);
  return Number.isFinite(number) ? number : value;
}

/** The points a value stands for, or null (no value, a cohort-scored raw number, or unreadable). */
function pointsOf(context: AssessmentContext, node: CompiledNode, value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const outcome = scoreRawValue(node.method ?? { type: 'direct' }, value, maxOf(context, node));
  return 'points' in outcome ? outcome.points : null;
}

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < EPSILON;
}

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

export interface UploadedSheet {
  fileName: string;
  bytes: Buffer;
}

interface Table {
  header: string[];
  rows: string[][];
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
  const table = await readTable(upload);
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

  const current = await currentAnswers(db, context.assessment.id);
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
    const node = nodeOf(context, code);
    const input = {
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
    const read = readRow(context, node, input, existing);
    if ('problems' in read) {
      reject(...read.problems);
      continue;
    }
    if (isUnchanged(existing, read.answer)) {
      report.push({
        row: rowNumber,
        indicator: code,
        status: 'unchanged',
        message: '',
        selfPoints: existing?.selfPoints ?? null,
      });
      continue;
    }
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

async function readTable(upload: UploadedSheet): Promise<Table> {
  const extension = extname(upload.fileName).toLowerCase();
  if (extension === '.xlsx') {
    // The reader takes a path (the CLI's case): the upload goes through a private temporary file.
    const directory = await mkdtemp(join(tmpdir(), 'opendti-import-'));
    try {
      const path = join(directory, 'upload.xlsx');
      await writeFile(path, upload.bytes);
      const table = await readXlsxTable(path, upload.fileName);
      return { header: [...table.header], rows: [...table.rows].map((row) => row.map((cell) => cell ?? '')) };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
  if (extension === '.csv' || extension === '.txt') {
    const text = decodeCsv(upload.bytes, upload.fileName);
    const table: Table = { header: [], rows: [] };
    let first = true;
    parseCsvRows(text, upload.fileName, (cells) => {
      if (first) table.header = cells;
      else table.rows.push(cells);
      first = false;
    });
    return table;
  }
  throw new DomainError('invalid-input', [
    {
      code: 'input.unreadable',
      params: { detail: `định dạng "${extension || '(không có đuôi)'}" không được hỗ trợ; dùng .xlsx hoặc .csv` },
      location: { file: upload.fileName },
    },
  ]);
}

function findColumn(header: readonly string[], titles: readonly string[]): number | undefined {
  const index = header.findIndex((title) =>
    titles.includes(
      toSearchKey(title ?? '')
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, ''),
    ),
  );
  return index < 0 ? undefined : index;
}

type NextAnswer = Omit<AnswerInput, 'baseVersion'> & { notAssessed: boolean };

/**
 * The answer a row asks for, or why it cannot be saved — checked here with the score reader's
 * problem codes, so the message names the value and the method rather than a generic refusal.
 */
function readRow(
  context: AssessmentContext,
  node: CompiledNode,
  input: { value?: string; points?: string; flag?: string; explanation?: string; reason?: string },
  existing: AnswerRow | undefined,
): { answer: NextAnswer } | { problems: Problem[] } {
  const code = node.code;
  const max = maxOf(context, node);
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
    if (!reason) {
      return {
        problems: [
          {
            code: 'workflow.reason-required',
            params: {
              action: `đánh dấu chỉ số ${code} là "không đánh giá"`,
              actionEn: `mark indicator ${code} as not assessed`,
            },
          },
        ],
      };
    }
    const explanation =
      input.reason !== undefined && input.explanation !== undefined ? input.explanation || null : (existing?.explanation ?? null);
    return {
      answer: {
        value: input.value !== undefined ? input.value || null : (existing?.value ?? null),
        notAssessed: true,
        notAssessedReason: reason,
        explanation,
      },
    };
  }

  const value = input.value !== undefined ? input.value || null : (existing?.value ?? null);
  let points: number | undefined;
  if (input.points) {
    points = parseLocaleNumber(input.points);
    if (!Number.isFinite(points)) return { problems: [{ code: 'input.not-a-number', params: { value: input.points } }] };
    if (points < 0) return { problems: [{ code: 'input.negative-points', params: { points: input.points } }] };
    if (Number.isFinite(max) && points > max + EPSILON) {
      return { problems: [{ code: 'input.points-above-max', params: { points: input.points, max, indicator: code } }] };
    }
  } else if (input.points === undefined && existing && existing.value === null && existing.selfPoints !== null) {
    points = existing.selfPoints; // typed points stay when the file has no points column
  }
  if (value !== null) {
    if (node.level === 'mainIndex') {
      const number = parseLocaleNumber(value);
      if (!Number.isFinite(number) || number < 0 || number > 1 + EPSILON) {
        return {
          problems: [
            { code: 'input.value-level', params: { indicator: code, kind: 'chỉ số chính', kindEn: 'main index', value } },
          ],
        };
      }
    } else {
      const method = node.method ?? { type: 'direct' as const };
      const outcome = scoreRawValue(method, value, max);
      if ('expected' in outcome) {
        return {
          problems: [{ code: 'input.bad-value', params: { value, method: method.type, expected: outcome.expected } }],
        };
      }
      if ('points' in outcome && outcome.points > max + EPSILON) {
        return { problems: [{ code: 'input.points-above-max', params: { points: value, max, indicator: code } }] };
      }
      if ('points' in outcome && outcome.points < 0) {
        return { problems: [{ code: 'input.negative-points', params: { points: value } }] };
      }
    }
  }
  const explanation = input.explanation !== undefined ? input.explanation || null : (existing?.explanation ?? null);
  return {
    answer: { value, ...(points !== undefined ? { points } : {}), notAssessed: false, notAssessedReason: null, explanation },
  };
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

function isUnchanged(existing: AnswerRow | undefined, next: NextAnswer): boolean {
  if (!existing) {
    return next.value === null && next.points === undefined && !next.notAssessed && !next.explanation;
  }
  if (existing.notAssessed !== next.notAssessed) return false;
  if (next.notAssessed) {
    return sameText(existing.notAssessedReason, next.notAssessedReason) && sameText(existing.explanation, next.explanation);
  }
  const samePoints =
    next.points === undefined || next.points === null
      ? !(existing.value === null && existing.selfPoints !== null)
      : sameNumber(existing.selfPoints, next.points);
  return sameValue(existing.value, next.value ?? null) && samePoints && sameText(existing.explanation, next.explanation);
}
