import { DomainError, type Problem } from '@opendti/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readUnitList } from './read-unit-list.js';

const text = (content: string): Uint8Array => new TextEncoder().encode(content);

async function problemsOf(bytes: Uint8Array, fileName: string): Promise<Problem[]> {
  const error = await readUnitList(bytes, fileName).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).problems;
}

describe('readUnitList', () => {
  it.each([
    [
      'semicolons, BOM and Vietnamese headers',
      '\uFEFFMã đơn vị;Tên đơn vị\r\nH01;Huyện Điện Biên\r\nH02;Thành phố Điện Biên Phủ\r\n',
    ],
    ['commas and English headers', 'code,name\nH01,Huyện Điện Biên\nH02,"Thành phố Điện Biên Phủ"\n'],
    ['unaccented headers and a blank line', 'ma_don_vi,ten_don_vi\nH01,Huyện Điện Biên\n\nH02,Thành phố Điện Biên Phủ'],
  ])('reads a CSV with %s', async (_label, content) => {
    expect(await readUnitList(text(content), 'units.csv')).toEqual([
      { code: 'H01', name: 'Huyện Điện Biên' },
      { code: 'H02', name: 'Thành phố Điện Biên Phủ' },
    ]);
  });

  it('defaults the name to the code when there is no name column or the name is empty', async () => {
    expect(await readUnitList(text('unit_code;unit_name\nH01;\nH02;Mường Chà\n'), 'codes.csv')).toEqual([
      { code: 'H01', name: 'H01' },
      { code: 'H02', name: 'Mường Chà' },
    ]);
    expect(await readUnitList(text('code\nH01\n'), 'only-codes.csv')).toEqual([{ code: 'H01', name: 'H01' }]);
  });

  it('reads an xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị']);
    sheet.addRow([1, 'H01', 'Huyện Tủa Chùa']);
    sheet.addRow([2, 101, 'Huyện Nậm Pồ']); // a numeric code typed into a General cell
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readUnitList(bytes, 'units.xlsx')).toEqual([
      { code: 'H01', name: 'Huyện Tủa Chùa' },
      { code: '101', name: 'Huyện Nậm Pồ' },
    ]);
  });

  it('reports every empty and duplicate code at once, with rows', async () => {
    expect(await problemsOf(text('code,name\nH01,A\n,B\nH02,C\nH01,D\nH02,E\n'), 'bad.csv')).toEqual([
      { code: 'input.missing-unit', location: { file: 'bad.csv', row: 3, column: 'code' } },
      {
        code: 'input.duplicate-unit',
        params: { unit: 'H01', firstRow: 2 },
        location: { file: 'bad.csv', row: 5, column: 'code', code: 'H01' },
      },
      {
        code: 'input.duplicate-unit',
        params: { unit: 'H02', firstRow: 4 },
        location: { file: 'bad.csv', row: 6, column: 'code', code: 'H02' },
      },
    ]);
  });

  it('asks for the code column when it is missing', async () => {
    const [problem] = await problemsOf(text('Tên đơn vị\nHuyện Mường Ảng\n'), 'no-code.csv');
    expect(problem?.code).toBe('input.missing-column');
    expect(problem?.location).toEqual({ file: 'no-code.csv', row: 1 });
  });

  it('refuses an empty list, a file that is not UTF-8 and an unknown extension', async () => {
    expect((await problemsOf(text('code,name\n'), 'empty.csv'))[0]?.code).toBe('input.empty');

    // "Huyện" in a Windows code page: 0xEA alone is not valid UTF-8.
    const legacy = new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0x48, 0x75, 0x79, 0xea, 0x6e, 0x0a]);
    const [notUtf8] = await problemsOf(legacy, 'legacy.csv');
    expect(notUtf8?.code).toBe('input.unreadable');
    expect(String(notUtf8?.params?.detail)).toContain('UTF-8');

    const [unknown] = await problemsOf(text('code\nH01\n'), 'units.ods');
    expect(unknown?.code).toBe('input.unreadable');
  });
});
