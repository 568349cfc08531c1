import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { readImportDate, readUnitKind } from './unit-import.service.js';

describe('reading cells of a unit list', () => {
  it.each([
    ['01/07/2025', '2025-07-01'],
    ['1/7/2025', '2025-07-01'],
    ['01-07-2025', '2025-07-01'],
    ['2025-07-01', '2025-07-01'],
    ['30/02/2025', undefined],
    ['2025/07/01', undefined],
    ['hôm nay', undefined],
  ])('date %s → %s', (text, day) => {
    expect(readImportDate(text)).toBe(day);
  });

  it.each([
    ['Xã', 'commune'],
    ['phường', 'commune'],
    ['Sở', 'department'],
    ['Huyện', 'district'],
    ['Tỉnh', 'province'],
    ['department', 'department'],
    ['thôn', undefined],
  ])('kind %s → %s', (text, kind) => {
    expect(readUnitKind(text)).toBe(kind);
  });
});

describe.each(TEST_DATABASE_KINDS)('unit CSV import on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
  }, 120_000);
  afterAll(async () => t?.close());

  const importFile = (content: string, dryRun?: boolean, fileName = 'don-vi.csv') =>
    t.call(manager, 'POST', '/api/v1/units/import', { fileName, content, ...(dryRun === undefined ? {} : { dryRun }) });
  const unitByCode = async (code: string) =>
    (await t.call(manager, 'GET', `/api/v1/units?search=${encodeURIComponent(code)}&pageSize=200`))
      .json()
      .items.find((unit: { code: string }) => unit.code === code);

  // Vietnamese Excel: semicolons, Vietnamese headers, dd/mm/yyyy; a new ward is the parent of a new commune below it.
  const REORGANISATION = [
    'Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Hiệu lực từ;Hiệu lực đến',
    'X-MUONGPHANG;Xã Mường Phăng;xã;P-DBP;01/07/2025;',
    'P-DBP;Phường Điện Biên Phủ;Phường;DIENBIEN;01/07/2025;',
    '',
    'SNV;Sở Nội vụ tỉnh Điện Biên;Sở;DIENBIEN;;',
    'STP;Sở Tư pháp;Sở;DIENBIEN;;',
  ].join('\n');

  it('refuses a list past 5,000 rows at its first row past it, naming the limit and the row', async () => {
    const rows = Array.from({ length: 6000 }, (_, index) => `BOUND-${index};Xã thử ${index};xã;;;`);
    const response = await importFile(['code;name;kind;parent_code;active_from;active_to', ...rows].join('\n'), true);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'input.too-many-rows' });
    expect(response.json().error.message).toBe(
      'don-vi.csv, dòng 5002: tệp có nhiều hơn 5000 dòng, mức tối đa cho lần nhập này (một tỉnh có vài nghìn đơn vị là nhiều nhất); đã dừng đọc ở dòng 5002, chưa lưu gì',
    );
    expect(await unitByCode('BOUND-0')).toBeUndefined();
  });

  it('previews a file row by row without writing anything', async () => {
    const response = await importFile(REORGANISATION, true);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ applied: false, counts: { create: 2, update: 1, unchanged: 1, rejected: 0 } });
    expect(report.rows.map((row: { row: number; code: string; action: string }) => [row.row, row.code, row.action])).toEqual([
      [2, 'X-MUONGPHANG', 'create'],
      [3, 'P-DBP', 'create'],
      [5, 'SNV', 'update'],
      [6, 'STP', 'unchanged'],
    ]);
    expect(report.rows[0]).toMatchObject({ kind: 'commune', parentCode: 'P-DBP', activeFrom: '2025-07-01', activeTo: null });
    expect(report.rows[2].changes).toEqual(['name']);
    expect(await unitByCode('X-MUONGPHANG')).toBeUndefined();
  });

  it('imports the whole file: creates, links parents (also to units of the same file), updates, audits', async () => {
    const response = await importFile(REORGANISATION);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applied: true, counts: { create: 2, update: 1 } });
    const ward = await unitByCode('P-DBP');
    const commune = await unitByCode('X-MUONGPHANG');
    const province = await unitByCode('DIENBIEN');
    expect(ward).toMatchObject({ kind: 'commune', parentId: province.id, activeFrom: '2025-07-01' });
    expect(commune).toMatchObject({ name: 'Xã Mường Phăng', parentId: ward.id });
    expect((await unitByCode('SNV')).name).toBe('Sở Nội vụ tỉnh Điện Biên');

    const admin = await t.signIn('quantri');
    const audit = (await t.call(admin, 'GET', `/api/v1/audit?unitId=${(await unitByCode('SNV')).id}&action=unit.updated`)).json();
    expect(audit.items[0]).toMatchObject({
      oldValue: { name: 'Sở Nội vụ' },
      newValue: { name: 'Sở Nội vụ tỉnh Điện Biên' },
      reason: 'Nhập danh sách đơn vị từ tệp don-vi.csv',
    });
    // The same file again changes nothing.
    expect((await importFile(REORGANISATION, true)).json().counts).toEqual({ create: 0, update: 0, unchanged: 4, rejected: 0 });
  });

  it('rejects the whole file when one row is wrong, and says why for each row', async () => {
    const file = [
      'code,name,kind,parent_code,active_from,active_to',
      'X-NEW1,Xã Mới Một,commune,DIENBIEN,2025-07-01,',
      'X-NEW2,,commune,KHONGCO,31/02/2025,',
      'X-NEW1,Xã trùng mã,thôn,,,',
      'X-NEW3,Xã Ba,commune,,01/07/2025,30/06/2025',
      'LOOP-A,Vòng A,other,LOOP-B,,',
      'LOOP-B,Vòng B,other,LOOP-A,,',
    ].join('\n');
    const preview = (await importFile(file, true)).json();
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, rejected: 5 });
    const problemsOf = (row: number) =>
      preview.rows
        .find((candidate: { row: number }) => candidate.row === row)
        .problems.map((problem: { code: string }) => problem.code);
    expect(problemsOf(3)).toEqual(['unit-import.missing-name', 'unit-import.bad-date', 'unit-import.unknown-parent']);
    expect(problemsOf(4)).toEqual(['unit-import.duplicate-code', 'unit-import.bad-kind']);
    expect(problemsOf(5)).toEqual(['unit-import.dates-reversed']);
    expect(problemsOf(6)).toEqual(['unit-import.parent-cycle']);
    expect(preview.rows[1].problems[2].message).toBe('đơn vị cấp trên "KHONGCO" không có trong hệ thống cũng như trong tệp');

    const refused = await importFile(file);
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.problems).toHaveLength(5);
    expect(error.problems[0].location).toMatchObject({ file: 'don-vi.csv', row: 3 });
    expect(await unitByCode('X-NEW1')).toBeUndefined();
  });

  it('refuses a file without the required columns, or not in UTF-8, naming what is missing', async () => {
    const missing = await importFile('code;ghi chú\nA;B');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.problems.map((problem: { code: string }) => problem.code)).toEqual([
      'input.missing-column',
      'input.missing-column',
    ]);
    const garbled = await importFile('code,name,kind\nX1,X\uFFFD M\uFFFDng,commune');
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().error.message).toContain('UTF-8');
    expect((await importFile('code,name,kind\n\n')).json().error.code).toBe('input.empty');
  });

  it('is for unit managers only', async () => {
    const reporter = await t.signIn('nhaplieu.dbp');
    const response = await t.call(reporter, 'POST', '/api/v1/units/import', { fileName: 'a.csv', content: 'code,name,kind' });
    expect(response.statusCode).toBe(403);
  });
});
