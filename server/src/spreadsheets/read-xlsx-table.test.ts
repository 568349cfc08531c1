import { DomainError, formatProblem } from '@opendti/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from './read-xlsx-table.js';
import { listZipEntries, unzipEntry, writeZip } from './read-zip.js';

/** The parts of an .xlsx, unzipped. */
async function partsOf(bytes: Uint8Array): Promise<{ name: string; data: Uint8Array }[]> {
  return Promise.all(
    listZipEntries(bytes).map(async (entry) => ({
      name: entry.name,
      data: Buffer.concat((await unzipEntry(bytes, entry, 1 << 24)).chunks),
    })),
  );
}

/** A zip whose central directory declares every part as small as its compressed bytes: a lying bomb. */
function understateSizes(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    zip.writeUInt32LE(zip.readUInt32LE(offset + 20), offset + 24);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

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

  it('reads a sheet as Excel orders it (shared strings behind the sheets) and without any shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Nhập liệu').addRows([
      ['unit_code', 'value'],
      ['H01', 'có'],
    ]);
    const parts = await partsOf(await bytesOf(workbook));
    const excelOrder = [
      ...parts.filter((part) => part.name !== 'xl/sharedStrings.xml'),
      ...parts.filter((part) => part.name === 'xl/sharedStrings.xml'),
    ];
    expect([...(await readXlsxTable(writeZip(excelOrder, { deflate: true }), 'excel.xlsx')).rows]).toEqual([['H01', 'có']]);
    const inline = new ExcelJS.Workbook();
    inline.addWorksheet('Sheet1').addRows([
      [1, 2],
      [3, 4],
    ]);
    const table = await readXlsxTable(await bytesOf(inline), 'numbers.xlsx');
    expect([table.header, [...table.rows]]).toEqual([['1', '2'], [['3', '4']]]);
  });

  it('stops at the first non-blank row past maxRows, ignoring blank rows past it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nhập liệu');
    sheet.addRow(['unit_code', 'value']);
    for (let row = 0; row < 5; row++) sheet.addRow(['H01', row]);
    sheet.getRow(20).height = 30; // a formatted blank row past the bound
    const bound = { maxRows: 5, basis: { vi: 'thử', en: 'test' } };
    expect((await readXlsxTable(await bytesOf(workbook), 'ok.xlsx', bound)).rows).toHaveLength(5);
    sheet.getCell('A30').value = 'H02';
    const error = await readXlsxTable(await bytesOf(workbook), 'long.xlsx', bound).catch((caught: unknown) => caught);
    expect((error as DomainError).problems).toEqual([
      { code: 'input.too-many-rows', params: { max: 5, row: 30, basis: bound.basis }, location: { file: 'long.xlsx', row: 30 } },
    ]);
  });

  it('refuses rows that carry no row number rather than reading them past the bound', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nhập liệu');
    sheet.addRow(['unit_code', 'value']);
    for (let row = 0; row < 10; row++) sheet.addRow(['H01', row]);
    const parts = (await partsOf(await bytesOf(workbook))).map((part) =>
      part.name === 'xl/worksheets/sheet1.xml'
        ? {
            name: part.name,
            data: Buffer.from(
              Buffer.from(part.data)
                .toString('utf8')
                .replace(/<row r="\d+"/g, '<row'),
            ),
          }
        : part,
    );
    const bound = { maxRows: 5, basis: { vi: 'thử', en: 'test' } };
    const error = await readXlsxTable(writeZip(parts, { deflate: true }), 'no-numbers.xlsx', bound).catch(
      (caught: unknown) => caught,
    );
    // exceljs' streaming reader cannot address such a row's cells: the file is refused as unreadable.
    expect((error as DomainError).problems?.[0]).toMatchObject({ code: 'input.unreadable' });
  });

  it('refuses an archive whose directory understates its size, once inflation passes 50 MB', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Nhập liệu').addRow(['unit_code']);
    const parts = await partsOf(await bytesOf(workbook));
    const padded = parts.map((part) =>
      part.name === 'xl/worksheets/sheet1.xml'
        ? { name: part.name, data: Buffer.concat([Buffer.from(part.data), Buffer.alloc(51 << 20, 0x20)]) }
        : part,
    );
    const error = await readXlsxTable(understateSizes(writeZip(padded, { deflate: true })), 'liar.xlsx').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(formatProblem((error as DomainError).problems[0] ?? { code: 'internal' }, 'en')).toBe(
      'liar.xlsx: the .xlsx unzips to more than 50 MB, over the limit of 50 MB (an answer sheet is a few hundred kB; the file may be damaged or built to fill the server); nothing was read',
    );
  });

  it('finds a header below a title block with isHeader, and falls back to row 1 when none is accepted', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nhiệm vụ');
    sheet.addRow(['Kế hoạch nâng cao chỉ số']);
    sheet.addRow(['Số 187/KH-UBND']);
    sheet.addRow([]);
    sheet.addRow(['STT', 'Nhiệm vụ']);
    sheet.addRow([1, 'Một']);
    sheet.addRow([]);
    sheet.addRow([2, 'Hai']);
    const bytes = await bytesOf(workbook);
    const found = await readXlsxTable(bytes, 'plan.xlsx', { isHeader: (cells) => cells.includes('Nhiệm vụ') });
    expect(found).toMatchObject({
      headerRow: 4,
      header: ['STT', 'Nhiệm vụ'],
      rows: [
        ['1', 'Một'],
        ['', ''],
        ['2', 'Hai'],
      ],
    });
    const none = await readXlsxTable(bytes, 'plan.xlsx', { isHeader: () => false });
    expect(none.headerRow).toBe(1);
    expect(none.header).toEqual(['Kế hoạch nâng cao chỉ số']);
    expect(none.rows).toEqual([['Số 187/KH-UBND'], [''], ['STT'], ['1'], [''], ['2']]);
  });
});
