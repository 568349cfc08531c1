import {
  type CompiledFramework,
  type CompiledNode,
  describeMethod,
  type IndicatorDefinition,
  isScoredFromValue,
  type ScoringMethod,
  type UnitRef,
} from '@opendti/core';
import type { DataValidation, Fill, Workbook, Worksheet } from 'exceljs';
import { loadExcelJS } from './load-exceljs.js';
import { ANSWER_SHEET_NAME } from './read-xlsx-table.js';

/**
 * The answer template (phiếu nhập liệu): the spreadsheet units fill in offline and send back to be
 * scored with `opendti score`. Three sheets: instructions, the answer rows, and the framework tree.
 */

/** Column titles of the answer sheet; `resolveScoreColumns` in core recognises the ones it scores. */
export const ANSWER_COLUMNS = [
  'Mã đơn vị',
  'Tên đơn vị',
  'Mã chỉ số',
  'Tên chỉ số',
  'Điểm tối đa',
  'Cách chấm',
  'Giá trị',
  'Điểm tự đánh giá',
  'Điểm thẩm định',
  'Không đánh giá',
  'Giải trình',
] as const;

const COLUMN_WIDTHS = [14, 28, 10, 60, 10, 30, 14, 14, 14, 12, 40];
/** 1-based positions of the columns that are styled or that validations refer to. */
const INDICATOR_NAME_COLUMN = 4;
const MAX_COLUMN = 5;
const METHOD_COLUMN = 6;
const VALUE_COLUMN = 7;
const SELF_POINTS_COLUMN = 8;
const APPRAISED_POINTS_COLUMN = 9;
const NOT_ASSESSED_COLUMN = 10;
const EXPLANATION_COLUMN = 11;
const WRAPPED_COLUMNS = new Set([INDICATOR_NAME_COLUMN, METHOD_COLUMN, EXPLANATION_COLUMN]);

/** The answer sheet has 11 columns, A to K: one letter each. */
const letter = (column: number): string => String.fromCharCode(64 + column);

/**
 * Excel drops every data validation of a sheet (after a "repair" prompt) past about 64,000
 * <dataValidation> elements. The value column needs one per run of alike rows, so a cohort of
 * thousands of units could reach it; past this budget the value column goes without validation.
 */
const MAX_VALUE_VALIDATION_RANGES = 60_000;

const MAIN_INDEX_VALUE_METHOD = 'Giá trị 0–1 của chỉ số chính';
const INPUT_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** How the "Giá trị" cell of a row is typed and checked. */
export type ValueInput =
  | { kind: 'yesNo' }
  | { kind: 'ratio' }
  | { kind: 'count' }
  | { kind: 'cohortRaw' }
  | { kind: 'options'; codes: string[] }
  | { kind: 'points' }
  | { kind: 'mainIndexValue' }
  /** Free text checked by core on import: parts ("Q1=…; Q2=…"), named figures ("a=…; b=…") or a count or "không". */
  | { kind: 'entries'; title: string; prompt: string };

/** One answer row per unit: an indicator, or a main index scored from its published value. */
export interface TemplateItem {
  node: CompiledNode;
  max: number;
  method: string;
  input: ValueInput;
}

/** The answer template for `units` as .xlsx bytes: what `opendti template` writes to its output. */
export async function writeAnswerTemplate(framework: CompiledFramework, units: UnitRef[]): Promise<Uint8Array> {
  return new Uint8Array(await (await createAnswerTemplate(framework, units)).xlsx.writeBuffer());
}

/**
 * The answer template as a workbook, for a caller that adds to it before writing it (a unit's
 * template pre-filled with its answers). The answer sheet's validations are already in place.
 */
export async function createAnswerTemplate(framework: CompiledFramework, units: UnitRef[]): Promise<Workbook> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'OpenDTI';
  workbook.title = `Phiếu nhập liệu — ${framework.document.name}`;
  const items = templateItems(framework);
  writeInstructions(workbook.addWorksheet('Hướng dẫn'), framework, items);
  writeAnswerSheet(workbook.addWorksheet(ANSWER_SHEET_NAME), items, units);
  writeFrameworkTree(workbook.addWorksheet('Bộ chỉ số'), framework);
  return workbook;
}

