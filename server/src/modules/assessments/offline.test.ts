/**
 * Offline filling over HTTP: the unit downloads its answer template, pre-filled with what it has
 * entered, fills it in, uploads it back, and reads a per-row report. On PGlite, and on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments } from '../../db/schema/index.js';
import { listZipEntries, unzipEntry, writeZip } from '../../spreadsheets/read-zip.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart/form-data body, as a browser sends one file. */
function multipart(fileName: string, bytes: Buffer, field = 'file'): Pick<InjectOptions, 'payload' | 'headers'> {
  const boundary = `----opendti${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface ReportRow {
  row: number;
  indicator: string;
  status: 'imported' | 'unchanged' | 'rejected';
  message: string;
  selfPoints: number | null;
}

describe.each(TEST_DATABASE_KINDS)('offline filling on %s', (kind) => {
  let t: TestApp;
  let reporter: Session;
  let appraiser: Session;
  let dbpAssessment: string;
  let dbiAssessment: string;

  const upload = (session: Session | undefined, fileName: string, bytes: Buffer, language = 'vi', field = 'file') => {
    const body = multipart(fileName, bytes, field);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${dbpAssessment}/import`,
      headers: {
        ...body.headers,
        'accept-language': language,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
      payload: body.payload,
    });
  };
  const download = (session: Session | undefined, assessmentId = dbpAssessment) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/assessments/${assessmentId}/template.xlsx`,
      headers: session ? { cookie: session.cookie } : {},
    });
  const answersNow = async () => {
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    return new Map(
      (view.answers as { indicatorCode: string; value: string | null; selfPoints: number | null; version: number }[]).map(
        (answer) => [answer.indicatorCode, answer],
      ),
    );
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    reporter = await t.signIn('nhaplieu.dbp');
    appraiser = await t.signIn('thamdinh');
    const manager = await t.signIn('quanly');
    const periods = (await t.call(manager, 'GET', '/api/v1/periods?pageSize=200')).json().items as { id: string; year: number }[];
    const period2023 = periods.find((period) => period.year === 2023);
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${period2023?.id}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbpAssessment = list.find((item) => item.unit.code === 'DBP')?.id as string;
    dbiAssessment = list.find((item) => item.unit.code === 'DBI')?.id as string;
    for (const [code, body] of [
      ['1.1', { value: 'có', explanation: 'Quyết định thành lập Ban chỉ đạo', baseVersion: 0 }],
      ['1.2', { value: '7.5', baseVersion: 0 }],
      // Points typed directly, without a value: they go to the "Điểm tự đánh giá" column.
      ['1.4', { points: 4, baseVersion: 0 }],
      ['6.1', { notAssessed: true, notAssessedReason: 'Không có nhiệm vụ trong năm', baseVersion: 0 }],
    ] as const) {
      const saved = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/${code}`, body);
      expect({ code, status: saved.statusCode }).toEqual({ code, status: 200 });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  let template: Buffer;

  it('gives the unit its own template, pre-filled with its answers', async () => {
    const response = await download(reporter);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX_TYPE);
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; .*filename\*=UTF-8''.*DBP%202023\.xlsx$/);
    template = response.rawPayload;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template).buffer);
    const sheet = workbook.getWorksheet('Nhập liệu');
    expect(sheet?.rowCount).toBe(1 + 68); // one unit, every indicator of the district framework
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet?.eachRow((row) => {
        if (row.getCell(3).value === code) found = row;
      });
      if (!found) throw new Error(`no row ${code}`);
      return found;
    };
    const cells = (code: string) => [7, 8, 10, 11].map((column) => rowOf(code).getCell(column).value ?? null);
    expect(rowOf('1.1').getCell(1).value).toBe('DBP');
    expect(cells('1.1')).toEqual(['có', null, null, 'Quyết định thành lập Ban chỉ đạo']);
    expect(cells('1.2')).toEqual([7.5, null, null, null]);
    expect(cells('1.4')).toEqual([null, 4, null, null]);
    expect(cells('6.1')).toEqual([null, null, 'x', 'Không có nhiệm vụ trong năm']);
    expect(cells('1.3')).toEqual([null, null, null, null]);
    // The drop-downs survive the pre-filling: "có/không" on the value cell of a yes/no indicator.
    expect(sheet?.getCell(`G${rowOf('1.1').number}`).dataValidation).toMatchObject({ type: 'list', formulae: ['"có,không"'] });
  });

  it('refuses the template of another unit and to anonymous visitors', async () => {
    expect((await download(reporter, dbiAssessment)).statusCode).toBe(403);
    expect((await download(undefined)).statusCode).toBe(401);
  });

  it('an unchanged template imports nothing', async () => {
    const response = await upload(reporter, 'phieu.xlsx', template);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect([report.imported, report.rejected]).toEqual([0, 0]);
    // Blank rows of indicators never answered are not reported; answered ones are "unchanged".
    expect(report.rows.map((row: ReportRow) => row.indicator).sort()).toEqual(['1.1', '1.2', '1.4', '6.1']);
  });

  it('saves the filled rows on the current version and rejects the others with the reason', async () => {
    const before = await answersNow();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template).buffer);
    const sheet = workbook.getWorksheet('Nhập liệu') as ExcelJS.Worksheet;
    const rowNumberOf = (code: string) => {
      let found = 0;
      sheet.eachRow((row, number) => {
        if (!found && row.getCell(3).value === code) found = number;
      });
      return found;
    };
    sheet.getCell(`G${rowNumberOf('1.3')}`).value = 'có';
    sheet.getCell(`K${rowNumberOf('1.3')}`).value = 'Chuyên mục trên cổng thông tin';
    sheet.getCell(`G${rowNumberOf('1.2')}`).value = 9; // changed
    sheet.getCell(`G${rowNumberOf('3.1')}`).value = '12/15';
    sheet.getCell(`G${rowNumberOf('1.5')}`).value = 'có lẽ'; // not a yes/no
    sheet.getCell(`G${rowNumberOf('1.6')}`).value = 50; // above the maximum of 5
    sheet.getCell(`J${rowNumberOf('6.2')}`).value = 'x'; // not assessed, without a reason
    sheet.addRow(['DBI', 'Huyện Điện Biên', '1.1', '', 5, '', 'có']);
    sheet.addRow(['DBP', 'Thành phố Điện Biên Phủ', '9.9', '', 5, '', 'có']);
    sheet.addRow(['DBP', 'Thành phố Điện Biên Phủ', '1.3', '', 5, '', 'không']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await upload(reporter, 'phiếu đã điền.xlsx', bytes);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    const byRow = new Map<string, ReportRow>(report.rows.map((row: ReportRow) => [`${row.row}:${row.indicator}`, row]));
    const status = (code: string, row = rowNumberOf(code)) => byRow.get(`${row}:${code}`)?.status;
    expect(report.file).toBe('phiếu đã điền.xlsx');
    expect([status('1.3'), status('1.2'), status('3.1'), status('1.1'), status('6.1')]).toEqual([
      'imported',
      'imported',
      'imported',
      'unchanged',
      'unchanged',
    ]);
    expect(byRow.get(`${rowNumberOf('3.1')}:3.1`)?.selfPoints).toBe(4);
    const message = (key: string) => byRow.get(key)?.message ?? '';
    expect(message(`${rowNumberOf('1.5')}:1.5`)).toContain('"có lẽ" của "1.5" không hợp lệ');
    expect(message(`${rowNumberOf('1.6')}:1.6`)).toBe('điểm 50 vượt điểm tối đa 5 của "1.6"');
    expect(message(`${rowNumberOf('6.2')}:6.2`)).toContain('cần ghi rõ lý do');
    expect(message(`${sheet.rowCount - 2}:1.1`)).toContain('đơn vị "DBI"');
    expect(message(`${sheet.rowCount - 1}:9.9`)).toContain('mã chỉ số "9.9" không có trong bộ chỉ số');
    expect(message(`${sheet.rowCount}:1.3`)).toContain(`đã có ở dòng ${rowNumberOf('1.3')}`);
    expect([report.imported, report.rejected]).toEqual([3, 6]);

    const after = await answersNow();
    expect(after.get('1.3')).toMatchObject({ value: 'có', selfPoints: 5, version: 1 });
    expect(after.get('1.2')).toMatchObject({ value: '9', selfPoints: 9, version: (before.get('1.2')?.version ?? 0) + 1 });
    expect(after.get('1.1')?.version).toBe(before.get('1.1')?.version);
    expect(after.has('1.5')).toBe(false);
    expect(after.has('1.6')).toBe(false);
  });

  it('reads CSV with semicolons and answers in the request language', async () => {
    const csv = [
      'unit_code;indicator;value;not_assessed;explanation',
      'DBP;1.7;8;;Hưởng ứng Ngày chuyển đổi số',
      'DBP;2.1;abc;;',
      'DBI;2.2;3;;',
      'DBP;2.3;;x;Không áp dụng với thành phố',
    ].join('\r\n');
    const response = await upload(reporter, 'answers.csv', Buffer.from(`\uFEFF${csv}`, 'utf8'), 'en');
    expect(response.statusCode).toBe(200);
    const rows = response.json().rows as ReportRow[];
    expect(rows.map((row) => [row.row, row.indicator, row.status])).toEqual([
      [2, '1.7', 'imported'],
      [3, '2.1', 'rejected'],
      [4, '2.2', 'rejected'],
      [5, '2.3', 'imported'],
    ]);
    expect(rows[1]?.message).toBe('value "abc" of "2.1" does not fit method direct: expected points from 0 to 10');
    expect(rows[2]?.message).toMatch(/may not enter data for unit "DBI"/);
    const after = await answersNow();
    expect(after.get('2.3')).toMatchObject({ value: null, selfPoints: null });
  });

  it('refuses what is not a spreadsheet of answers, and strangers', async () => {
    const pdf = await upload(reporter, 'bao-cao.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([400, 'input.unreadable']);
    const fakeXlsx = await upload(reporter, 'phieu.xlsx', Buffer.from('not a zip'));
    expect([fakeXlsx.statusCode, fakeXlsx.json().error.code]).toEqual([400, 'input.unreadable']);
    const noColumns = await upload(reporter, 'x.csv', Buffer.from('a;b\n1;2\n'));
    expect([noColumns.statusCode, noColumns.json().error.code]).toEqual([400, 'input.missing-column']);
    expect((await upload(appraiser, 'phieu.xlsx', template)).statusCode).toBe(403);
    expect((await upload(undefined, 'phieu.xlsx', template)).statusCode).toBe(401);
  });

  /** The template with `extra` rows appended to its answer sheet (a sheet row each). */
  const templateWithRows = async (extra: (string | number)[][]): Promise<{ bytes: Buffer; lastRow: number }> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template).buffer);
    const sheet = workbook.getWorksheet('Nhập liệu') as ExcelJS.Worksheet;
    for (const row of extra) sheet.addRow(row);
    return { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), lastRow: sheet.rowCount };
  };
  // The district framework: 68 indicators and 8 main indices, plus 50 spare rows.
  const MAX_ROWS = 68 + 8 + 50;

  it('takes the largest file the bound allows, and refuses one row more before saving anything', async () => {
    const before = await answersNow();
    const filler = (count: number) =>
      Array.from({ length: count }, () => ['DBP', 'Thành phố Điện Biên Phủ', '1.5', '', 5, '', 'có', '', '', '', 'lặp lại']);
    // Row 2 onwards: 68 indicator rows, then repeated rows up to the last allowed row.
    const largest = await templateWithRows(filler(MAX_ROWS - 68));
    expect(largest.lastRow).toBe(MAX_ROWS + 1);
    const accepted = await upload(reporter, 'lon-nhat.xlsx', largest.bytes);
    expect(accepted.statusCode).toBe(200);
    // The first repeated row is saved, the others are reported as duplicates, the last on the last allowed row.
    expect(accepted.json().rows.at(-1)).toMatchObject({ row: MAX_ROWS + 1, indicator: '1.5', status: 'rejected' });
    const saved = await answersNow();
    expect(saved.get('1.5')).toMatchObject({ value: 'có' });

    const tooLong = await templateWithRows([
      ...filler(MAX_ROWS - 68).map((row) => row.map((cell) => (cell === 'có' ? 'không' : cell))),
      ['DBP', 'Thành phố Điện Biên Phủ', '1.5', '', 5, '', 'không'],
    ]);
    const refused = await upload(reporter, 'qua-dai.xlsx', tooLong.bytes);
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('input.too-many-rows');
    expect(error.message).toContain(`nhiều hơn ${MAX_ROWS} dòng`);
    expect(error.message).toContain(`dừng đọc ở dòng ${MAX_ROWS + 2}`);
    const after = await answersNow();
    // The rows before the bound, which would change 1.5 to "không", were not saved either.
    expect(before.has('1.5')).toBe(false);
    expect(after.get('1.5')).toEqual(saved.get('1.5'));
  });

  it('refuses a CSV past the bound at its first row past it, in the request language', async () => {
    const rows = Array.from({ length: 100_000 }, (_, index) => `DBP;1.5;${index % 2 === 0 ? 'không' : 'có'}`);
    const response = await upload(
      reporter,
      'trieu-dong.csv',
      Buffer.from(['unit_code;indicator;value', ...rows].join('\n')),
      'en',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'input.too-many-rows' });
    expect(response.json().error.message).toContain(`reading stopped at row ${MAX_ROWS + 2}`);
    expect((await answersNow()).get('1.5')?.value).toBe('có');
  });

  it('refuses an .xlsx that unzips past 50 MB before parsing it', async () => {
    // The real template, plus a part of 51 MB of zeros: about 50 kB once deflated.
    const parts = await Promise.all(
      listZipEntries(template).map(async (entry) => ({
        name: entry.name,
        data: Buffer.concat((await unzipEntry(template, entry, 10 * 1024 * 1024)).chunks),
      })),
    );
    const bomb = writeZip([...parts, { name: 'xl/media/image1.png', data: Buffer.alloc(51 * 1024 * 1024) }], { deflate: true });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const response = await upload(reporter, 'bom.xlsx', bomb);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'input.too-large-unzipped' });
    expect(response.json().error.message).toContain('vượt giới hạn 50 MB');
  });

  it('refuses an import once the assessment is submitted', async () => {
    await t.database.db.update(assessments).set({ state: 'submitted' }).where(eq(assessments.id, dbpAssessment));
    const locked = await upload(reporter, 'phieu.xlsx', template);
    expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'workflow.locked']);
    // Reading stays possible: the template is also the unit's copy of what it submitted.
    expect((await download(reporter)).statusCode).toBe(200);
  });
});
