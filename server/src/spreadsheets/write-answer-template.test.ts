import { type CompiledFramework, compileFramework, presentCohort, readScoreRows, scoreCohort, type UnitRef } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import ExcelJS, { type Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from './read-xlsx-table.js';
import {
  ANSWER_COLUMNS,
  type PlannedValidation,
  planValidations,
  templateItems,
  writeAnswerTemplate,
} from './write-answer-template.js';

const units: UnitRef[] = [
  { code: 'H01', name: 'Thành phố Điện Biên Phủ' },
  { code: 'H02', name: 'Huyện Mường Nhé' },
];

/** Every method the built-in library does not use yet. */
const methodsFramework = compileFramework({
  id: 'demo-methods',
  name: 'Bộ chỉ số thử nghiệm',
  year: 2024,
  unitKind: 'commune',
  legalBasis: { document: '1/QĐ-UBND', date: '2024-01-02', issuer: 'Ủy ban nhân dân xã' },
  aggregation: 'sum',
  maxPoints: 60,
  precision: 4,
  mainIndices: [
    {
      code: '1',
      name: 'Chỉ số thử',
      maxPoints: 60,
      indicators: [
        {
          code: '1.1',
          name: 'Số cuộc họp',
          maxPoints: 20,
          method: {
            type: 'thresholds',
            steps: [
              { atLeast: 4, points: 20 },
              { atLeast: 3, points: 15 },
            ],
          },
        },
        {
          code: '1.2',
          name: 'Trưởng ban chỉ đạo',
          maxPoints: 10,
          method: {
            type: 'options',
            options: [
              { code: 'head', label: 'Người đứng đầu', points: 10 },
              { code: 'deputy', label: 'Cấp phó', points: 5 },
            ],
          },
        },
        { code: '1.3', name: 'Số dịch vụ công trực tuyến', maxPoints: 20, method: { type: 'relativeToBest' } },
        { code: '1.4', name: 'Tỷ lệ hồ sơ trực tuyến', maxPoints: 10, method: { type: 'minMax', direction: 1 } },
      ],
    },
  ],
});

function builtin(id: string): CompiledFramework {
  return compileFramework(loadBuiltinFramework(id));
}

async function writeAndOpen(framework: CompiledFramework): Promise<{ bytes: Uint8Array; workbook: ExcelJS.Workbook }> {
  const bytes = await writeAnswerTemplate(framework, units);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return { bytes, workbook };
}

/** The workbook as a clerk saves it after filling it in. */
async function save(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function answerSheet(workbook: ExcelJS.Workbook): Worksheet {
  const sheet = workbook.getWorksheet('Nhập liệu');
  if (!sheet) throw new Error('no answer sheet');
  return sheet;
}

/** Row number of (unit, indicator) in the answer sheet. */
function rowOf(sheet: Worksheet, unit: string, code: string): number {
  for (let row = 2; row <= sheet.rowCount; row++) {
    if (sheet.getCell(row, 1).value === unit && sheet.getCell(row, 3).value === code) return row;
  }
  throw new Error(`no row for ${unit} ${code}`);
}

describe('writeAnswerTemplate', () => {
  it('writes the three sheets, one answer row per unit and indicator, with the exact header', async () => {
    const framework = builtin('dienbien-2022-district');
    const { workbook } = await writeAndOpen(framework);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Hướng dẫn', 'Nhập liệu', 'Bộ chỉ số']);

    const sheet = answerSheet(workbook);
    expect(sheet.getRow(1).values).toEqual([undefined, ...ANSWER_COLUMNS]);
    expect(sheet.rowCount).toBe(1 + units.length * 68);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Units in the given order, indicators in framework order.
    expect([2, 3, 69, 70].map((row) => [sheet.getCell(row, 1).value, sheet.getCell(row, 3).value])).toEqual([
      ['H01', '1.1'],
      ['H01', '1.2'],
      ['H01', framework.nodes[framework.indicatorNodes[67] ?? -1]?.code],
      ['H02', '1.1'],
    ]);
    expect(sheet.getCell(2, 5).value).toBe(5);
    expect(sheet.getCell(2, 6).value).toBe('Có/Không');

    const guide = workbook.getWorksheet('Hướng dẫn');
    const guideText = (guide?.getSheetValues() ?? []).flat().join('\n');
    expect(guideText).toContain(framework.document.name);
    expect(guideText).toContain('2001/QĐ-UBND ngày 31/10/2022 của Ủy ban nhân dân tỉnh Điện Biên');
    expect(guideText).toContain('opendti score --framework dienbien-2022-district --input');

    const tree = workbook.getWorksheet('Bộ chỉ số');
    const treeCodes = (tree?.getColumn(2).values ?? []).slice(2);
    expect(treeCodes).toHaveLength(1 + 2 + 8 + 68); // framework, groups, main indices, indicators
  });

  it("writes what a ratio's a and b count, the evidence and the guidance beside each indicator", async () => {
    const guided = compileFramework({
      ...methodsFramework.document,
      maxPoints: 10,
      mainIndices: [
        {
          code: '2',
          name: 'Chỉ số có hướng dẫn',
          maxPoints: 10,
          indicators: [
            {
              code: '2.1',
              name: 'Tỷ lệ cán bộ được tập huấn',
              maxPoints: 10,
              method: { type: 'ratio' },
              numeratorLabel: 'Số cán bộ được tập huấn',
              denominatorLabel: 'Tổng số cán bộ',
              evidence: 'Danh sách cán bộ',
              guidance: 'Tỷ lệ × điểm tối đa',
            },
          ],
        },
      ],
    });
    const { workbook } = await writeAndOpen(guided);
    const tree = workbook.getWorksheet('Bộ chỉ số');
    if (!tree) throw new Error('no framework sheet');
    const header = (tree.getRow(1).values as unknown[]).slice(1);
    const row = (tree.getSheetValues() as unknown[][]).find((values) => values?.[2] === '2.1') ?? [];
    const cell = (title: string) => row[header.indexOf(title) + 1];
    expect(cell('Tử số (a)')).toBe('Số cán bộ được tập huấn');
    expect(cell('Mẫu số (b)')).toBe('Tổng số cán bộ');
    expect(cell('Tài liệu kiểm chứng')).toBe('Danh sách cán bộ');
    expect(cell('Hướng dẫn')).toBe('Tỷ lệ × điểm tối đa');
  });

  it('puts a validation on every input cell, matching the scoring method of the row', async () => {
    const { workbook } = await writeAndOpen(builtin('dienbien-2022-district'));
    const sheet = answerSheet(workbook);
    const yesNo = rowOf(sheet, 'H02', '1.1');
    const direct = rowOf(sheet, 'H02', '1.2');
    const ratio = rowOf(sheet, 'H02', '3.1');

    expect(sheet.getCell(yesNo, 7).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"có,không"'],
      showErrorMessage: true,
    });
    expect(sheet.getCell(direct, 7).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      showErrorMessage: true,
    });
    expect(sheet.getCell(ratio, 7).dataValidation).toMatchObject({ type: 'any', showInputMessage: true });
    expect(sheet.getCell(ratio, 7).dataValidation.prompt).toContain('12/15');
    expect(sheet.getCell(ratio, 7).numFmt).toBe('@');
    for (const column of [8, 9]) {
      expect(sheet.getCell(ratio, column).dataValidation).toMatchObject({
        type: 'decimal',
        operator: 'between',
        showErrorMessage: true,
        showInputMessage: true,
      });
    }
    expect(sheet.getCell(sheet.rowCount, 10).dataValidation).toMatchObject({ type: 'list', formulae: ['"x"'] });
  });

  it('plans validations that cover each input cell exactly once and read the maximum of their own row', () => {
    // exceljs reads a cell reference in a decimal rule back as NaN, so the references are checked
    // on the plan the writer applies.
    const framework = builtin('dienbien-2022-district');
    const items = templateItems(framework);
    const unitCount = 3;
    const lastRow = 1 + unitCount * items.length;
    const planned = planValidations(items, unitCount);

    expect(planned.filter(({ range }) => !range.startsWith('G'))).toEqual([
      { range: `H2:H${lastRow}`, rule: expect.objectContaining({ type: 'decimal', formulae: ['0', '$E2'] }) },
      { range: `I2:I${lastRow}`, rule: expect.objectContaining({ type: 'decimal', formulae: ['0', '$E2'] }) },
      { range: `J2:J${lastRow}`, rule: expect.objectContaining({ type: 'list', formulae: ['"x"'] }) },
    ]);

    const covered = new Map<number, PlannedValidation>();
    for (const validation of planned.filter(({ range }) => range.startsWith('G'))) {
      const [first = 0, last = first] = validation.range.split(':').map((cell) => Number(cell.slice(1)));
      if (validation.rule.type === 'decimal' && validation.rule.operator === 'between') {
        expect(validation.rule.formulae).toEqual(['0', `$E${first}`]);
      }
      for (let row = first; row <= last; row++) {
        expect(covered.has(row)).toBe(false);
        covered.set(row, validation);
      }
    }
    expect([...covered.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: lastRow - 1 }, (_, index) => index + 2));
    items.forEach((item, index) => {
      const rule = covered.get(2 + items.length + index)?.rule; // the second unit
      const expected = { yesNo: 'list', ratio: 'any', points: 'decimal' }[item.input.kind as 'yesNo' | 'ratio' | 'points'];
      expect(rule?.type).toBe(expected);
    });
    expect(planValidations(items, 0)).toEqual([]);

    // Past these lengths Excel declares the file corrupt and drops the validations.
    for (const { rule } of planValidations(templateItems(methodsFramework), 2).concat(planned)) {
      expect(rule.promptTitle?.length ?? 0).toBeLessThanOrEqual(32);
      expect(rule.errorTitle?.length ?? 0).toBeLessThanOrEqual(32);
      expect(rule.prompt?.length ?? 0).toBeLessThanOrEqual(255);
      expect(rule.error?.length ?? 0).toBeLessThanOrEqual(225);
      if (rule.type === 'list') expect(String(rule.formulae[0]).length).toBeLessThanOrEqual(257);
    }
  });

  it('handles thresholds, options and cohort-relative methods', async () => {
    const { workbook } = await writeAndOpen(methodsFramework);
    const sheet = answerSheet(workbook);
    expect(sheet.getColumn(6).values.slice(2, 6)).toEqual([
      'Theo ngưỡng: ≥4 → 20; ≥3 → 15',
      'Chọn: head = 10, deputy = 5',
      'So với đơn vị cao nhất',
      'Chuẩn hoá min–max',
    ]);
    expect(sheet.getCell(2, 7).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet.getCell(3, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"head,deputy"'] });
    expect(sheet.getCell(4, 7).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });

    const answers: Record<string, (string | number)[]> = { H01: [4, 'deputy', 10, 0.5], H02: [3, 'head', 4, 0.9] };
    for (let row = 2; row <= sheet.rowCount; row++) {
      const unitAnswers = answers[String(sheet.getCell(row, 1).value)] ?? [];
      sheet.getCell(row, 7).value = unitAnswers[(row - 2) % 4] ?? null;
    }
    const read = readScoreRows(methodsFramework, await readXlsxTable(await save(workbook), 'methods.xlsx'));
    expect(read.problems).toEqual([]);
    const results = presentCohort(scoreCohort(read.sheet));
    // H01: 20 + 5 + 20 (the best count) + 0 (the lowest); H02: 15 + 10 + 4/10 × 20 + 10.
    expect(results.units.map((unit) => [unit.code, unit.points, unit.rank])).toEqual([
      ['H01', 45, 1],
      ['H02', 43, 2],
    ]);
  });

  it('scores a filled-in template: yes/no, ratio, direct points and not assessed', async () => {
    const framework = builtin('dienbien-2022-district');
    const { bytes, workbook } = await writeAndOpen(framework);

    // Left empty, the template reads without a single problem.
    const empty = readScoreRows(framework, await readXlsxTable(bytes, 'round-trip.xlsx'));
    expect(empty.problems).toEqual([]);
    expect(empty.dataRows).toBe(2 * 68);

    const sheet = answerSheet(workbook);
    sheet.getCell(rowOf(sheet, 'H01', '1.1'), 7).value = 'có'; // yes/no, 5 points
    sheet.getCell(rowOf(sheet, 'H01', '1.2'), 7).value = 7; // direct, of 10
    sheet.getCell(rowOf(sheet, 'H01', '1.4'), 10).value = 'x'; // not assessed: 10 points leave the maximum
    sheet.getCell(rowOf(sheet, 'H01', '3.1'), 7).value = '12/15'; // ratio of 5 points → 4
    sheet.getCell(rowOf(sheet, 'H02', '3.1'), 7).value = '80%';
    sheet.getCell(rowOf(sheet, 'H02', '3.1'), 9).value = 3; // the council's points win

    const read = readScoreRows(framework, await readXlsxTable(await save(workbook), 'round-trip.xlsx'));
    expect(read.problems).toEqual([]);
    const results = presentCohort(scoreCohort(read.sheet));
    const [first, second] = results.units;
    const mainIndex = (code: string) => first?.mainIndices.find((node) => node.code === code);
    expect(mainIndex('1')).toMatchObject({ points: 12, max: 40 });
    expect(mainIndex('3')).toMatchObject({ points: 4, max: 50 });
    expect(first).toMatchObject({ code: 'H01', name: 'Thành phố Điện Biên Phủ', points: 16, max: 490, value: 0.0327, rank: 1 });
    expect(second).toMatchObject({ code: 'H02', points: 3, selfPoints: 4, max: 500, rank: 2 });
  });

  it('gives a framework scored from main-index values one row per unit and main index', async () => {
    const framework = builtin('dti-province-2022');
    const { workbook } = await writeAndOpen(framework);
    const sheet = answerSheet(workbook);
    // 9 main indices, of which Đô thị thông minh carries no points.
    expect(sheet.rowCount).toBe(1 + units.length * 8);
    expect(sheet.getCell(2, 3).value).toBe('1');
    expect(sheet.getCell(2, 5).value).toBe(100);
    expect(sheet.getCell(2, 6).value).toBe('Giá trị 0–1 của chỉ số chính');
    expect(sheet.getCell(2, 7).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1] }); // exceljs reads numbers back as numbers

    for (let row = 2; row <= sheet.rowCount; row++)
      sheet.getCell(row, 7).value = sheet.getCell(row, 1).value === 'H01' ? 0.5 : 0.25;
    const read = readScoreRows(framework, await readXlsxTable(await save(workbook), 'dti.xlsx'));
    expect(read.problems).toEqual([]);
    const results = presentCohort(scoreCohort(read.sheet));
    expect(results.units.map((unit) => [unit.code, unit.mainIndices[0]?.value, unit.rank])).toEqual([
      ['H01', 0.5, 1],
      ['H02', 0.25, 2],
    ]);
  });

  it('reads back an empty template of a weighted-mean framework without problems', async () => {
    const framework = builtin('ict-index-2018');
    const { bytes } = await writeAndOpen(framework);
    const read = readScoreRows(framework, await readXlsxTable(bytes, 'ict.xlsx'));
    expect(read.problems).toEqual([]);
    expect(read.dataRows).toBe(units.length * templateItems(framework).length);
  });

  it('writes a header-only answer sheet when there are no units', async () => {
    const bytes = await writeAnswerTemplate(builtin('dienbien-2022-department'), []);
    const table = await readXlsxTable(bytes, 'no-units.xlsx');
    expect(table.header).toEqual([...ANSWER_COLUMNS]);
    expect([...table.rows]).toEqual([]);
  });
});