/**
 * The rows each unit answers, in framework order. A main index whose indicators carry no published
 * points (national DTI 2022) can only be scored from its 0–1 value, so it gets one row of its own
 * and its indicators none (`readScoreRows` rejects points for them); an unscored main index with
 * nothing to score gets no row.
 */
export function templateItems(framework: CompiledFramework): TemplateItem[] {
  const items: TemplateItem[] = [];
  for (const mainIndex of framework.mainIndexNodes) {
    const mainNode = framework.nodes[mainIndex];
    if (!mainNode) continue;
    const children = mainNode.children.flatMap((child) => framework.nodes[child] ?? []);
    const scoredFromValue = !mainNode.unscored && mainNode.maxPoints > 0 && isScoredFromValue(framework, mainIndex);
    if (scoredFromValue) {
      items.push({ node: mainNode, max: mainNode.maxPoints, method: MAIN_INDEX_VALUE_METHOD, input: { kind: 'mainIndexValue' } });
      continue;
    }
    for (const child of children) {
      if (!Number.isFinite(child.maxPoints)) continue;
      const method = child.method ?? { type: 'direct' };
      items.push({ node: child, max: child.maxPoints, method: describeMethod(method), input: valueInputOf(method) });
    }
  }
  return items;
}

function valueInputOf(method: ScoringMethod): ValueInput {
  switch (method.type) {
    case 'yesNo':
      return { kind: 'yesNo' };
    case 'ratio':
      if (method.inputs && method.inputs.length > 0) {
        return {
          kind: 'entries',
          title: 'Tỷ lệ từ các số liệu',
          prompt:
            `Nhập từng số liệu cách nhau bởi ";": ${method.inputs.map((input) => `${input.code}=… (${input.label})`).join('; ')}; hoặc tỷ lệ phần trăm (74%).`.slice(
              0,
              255,
            ),
        };
      }
      return { kind: 'ratio' };
    case 'thresholds':
      if (method.absentLabel !== undefined) {
        return {
          kind: 'entries',
          title: 'Theo ngưỡng',
          prompt: `Nhập số đếm được, hoặc "không" (${method.absentLabel}).`.slice(0, 255),
        };
      }
      return { kind: 'count' };
    case 'parts':
      return {
        kind: 'entries',
        title: 'Cộng điểm các phần',
        prompt:
          `Nhập từng phần cách nhau bởi ";": ${method.parts.map((part) => `${part.code}=… (${part.label})`).join('; ')}.`.slice(
            0,
            255,
          ),
      };
    case 'relativeToBest':
    case 'minMax':
      return { kind: 'cohortRaw' };
    case 'options':
      return { kind: 'options', codes: method.options.map((option) => option.code) };
    case 'direct':
      return { kind: 'points' };
  }
}

function writeAnswerSheet(sheet: Worksheet, items: TemplateItem[], units: UnitRef[]): void {
  COLUMN_WIDTHS.forEach((width, index) => {
    const position = index + 1;
    const column = sheet.getColumn(position);
    column.width = width;
    // Column styles also reach the input cells left empty, which exist in the file only as <col>
    // styles: the tinted cells are the ones to fill in.
    column.alignment = { vertical: 'top', wrapText: WRAPPED_COLUMNS.has(position) };
    if (position >= VALUE_COLUMN) column.fill = INPUT_FILL;
  });
  const header = sheet.addRow([...ANSWER_COLUMNS]);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ANSWER_COLUMNS.length } };

  for (const unit of units) {
    for (const item of items) {
      const row = sheet.addRow([unit.code, unit.name, item.node.code, item.node.name, item.max, item.method]);
      // Typed into a General cell, "12/15" becomes the date 15 December; a text cell keeps it.
      if (item.input.kind === 'ratio' || item.input.kind === 'entries') row.getCell(VALUE_COLUMN).numFmt = '@';
    }
  }
  const validations = rangeValidations(sheet);
  for (const { range, rule } of planValidations(items, units.length)) validations.add(range, rule);
}

