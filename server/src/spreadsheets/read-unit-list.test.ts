import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, type Problem } from '@opendti/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitList } from './read-unit-list.js';

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'opendti-units-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function problemsOf(path: string): Promise<Problem[]> {
  const error = await readUnitList(path).then(
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
  ])('reads a CSV with %s', async (_label, text) => {
    const path = join(directory, 'units.csv');
    await writeFile(path, text);
    expect(await readUnitList(path)).toEqual([
      { code: 'H01', name: 'Huyện Điện Biên' },
      { code: 'H02', name: 'Thành phố Điện Biên Phủ' },
    ]);
  });

  it('defaults the name to the code when there is no name column or the name is empty', async () => {
    const path = join(directory, 'codes.csv');
    await writeFile(path, 'unit_code;unit_name\nH01;\nH02;Mường Chà\n');
    expect(await readUnitList(path)).toEqual([
      { code: 'H01', name: 'H01' },
      { code: 'H02', name: 'Mường Chà' },
    ]);
    const onlyCodes = join(directory, 'only-codes.csv');
    await writeFile(onlyCodes, 'code\nH01\n');
    expect(await readUnitList(onlyCodes)).toEqual([{ code: 'H01', name: 'H01' }]);
  });

  it('reads an xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đơn vị');
    sheet.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị']);
    sheet.addRow([1, 'H01', 'Huyện Tủa Chùa']);
    sheet.addRow([2, 101, 'Huyện Nậm Pồ']); // a numeric code typed into a General cell
    const path = join(directory, 'units.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await readUnitList(path)).toEqual([
      { code: 'H01', name: 'Huyện Tủa Chùa' },
      { code: '101', name: 'Huyện Nậm Pồ' },
    ]);
  });

  it('reports every empty and duplicate code at once, with rows', async () => {
    const path = join(directory, 'bad.csv');
    await writeFile(path, 'code,name\nH01,A\n,B\nH02,C\nH01,D\nH02,E\n');
    expect(await problemsOf(path)).toEqual([
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
    const path = join(directory, 'no-code.csv');
    await writeFile(path, 'Tên đơn vị\nHuyện Mường Ảng\n');
    const [problem] = await problemsOf(path);
    expect(problem?.code).toBe('input.missing-column');
    expect(problem?.location).toEqual({ file: 'no-code.csv', row: 1 });
  });

  it('refuses an empty list, a file that is not UTF-8 and an unknown extension', async () => {
    const empty = join(directory, 'empty.csv');
    await writeFile(empty, 'code,name\n');
    expect((await problemsOf(empty))[0]?.code).toBe('input.empty');

    const legacy = join(directory, 'legacy.csv');
    // "Huyện" in a Windows code page: 0xEA alone is not valid UTF-8.
    await writeFile(legacy, new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0x48, 0x75, 0x79, 0xea, 0x6e, 0x0a]));
    const [notUtf8] = await problemsOf(legacy);
    expect(notUtf8?.code).toBe('input.unreadable');
    expect(String(notUtf8?.params?.detail)).toContain('UTF-8');

    const [unknown] = await problemsOf(join(directory, 'units.ods'));
    expect(unknown?.code).toBe('input.unreadable');

    const [missing] = await problemsOf(join(directory, 'missing.csv'));
    expect(String(missing?.params?.detail)).toContain('ENOENT');
  });
});
