import { DomainError, formatProblem } from '@opendti/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from './read-xlsx-table.js';

const bytesOf = async (workbook: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array(await workbook.xlsx.writeBuffer());

async function unreadableDetail(bytes: Uint8Array, label: string): Promise<string> {
  const error = await readXlsxTable(bytes, label).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  const problem = (error as DomainError).problems[0];
  expect(problem?.code).toBe('input.unreadable');
  expect(problem?.location).toEqual({ file: label });
  const message = formatProblem(problem ?? { code: 'input.unreadable' }, 'vi');
  expect(message).not.toMatch(/\n\s+at /); // no stack trace
  return String(problem?.params?.detail);
}

describe('readXlsxTable', () => {
  it('reads the "Nhập liệu" sheet, converting every kind of cell to text and keeping blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['not the answers']);
    const sheet = workbook.addWorksheet('Nhập liệu');
    sheet.addRow(['unit_code', 'indicator', 'value', 'note']);
    sheet.addRow(['H01', '1.1', 0.8, { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] }]);
    sheet.addRow([]); // blank row 3
    sheet.addRow(['H02', { formula: '1+1', result: 2 }, { formula: 'A1' }, true]);
    sheet.addRow([
      'H03',
      new Date(Date.UTC(2022, 9, 31)),
      { text: 'link', hyperlink: 'https://example.org' },
      { error: '#DIV/0!' },
    ]);
    sheet.addRow(['H04', 12, 'có', { sharedFormula: 'B4', result: 'shared' }]);
    const table = await readXlsxTable(await bytesOf(workbook), 'cells.xlsx');
    expect(table.file).toBe('cells.xlsx');
    expect(table.header).toEqual(['unit_code', 'indicator', 'value', 'note']);
    expect([...table.rows]).toEqual([
      ['H01', '1.1', '0.8', 'rich text'],
      ['', '', '', ''],
      ['H02', '2', '', 'true'],
      ['H03', '2022-10-31', 'link', '#DIV/0!'],
      ['H04', '12', 'có', 'shared'],
    ]);
  });

  it('falls back to the first sheet and aligns short rows with the header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Mã đơn vị', 'Tên đơn vị', 'Ghi chú']);
    sheet.addRow(['H01']);
    sheet.getCell('E2').value = 'beyond the header';
    workbook.addWorksheet('Sheet2').addRow(['other']);
    const table = await readXlsxTable(await bytesOf(workbook), 'first.xlsx');
    expect(table.header).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Ghi chú']);
    expect([...table.rows]).toEqual([['H01', '', '']]);
  });

  it('refuses a file that is not an xlsx', async () => {
    const csv = new TextEncoder().encode('unit_code,value\nH01,1\n');
    expect(await unreadableDetail(csv, 'notes.xlsx')).toMatch(/không phải tệp Excel/);
  });

  it('refuses a truncated xlsx with a short detail', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Nhập liệu').addRow(['unit_code']);
    const bytes = await bytesOf(workbook);
    const detail = await unreadableDetail(bytes.subarray(0, 200), 'truncated.xlsx');
    expect(detail).toMatch(/bị hỏng/);
    expect(detail.length).toBeLessThan(250);
  });

  it('names an old .xls (or password-protected) file', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await unreadableDetail(ole, 'old.xlsx')).toMatch(/\.xls/);
  });

  it('refuses more than 50 MB, naming the size and the limit', async () => {
    const detail = await unreadableDetail(new Uint8Array(51 * 1024 * 1024), 'huge.xlsx');
    expect(detail).toContain('51 MB');
    expect(detail).toContain('50 MB');
  });
});