export interface PlannedValidation {
  /** An A1 range of one column, e.g. "G5:G9". */
  range: string;
  rule: RangeValidation;
}

/**
 * The data validations of the answer sheet: one per range of rows that share a rule.
 *
 * Ranges are added whole because exceljs 4.4 writes per-cell validations as overlapping ranges (its
 * optimiser restarts from each cell in text order, G10 before G2), which Excel may "repair" away.
 * A relative reference ($E5) is relative to the first cell of its range, so one "0 … Điểm tối đa"
 * rule serves every row of a column: the points columns need one validation each, whatever the
 * cohort's size. The value column changes rule with the method, so it needs one per run of alike
 * rows.
 */
export function planValidations(items: TemplateItem[], unitCount: number): PlannedValidation[] {
  const lastRow = 1 + unitCount * items.length;
  if (lastRow < 2) return [];
  const wholeColumn = (column: number): string => `${letter(column)}2:${letter(column)}${lastRow}`;
  const pointsRule = (promptTitle: string, prompt: string): RangeValidation => ({
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: ['0', `$${letter(MAX_COLUMN)}2`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Điểm không hợp lệ',
    error: 'Điểm phải là một số từ 0 đến Điểm tối đa của dòng này (cột Điểm tối đa).',
    showInputMessage: true,
    promptTitle,
    prompt,
  });
  const planned: PlannedValidation[] = [
    {
      range: wholeColumn(SELF_POINTS_COLUMN),
      rule: pointsRule(
        'Điểm tự đánh giá',
        'Không bắt buộc: điểm đơn vị tự chấm, từ 0 đến Điểm tối đa. Nếu có, điểm này thay cho điểm tính từ cột Giá trị.',
      ),
    },
    {
      range: wholeColumn(APPRAISED_POINTS_COLUMN),
      rule: pointsRule(
        'Điểm thẩm định',
        'Điểm do Hội đồng thẩm định chấm, từ 0 đến Điểm tối đa. Nếu có, đây là điểm chính thức.',
      ),
    },
    {
      range: wholeColumn(NOT_ASSESSED_COLUMN),
      rule: {
        type: 'list',
        allowBlank: true,
        formulae: ['"x"'],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Không đánh giá',
        error: 'Chỉ nhập x (chỉ số không đánh giá đối với đơn vị này) hoặc để trống.',
        showInputMessage: true,
        promptTitle: 'Không đánh giá',
        prompt: 'Nhập x nếu chỉ số không áp dụng với đơn vị trong năm; điểm tối đa của chỉ số được trừ khỏi tổng.',
      },
    },
  ];

  // Runs of consecutive rows whose value cells share a rule, across unit boundaries.
  const runs: { firstRow: number; lastRow: number; input: ValueInput }[] = [];
  let rowNumber = 1;
  for (let unit = 0; unit < unitCount; unit++) {
    for (const item of items) {
      rowNumber++;
      const last = runs[runs.length - 1];
      if (last && sameInput(last.input, item.input)) last.lastRow = rowNumber;
      else runs.push({ firstRow: rowNumber, lastRow: rowNumber, input: item.input });
    }
  }
  if (runs.length > MAX_VALUE_VALIDATION_RANGES) return planned;
  const value = letter(VALUE_COLUMN);
  for (const run of runs) {
    planned.push({
      range: run.firstRow === run.lastRow ? `${value}${run.firstRow}` : `${value}${run.firstRow}:${value}${run.lastRow}`,
      rule: valueRule(run.input, `$${letter(MAX_COLUMN)}${run.firstRow}`),
    });
  }
  return planned;
}

function valueRule(input: ValueInput, maxCell: string): RangeValidation {
  const messages = { showErrorMessage: true, errorStyle: 'stop', showInputMessage: true, allowBlank: true } as const;
  switch (input.kind) {
    case 'yesNo':
      return {
        ...messages,
        type: 'list',
        formulae: ['"có,không"'],
        errorTitle: 'Giá trị không hợp lệ',
        error: 'Chỉ số này chấm Có/Không: chọn "có" hoặc "không".',
        promptTitle: 'Có/Không',
        prompt: 'Chọn "có" nếu đạt, "không" nếu chưa đạt.',
      };
    case 'ratio':
      // No list: the clerk types 12/15, 0,8 or 80 %, which no Excel rule can check without
      // rejecting one of them; `opendti score` checks it instead.
      return {
        showInputMessage: true,
        type: 'any',
        formulae: [],
        promptTitle: 'Tỷ lệ a/b',
        prompt: 'Nhập tử số/mẫu số (ví dụ 12/15), tỷ lệ (0,8) hoặc phần trăm (80%); tử số không lớn hơn mẫu số.',
      };
    case 'entries':
      return { showInputMessage: true, type: 'any', formulae: [], promptTitle: input.title.slice(0, 32), prompt: input.prompt };
    case 'count':
      return {
        ...messages,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: ['0'],
        errorTitle: 'Giá trị không hợp lệ',
        error: 'Nhập một số không âm, ví dụ 4.',
        promptTitle: 'Theo ngưỡng',
        prompt: 'Nhập số đếm được (ví dụ số cuộc họp: 4); điểm tính theo ngưỡng ở cột Cách chấm.',
      };
    case 'cohortRaw':
      return {
        ...messages,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: ['0'],
        errorTitle: 'Giá trị không hợp lệ',
        error: 'Nhập một số không âm.',
        promptTitle: 'Số liệu gốc',
        prompt: 'Nhập số liệu gốc; điểm được tính khi đã có số liệu của mọi đơn vị.',
      };
    case 'options': {
      const list = input.codes.join(',');
      const shown = truncate(input.codes.join(', '), 150);
      // A list rule is a quoted, comma-separated string of at most 255 characters.
      if (list.length > 250 || input.codes.some((code) => code.includes(',') || code.includes('"'))) {
        return {
          showInputMessage: true,
          type: 'any',
          formulae: [],
          promptTitle: 'Chọn một mã',
          prompt: `Nhập một trong: ${shown}.`,
        };
      }
      return {
        ...messages,
        type: 'list',
        formulae: [`"${list}"`],
        errorTitle: 'Giá trị không hợp lệ',
        error: `Chọn một mã trong danh sách: ${shown}.`,
        promptTitle: 'Chọn một mã',
        prompt: `Chọn một trong: ${shown}; điểm của từng mã ở cột Cách chấm.`,
      };
    }
    case 'points':
      return {
        ...messages,
        type: 'decimal',
        operator: 'between',
        formulae: ['0', maxCell],
        errorTitle: 'Điểm không hợp lệ',
        error: 'Nhập số điểm từ 0 đến Điểm tối đa của dòng này.',
        promptTitle: 'Chấm điểm trực tiếp',
        prompt: 'Nhập số điểm, từ 0 đến Điểm tối đa.',
      };
    case 'mainIndexValue':
      return {
        ...messages,
        type: 'decimal',
        operator: 'between',
        formulae: ['0', '1'],
        errorTitle: 'Giá trị không hợp lệ',
        error: 'Nhập giá trị từ 0 đến 1, ví dụ 0,2849.',
        promptTitle: 'Giá trị chỉ số chính',
        prompt: 'Nhập giá trị 0–1 đã công bố của chỉ số chính, ví dụ 0,2849.',
      };
  }
}

function sameInput(a: ValueInput, b: ValueInput): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'options' && b.kind === 'options') return a.codes.join('\n') === b.codes.join('\n');
  return true;
}

