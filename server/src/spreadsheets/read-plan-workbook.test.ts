import { DomainError, formatProblem, type PlanTask, type Problem } from '@opendti/core';
import { describe, expect, it } from 'vitest';
import { loadExcelJS } from './load-exceljs.js';
import { importPlanTasksWorkbook, MAX_PLAN_XLSX_BYTES, readPlanTasksWorkbook } from './read-plan-workbook.js';
import { TASK_TABLE_HEADER_ROW, writePlanTasksWorkbook } from './write-plan-workbook.js';

const context = {
  framework: { id: 'tiny', indicatorCodes: new Set(['1.1', '1.2', '2.1']) },
  units: [
    { code: 'VP', name: 'Văn phòng UBND tỉnh' },
    { code: 'SNV', name: 'Sở Nội vụ' },
    { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', activeTo: '2025-02-28' },
    { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', activeFrom: '2025-03-01' },
  ],
  planDate: '2026-02-15',
  planYear: 2026,
  file: 'ke-hoach.xlsx',
};

const tasks: PlanTask[] = [
  {
    id: 'a1',
    text: 'Xây dựng, ban hành Kế hoạch chuyển đổi số năm 2026; bố trí kinh phí thực hiện',
    indicators: ['1.1', '1.2'],
    lead: 'VP',
    coordinating: ['SNV', 'STTTT', 'SKHCN'],
    product: 'Kế hoạch và tài liệu kiểm chứng\n(bản scan có chữ ký, đóng dấu)',
    startOn: '2026-03-01',
    dueOn: '2026-06-30',
    state: 'inProgress',
  },
  {
    id: 'a2',
    text: 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã',
    indicators: ['2.1'],
    lead: 'SKHCN',
    coordinating: [],
    product: 'Báo cáo kết quả tập huấn',
    startOn: null,
    dueOn: '2026-12-31',
    state: 'cancelled',
    cancelReason: 'Sáp nhập đơn vị; nhiệm vụ chuyển sang kế hoạch của Sở Khoa học và Công nghệ',
  },
  {
    id: 'a3',
    text: 'Rà soát, cập nhật dữ liệu trên Cổng dịch vụ công',
    indicators: ['2.1'],
    lead: null,
    coordinating: ['VP'],
    product: '',
    startOn: null,
    dueOn: '2026-02-15',
    state: 'done',
  },
  {
    id: 'a4',
    text: 'Nhiệm vụ chưa bắt đầu',
    indicators: ['1.1'],
    lead: 'SNV',
    coordinating: [],
    product: 'Văn bản hướng dẫn',
    startOn: null,
    dueOn: '2026-09-30',
    state: 'notStarted',
  },
];

const written = () =>
  writePlanTasksWorkbook(tasks, {
    title: 'Kế hoạch nâng cao Chỉ số chuyển đổi số tỉnh Điện Biên năm 2026',
    documentNumber: '187/KH-UBND',
    date: '2026-02-15',
  });

/** A clerk's own sheet: header on row 1, every cell typed as text. */
async function handMade(rows: string[][]): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow([
    'STT',
    'Nhiệm vụ',
    'Chỉ số',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
    'Thời hạn',
    'Sản phẩm',
    'Trạng thái',
    'Lý do huỷ',
  ]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const row = (overrides: Partial<Record<'text' | 'ind' | 'lead' | 'coord' | 'due' | 'state' | 'reason', string>> = {}) => [
  '1',
  overrides.text ?? 'Ban hành kế hoạch',
  overrides.ind ?? '1.1',
  overrides.lead ?? 'VP',
  overrides.coord ?? 'SNV',
  overrides.due ?? '31/12/2026',
  'Kế hoạch',
  overrides.state ?? 'Chưa thực hiện',
  overrides.reason ?? '',
];

const where = (problems: Problem[]) => problems.map((problem) => [problem.code, problem.location?.row, problem.location?.column]);

describe('writePlanTasksWorkbook → readPlanTasksWorkbook', () => {
  it('round-trips the tasks without loss (diacritics, several coordinating units, a cancelled task with its reason)', async () => {
    const result = await readPlanTasksWorkbook(await written(), context);
    expect(result.problems).toEqual([]);
    expect(result.tasks).toEqual(tasks);
  });

  it('writes the official table: title block, columns in order, date cells dd/mm/yyyy, A4 landscape, hidden id', async () => {
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load((await written()).buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhiệm vụ');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.getCell('A1').value).toBe('Kế hoạch nâng cao Chỉ số chuyển đổi số tỉnh Điện Biên năm 2026');
    expect(sheet.getCell('A2').value).toBe('Số 187/KH-UBND, ngày 15/02/2026');
    expect((sheet.getRow(TASK_TABLE_HEADER_ROW).values as unknown[]).slice(1, 9)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Chỉ số',
      'Đơn vị chủ trì',
      'Đơn vị phối hợp',
      'Thời hạn',
      'Sản phẩm',
      'Trạng thái',
    ]);
    const due = sheet.getCell(TASK_TABLE_HEADER_ROW + 1, 6);
    expect(due.value).toEqual(new Date('2026-06-30T00:00:00Z'));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell(TASK_TABLE_HEADER_ROW + 1, 5).value).toBe('SNV; STTTT; SKHCN');
    expect(sheet.getCell(TASK_TABLE_HEADER_ROW + 2, 8).value).toBe('Đã huỷ');
    expect(sheet.getColumn(11).hidden).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it('accepts state codes and English labels, unit names, indicators separated by "," or ";"', async () => {
    const bytes = await handMade([
      row({ ind: '1.1; 1.2', lead: 'văn phòng ubnd tỉnh', coord: 'Sở Nội vụ; SKHCN', state: 'inProgress' }),
      row({ text: 'Khác', ind: '2.1,1.1', state: 'Done' }),
      row({ text: 'Huỷ', state: 'da huy', reason: 'Không còn cần' }),
    ]);
    const { tasks: read, problems } = await readPlanTasksWorkbook(bytes, context);
    expect(problems).toEqual([]);
    expect(read.map((task) => [task.indicators, task.lead, task.coordinating, task.state, task.dueOn, task.id])).toEqual([
      [['1.1', '1.2'], 'VP', ['SNV', 'SKHCN'], 'inProgress', '2026-12-31', ''],
      [['2.1', '1.1'], 'VP', ['SNV'], 'done', '2026-12-31', ''],
      [['1.1'], 'VP', ['SNV'], 'cancelled', '2026-12-31', ''],
    ]);
    expect(read[2]?.cancelReason).toBe('Không còn cần');
  });
});

describe('readPlanTasksWorkbook refuses bad rows, each at its row and column, and imports nothing', () => {
  it('reports every kind of bad row in both languages', async () => {
    const bytes = await handMade([
      row(),
      row({ text: 'A', ind: '9.9' }),
      row({ text: 'B', coord: 'SNV; XYZ' }),
      row({ text: 'C', lead: 'STTTT' }),
      row({ text: 'D', due: '01/02/2026' }),
      row({ text: 'E', due: '31/02/2026' }),
      row({ text: '  ban hành KẾ HOẠCH ' }),
      row({ text: 'F', state: 'Tạm dừng' }),
      row({ text: 'G', state: 'Đã huỷ' }),
      row({ text: 'H', reason: 'vì sao' }),
      row({ text: '' }),
    ]);
    const { tasks: read, problems } = await readPlanTasksWorkbook(bytes, context);
    expect(read).toEqual([]);
    expect(where(problems)).toEqual([
      ['plan.task-unknown-indicator', 3, 'Chỉ số'],
      ['plan.task-unknown-unit', 4, 'Đơn vị phối hợp'],
      ['plan.task-lead-inactive', 5, 'Đơn vị chủ trì'],
      ['plan.task-due-before-plan', 6, 'Thời hạn'],
      ['plan.task-bad-date', 7, 'Thời hạn'],
      ['plan.task-duplicate', 8, 'Nhiệm vụ'],
      ['plan.task-unknown-state', 9, 'Trạng thái'],
      ['plan.task-cancel-reason-missing', 10, 'Lý do huỷ'],
      ['plan.task-cancel-reason-not-cancelled', 11, 'Lý do huỷ'],
      ['plan.task-missing-text', 12, 'Nhiệm vụ'],
    ]);
    const duplicate = problems.find((problem) => problem.code === 'plan.task-duplicate') as Problem;
    expect(formatProblem(duplicate, 'vi')).toBe(
      'ke-hoach.xlsx, dòng 8, cột Nhiệm vụ: nhiệm vụ trùng với nhiệm vụ ở dòng 2 (cùng nội dung, chỉ số và đơn vị chủ trì)',
    );
    const state = problems.find((problem) => problem.code === 'plan.task-unknown-state') as Problem;
    expect(formatProblem(state, 'en')).toBe(
      'ke-hoach.xlsx, row 9, column Trạng thái: field state: "Tạm dừng" is not a task state (use: Not started, In progress, Done, Cancelled)',
    );
    expect(formatProblem(problems[1] as Problem, 'vi')).toContain('không có đơn vị mã "XYZ"');
  });

  it('imports nothing from a file with one bad row among good ones', async () => {
    const bytes = await handMade([row(), row({ text: 'Hai' }), row({ text: 'Ba', lead: 'XYZ' }), row({ text: 'Bốn' })]);
    const error = await importPlanTasksWorkbook(bytes, context).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(where((error as DomainError).problems)).toEqual([['plan.task-unknown-unit', 4, 'Đơn vị chủ trì']]);
  });

  it('names a missing column, and refuses an oversized file or too many rows before reading them', async () => {
    const workbook = new (await loadExcelJS()).Workbook();
    workbook.addWorksheet('x').addRow(['Nhiệm vụ', 'Đơn vị chủ trì']);
    const missing = await readPlanTasksWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), context);
    expect(missing.problems.map((problem) => [problem.code, problem.params?.column])).toEqual([
      ['input.missing-column', 'Chỉ số'],
      ['input.missing-column', 'Thời hạn'],
    ]);
    await expect(readPlanTasksWorkbook(new Uint8Array(MAX_PLAN_XLSX_BYTES + 1), context)).rejects.toThrow(/vượt giới hạn 10 MB/);
    const many = await handMade(Array.from({ length: 2001 }, (_, index) => row({ text: `Nhiệm vụ ${index}` })));
    const error = await readPlanTasksWorkbook(many, context).catch((caught: unknown) => caught);
    expect((error as DomainError).problems[0]).toMatchObject({ code: 'input.too-many-rows', location: { row: 2002 } });
  });
});
