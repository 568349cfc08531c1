import { type CompiledNode, parseLocaleNumber, parseYesNo, readValue, samePoints } from '@opendti/core';
import type { Worksheet } from 'exceljs';
import type { Database } from '../../db/database.js';
import { ANSWER_SHEET_NAME } from '../../spreadsheets/read-xlsx-table.js';
import { ANSWER_COLUMNS, createAnswerTemplate } from '../../spreadsheets/write-answer-template.js';
import { type AnswerRow, answersByIndicator } from './answers.service.js';
import type { AssessmentContext } from './assessment-context.js';

/**
 * Offline filling, its first half (seed 001 lets units report "trực tuyến", but many clerks still
 * work in Excel): a unit downloads the answer template of `opendti template` for itself, pre-filled
 * with what it has entered so far. The upload back is `offline-import.service.ts`.
 */

const column = (title: (typeof ANSWER_COLUMNS)[number]): number => ANSWER_COLUMNS.indexOf(title) + 1;
const VALUE_COLUMN = column('Giá trị');
const SELF_POINTS_COLUMN = column('Điểm tự đánh giá');
const NOT_ASSESSED_COLUMN = column('Không đánh giá');
const EXPLANATION_COLUMN = column('Giải trình');
const INDICATOR_COLUMN = column('Mã chỉ số');

export interface UnitTemplate {
  fileName: string;
  bytes: Buffer;
}

/** The unit's answer template, its rows pre-filled with the answers stored now; built in memory. */
export async function writeUnitTemplate(db: Database, context: AssessmentContext): Promise<UnitTemplate> {
  const { framework, unit, period } = context;
  const current = await answersByIndicator(db, context.assessment.id);
  const workbook = await createAnswerTemplate(framework, [{ code: unit.code, name: unit.name }]);
  const sheet = workbook.getWorksheet(ANSWER_SHEET_NAME);
  if (!sheet) throw new Error(`the answer template has no sheet ${ANSWER_SHEET_NAME}`);
  fillAnswers(sheet, context, current);
  const instructions = workbook.getWorksheet('Hướng dẫn');
  instructions?.addRow(['']);
  instructions?.addRow([
    `Phiếu của ${unit.name} (${unit.code}), ${period.name}. Sau khi điền, tải tệp lên tại trang «Tự đánh giá» → «Nhập từ tệp»: ` +
      'mỗi dòng được lưu như khi nhập trên web, dòng nào không hợp lệ sẽ được báo lại kèm lý do. ' +
      'Với chỉ số «Không đánh giá» (x), ghi lý do vào cột «Giải trình».',
  ]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `Phiếu tự đánh giá ${unit.code} ${period.year}.xlsx`, bytes };
}

function fillAnswers(sheet: Worksheet, context: AssessmentContext, current: Map<string, AnswerRow>): void {
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const code = String(row.getCell(INDICATOR_COLUMN).value ?? '');
    const answer = current.get(code);
    const index = context.framework.nodeByCode.get(code);
    const node = index === undefined ? undefined : context.framework.nodes[index];
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
    if (answer.selfPoints !== null && !samePoints(pointsOf(node, answer.value), answer.selfPoints)) {
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
function pointsOf(node: CompiledNode, value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const read = readValue(node, value);
  return 'problems' in read ? null : read.points;
}