/**
 * exceljs keeps range validations in `worksheet.dataValidations`, keyed by an A1 range, and writes
 * the type "any" (input prompt only) that Excel uses; its typings expose neither, only the per-cell
 * setter whose optimiser is unsafe (see `planValidations`).
 */
export type RangeValidation = Omit<DataValidation, 'type'> & { type: DataValidation['type'] | 'any' };
interface RangeValidations {
  add(range: string, validation: RangeValidation): RangeValidation;
}
function rangeValidations(sheet: Worksheet): RangeValidations {
  return (sheet as unknown as { dataValidations: RangeValidations }).dataValidations;
}

function writeInstructions(sheet: Worksheet, framework: CompiledFramework, items: TemplateItem[]): void {
  const { document } = framework;
  const basis = document.legalBasis;
  sheet.getColumn(1).width = 120;
  sheet.getColumn(1).alignment = { vertical: 'top', wrapText: true };

  const lines: { text: string; style?: 'title' | 'heading' }[] = [
    { text: document.name, style: 'title' },
    { text: `Năm ${document.year} · mã bộ chỉ số: ${document.id}` },
    {
      text: `Căn cứ: ${basis.document} ngày ${formatDate(basis.date)} của ${basis.issuer}${basis.table ? `, ${basis.table}` : ''}${
        basis.title ? ` — ${basis.title}` : ''
      }`,
    },
    { text: '' },
    { text: 'Cách điền', style: 'heading' },
    {
      text: `1. Trang «${ANSWER_SHEET_NAME}» có một dòng cho mỗi đơn vị và mỗi chỉ số. Không sửa các cột Mã đơn vị, Mã chỉ số; không đổi tên, thêm hoặc xoá cột.`,
    },
    { text: '2. Cột «Giá trị»: nhập theo «Cách chấm» của từng dòng:' },
  ];
  const kinds = new Set(items.map((item) => item.input.kind));
  const methodLines: [ValueInput['kind'], string][] = [
    ['yesNo', '• Có/Không: nhập "có" hoặc "không".'],
    [
      'ratio',
      '• Tỷ lệ a/b: nhập tử số/mẫu số, ví dụ 12/15, hoặc phần trăm, ví dụ 80%; a không được lớn hơn b (trừ khi «Cách chấm» cho phép vượt 100%). Trang «Bộ chỉ số» ghi a, b đếm gì nếu bộ chỉ số có nêu.',
    ],
    ['count', '• Theo ngưỡng: nhập số đếm được, ví dụ 4 (cuộc họp); điểm là điểm của ngưỡng cao nhất đạt được.'],
    ['options', '• Chọn: nhập một trong các mã lựa chọn ghi ở cột «Cách chấm», ví dụ head.'],
    [
      'cohortRaw',
      '• So với đơn vị cao nhất, Chuẩn hoá min–max: nhập số liệu gốc; điểm được tính khi đã có số liệu của mọi đơn vị.',
    ],
    ['points', '• Chấm điểm trực tiếp: nhập số điểm, từ 0 đến «Điểm tối đa».'],
    ['mainIndexValue', `• ${MAIN_INDEX_VALUE_METHOD}: nhập giá trị đã công bố, ví dụ 0,2849.`],
  ];
  for (const [kind, text] of methodLines) if (kinds.has(kind)) lines.push({ text: `    ${text}` });
  lines.push(
    {
      text: '3. «Điểm tự đánh giá» (không bắt buộc): điểm đơn vị tự chấm, từ 0 đến «Điểm tối đa»; nếu có thì thay cho điểm tính từ «Giá trị».',
    },
    { text: '4. «Điểm thẩm định»: điểm do Hội đồng thẩm định chấm; nếu có thì đây là điểm chính thức của chỉ số.' },
    {
      text: '5. «Không đánh giá»: nhập x nếu chỉ số không áp dụng với đơn vị trong năm; điểm tối đa của chỉ số được trừ khỏi tổng điểm tối đa của đơn vị.',
    },
    { text: '6. «Giải trình»: ghi chú, tài liệu kiểm chứng; không dùng để tính điểm.' },
    {
      text:
        document.aggregation === 'sum'
          ? '7. Dòng để trống được tính 0 điểm. Số thập phân viết bằng dấu phẩy hoặc dấu chấm đều được (0,8 hoặc 0.8).'
          : '7. Dòng để trống không được tính vào giá trị trung bình. Số thập phân viết bằng dấu phẩy hoặc dấu chấm đều được (0,8 hoặc 0.8).',
    },
    { text: '' },
    { text: 'Chấm điểm', style: 'heading' },
    { text: 'Sau khi điền, chấm điểm và xếp hạng bằng lệnh:' },
    { text: `opendti score --framework ${document.id} --input <tệp này>.xlsx` },
    { text: '' },
    { text: `Danh sách chỉ số, điểm tối đa và cách chấm: trang «Bộ chỉ số».` },
  );

  for (const line of lines) {
    const row = sheet.addRow([line.text]);
    if (line.style === 'title') row.font = { bold: true, size: 14 };
    if (line.style === 'heading') row.font = { bold: true, size: 12 };
  }
}

function writeFrameworkTree(sheet: Worksheet, framework: CompiledFramework): void {
  const isWeighted = framework.document.aggregation === 'weightedMean';
  const titles = [
    'Cấp',
    'Mã',
    'Tên',
    'Điểm tối đa',
    ...(isWeighted ? ['Trọng số'] : []),
    'Cách chấm',
    'Đơn vị tính',
    'Tử số (a)',
    'Mẫu số (b)',
    'Tài liệu kiểm chứng',
    'Hướng dẫn',
  ];
  const widths = [14, 10, 70, 12, ...(isWeighted ? [10] : []), 30, 14, 30, 30, 40, 50];
  widths.forEach((width, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = width;
    column.alignment = { vertical: 'top', wrapText: true };
  });
  const header = sheet.addRow(titles);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];

  const definitions = new Map<string, IndicatorDefinition>();
  for (const mainIndex of framework.document.mainIndices) {
    for (const indicator of mainIndex.indicators) definitions.set(indicator.code, indicator);
  }
  const valueScored = new Set(
    templateItems(framework).flatMap((item) => (item.node.level === 'mainIndex' ? [item.node.index] : [])),
  );
  const levelNames = { framework: 'Bộ chỉ số', group: 'Nhóm', mainIndex: 'Chỉ số chính', indicator: 'Chỉ số' } as const;

  const visit = (nodeIndex: number, depth: number): void => {
    const node = framework.nodes[nodeIndex];
    if (!node) return;
    const definition = node.level === 'indicator' ? definitions.get(node.code) : undefined;
    const method =
      node.level === 'indicator'
        ? Number.isFinite(node.maxPoints)
          ? describeMethod(node.method ?? { type: 'direct' })
          : 'Không công bố điểm'
        : node.unscored
          ? 'Không tính điểm'
          : valueScored.has(node.index)
            ? MAIN_INDEX_VALUE_METHOD
            : null;
    const row = sheet.addRow([
      levelNames[node.level],
      node.level === 'framework' ? null : node.code,
      node.name,
      Number.isFinite(node.maxPoints) ? node.maxPoints : null,
      ...(isWeighted ? [node.weight] : []),
      method,
      definition?.inputUnit ?? null,
      definition?.numeratorLabel ?? null,
      definition?.denominatorLabel ?? null,
      definition?.evidence ?? null,
      definition?.guidance ?? null,
    ]);
    row.getCell(3).alignment = { vertical: 'top', wrapText: true, indent: depth };
    if (node.level !== 'indicator') row.font = { bold: true };
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(0, 0);
}

/** "2022-10-31" → "31/10/2022", the way Vietnamese documents print dates. */
function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** 2.5 → "2,5": Vietnamese decimal comma, no grouping (codes and points are short). */

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
