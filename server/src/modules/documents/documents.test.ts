/**
 * Official documents over HTTP on the demo (2022 published, 2023 open): numbers read back from the
 * .docx equal the published snapshot, nothing is made from an unpublished period, a unit reads its
 * own sheet only, header settings and uploaded templates reach the documents; an improvement plan's
 * document carries its tasks as the plan holds them.
 */
import { randomBytes } from 'node:crypto';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../db/schema/index.js';
import { readDefaultTemplate } from '../../documents/render-document.js';
import { docxPackageProblems, readDocxTables, readDocxText } from '../../test-support/docx-package.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----opendti${randomBytes(8).toString('hex')}`;
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(TEST_DATABASE_KINDS)('documents on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let reporter: Session;
  let published: string;
  let open: string;

  const download = (session: Session | undefined, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

  beforeAll(async () => {
    process.env.OPENDTI_PDF_RENDERER = 'pdfmake';
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    const periods = (await t.call(manager, 'GET', '/api/v1/periods')).json().items as { id: string; year: number }[];
    published = periods.find((period) => period.year === 2022)?.id as string;
    open = periods.find((period) => period.year === 2023)?.id as string;
  }, 120_000);
  afterAll(async () => {
    delete process.env.OPENDTI_PDF_RENDERER;
    await t?.close();
  });

  it('result report: every cohort’s ranking table equals the published snapshot, read back from the .docx', async () => {
    const response = await download(manager, `/api/v1/periods/${published}/documents/result-report`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['x-document-renderer']).toBe('docxtemplater');
    const bytes = response.rawPayload;
    expect(docxPackageProblems(bytes)).toEqual([]);
    const rankings = readDocxTables(bytes).filter((table) => table[0]?.[5] === 'Thay đổi hạng');
    for (const [index, unitKind] of ['department', 'district'].entries()) {
      const snapshot = (await download(undefined, `/api/v1/public/periods/${published}/results/${unitKind}`)).json();
      const expected = [...snapshot.units]
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.code.localeCompare(b.code))
        .map((unit) => [
          unit.rank === null ? '–' : String(unit.rank),
          unit.name,
          `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(unit.points)} / ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(unit.max)}`,
          unit.value.toFixed(snapshot.framework.precision).replace('.', ','),
        ]);
      expect(rankings[index]?.slice(1).map((row) => row.slice(0, 4))).toEqual(expected);
    }
    expect(readDocxText(bytes)).toMatch(/Quyết định số .+ ngày \d\d\/\d\d\/\d{4}/);
  });

  it('appendix and PDF, saying which renderer made the PDF', async () => {
    const appendix = await download(manager, `/api/v1/periods/${published}/documents/decision-appendix`);
    expect(appendix.statusCode).toBe(200);
    expect(docxPackageProblems(appendix.rawPayload)).toEqual([]);
    const pdf = await download(manager, `/api/v1/periods/${published}/documents/result-report?format=pdf`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.headers['x-document-renderer']]).toEqual([
      200,
      'application/pdf',
      'pdfmake',
    ]);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('makes nothing from an unpublished period, and a unit gets no period-wide document', async () => {
    const unpublished = await download(manager, `/api/v1/periods/${open}/documents/result-report`);
    expect([unpublished.statusCode, unpublished.json().error.code]).toEqual([409, 'document.not-published']);
    expect((await download(manager, `/api/v1/periods/${open}/documents/score-sheets/DBP`)).statusCode).toBe(409);
    expect((await download(reporter, `/api/v1/periods/${published}/documents/result-report`)).statusCode).toBe(403);
    expect((await download(reporter, `/api/v1/periods/${published}/documents/score-sheets.zip`)).statusCode).toBe(403);
    expect((await download(undefined, `/api/v1/periods/${published}/documents/decision-appendix`)).statusCode).toBe(401);
  });

  it('a unit reads its own score sheet only; its totals are the published ones', async () => {
    const own = await download(reporter, `/api/v1/periods/${published}/documents/score-sheets/DBP`);
    expect(own.statusCode).toBe(200);
    const snapshot = (await download(undefined, `/api/v1/public/periods/${published}/results/district/units/DBP`)).json();
    const text = readDocxText(own.rawPayload);
    expect(text).toContain(`Chỉ số chuyển đổi số: ${snapshot.unit.value.toFixed(4).replace('.', ',')}`);
    expect(text).toContain(`xếp hạng ${snapshot.unit.rank} trong`);
    expect((await download(reporter, `/api/v1/periods/${published}/documents/score-sheets/MLA`)).statusCode).toBe(403);
    expect((await download(manager, `/api/v1/periods/${published}/documents/score-sheets/KHONGCO`)).statusCode).toBe(404);
  });

  it('streams every unit’s sheet as one ZIP, each a valid .docx', async () => {
    const response = await download(manager, `/api/v1/periods/${published}/documents/score-sheets.zip`);
    expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'application/zip']);
    const zip = new PizZip(response.rawPayload);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
    const ranking = (await download(undefined, `/api/v1/public/periods/${published}/results/district`)).json();
    expect(names.filter((name) => name.startsWith('district/'))).toHaveLength(ranking.units.length);
    const first = zip.file(names[0] ?? '')?.asNodeBuffer();
    expect(first && docxPackageProblems(first)).toEqual([]);
  });

  it('fills the administrator’s header settings into every document, with optimistic locking and an audit entry', async () => {
    const current = (await t.call(admin, 'GET', '/api/v1/document-settings')).json();
    expect(current.version).toBe(0);
    const header = {
      ...current.header,
      parentBody: 'Ủy ban nhân dân tỉnh Điện Biên',
      place: 'Điện Biên',
      signerName: 'Nguyễn Thị Thu',
    };
    expect((await t.call(manager, 'PUT', '/api/v1/document-settings', { header, version: 0 })).statusCode).toBe(403);
    const saved = await t.call(admin, 'PUT', '/api/v1/document-settings', { header, version: 0 });
    expect([saved.statusCode, saved.json().version]).toEqual([200, 1]);
    expect((await t.call(admin, 'PUT', '/api/v1/document-settings', { header, version: 0 })).statusCode).toBe(409);
    const text = readDocxText((await download(manager, `/api/v1/periods/${published}/documents/result-report`)).rawPayload);
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN');
    expect(text).toMatch(/Điện Biên, ngày \d\d tháng \d\d? năm \d{4}/);
    expect(text).toContain('Nguyễn Thị Thu');
    const audit = (await t.call(admin, 'GET', '/api/v1/audit?entityType=documentSettings')).json();
    expect(JSON.stringify(audit)).toContain('documentSettings.updated');
  });

  it('refuses a template with unknown or missing fields by name, stores a good one, and goes back to the default', async () => {
    const url = '/api/v1/document-templates/unit-score-sheet';
    const edited = (replace: (xml: string) => string) => {
      return readDefaultTemplate('unit-score-sheet').then((bytes) => {
        const zip = new PizZip(bytes);
        zip.file('word/document.xml', replace(zip.file('word/document.xml')?.asText() ?? ''));
        return zip.generate({ type: 'nodebuffer' });
      });
    };
    const put = (session: Session, bytes: Buffer) => {
      const form = multipart('mau.docx', bytes);
      return t.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...form.headers },
        payload: form.payload,
      });
    };
    const bad = await put(admin, await edited((xml) => xml.replace('{indexValue}', '{diemMoi}')));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('{diemMoi}');
    expect(bad.body).toContain('{indexValue}');
    expect((await t.call(admin, 'GET', '/api/v1/document-templates')).json().items[2].custom).toBe(false);

    const huge = await put(admin, Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    expect([huge.statusCode, huge.json().error.message]).toEqual([413, expect.stringContaining('5 MB')]);

    const good = await put(admin, await edited((xml) => xml.replace('THỦ TRƯỞNG ĐƠN VỊ', 'TM. UBND HUYỆN')));
    expect([good.statusCode, good.json().custom]).toEqual([200, true]);
    expect((await put(manager, await edited((xml) => xml))).statusCode).toBe(403);
    const sheet = await download(manager, `/api/v1/periods/${published}/documents/score-sheets/DBP`);
    expect(readDocxText(sheet.rawPayload)).toContain('TM. UBND HUYỆN');
    const current = await download(admin, url);
    expect(readDocxText(current.rawPayload)).toContain('TM. UBND HUYỆN');

    expect((await t.call(admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await t.call(admin, 'DELETE', url)).statusCode).toBe(404);
    const back = await download(manager, `/api/v1/periods/${published}/documents/score-sheets/DBP`);
    expect(readDocxText(back.rawPayload)).toContain('THỦ TRƯỞNG ĐƠN VỊ');
  });

  it('the improvement plan: its task table read back from the .docx is the plan’s tasks; a draft is marked DỰ THẢO', async () => {
    const draft = await t.call(manager, 'POST', '/api/v1/plans/drafts', { periodId: published, unitKind: 'district' });
    expect(draft.statusCode).toBe(201);
    const planId = draft.json().id as string;
    const [first] = draft.json().tasks as { id: string; version: number }[];
    const assigned = await t.call(manager, 'PATCH', `/api/v1/plans/${planId}/tasks/${first?.id}`, {
      version: first?.version,
      lead: 'DBP',
      coordinating: ['DBI', 'MLA'],
      product: 'Kế hoạch và tài liệu kiểm chứng',
    });
    expect(assigned.statusCode).toBe(200);
    const plan = (await t.call(manager, 'GET', `/api/v1/plans/${planId}`)).json();
    const nameOf = new Map(
      (await t.database.db.select({ code: units.code, name: units.name }).from(units)).map((unit) => [unit.code, unit.name]),
    );
    const url = `/api/v1/plans/${planId}/document`;
    const response = await download(manager, url);
    expect([response.statusCode, response.headers['x-document-renderer']]).toEqual([200, 'docxtemplater']);
    expect(response.headers['content-disposition']).toContain('ke-hoach-nang-cao-chi-so-2023-du-thao.docx');
    const bytes = response.rawPayload;
    expect(docxPackageProblems(bytes)).toEqual([]);
    const tasks = readDocxTables(bytes).find((table) => table[0]?.[1] === 'Nhiệm vụ');
    const day = (iso: string) => iso.split('-').reverse().join('/');
    expect(tasks?.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[4], row[5], row[6]])).toEqual(
      plan.tasks.map(
        (
          task: {
            text: string;
            indicators: string[];
            lead: string | null;
            coordinating: string[];
            dueOn: string;
            product: string;
          },
          index: number,
        ) => [
          String(index + 1),
          task.text,
          task.indicators.join(', '),
          task.lead ? nameOf.get(task.lead) : 'Chưa phân công',
          task.coordinating.map((code) => nameOf.get(code)).join('; '),
          day(task.dueOn),
          task.product,
        ],
      ),
    );
    expect(tasks?.[1]?.[3]).toBe(nameOf.get('DBP'));
    const text = readDocxText(bytes);
    expect(text).toContain('DỰ THẢO');
    expect(text).toMatch(/Căn cứ kết quả đánh giá chỉ số chuyển đổi số ".+" \(bộ chỉ số: .+\) công bố theo Quyết định số/);
    const targets = readDocxTables(bytes).find((table) => table[0]?.[2] === 'Xuất phát');
    expect(targets?.slice(1)).toHaveLength(plan.targets.length);

    const pdf = await download(manager, `${url}?format=pdf`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.headers['x-document-renderer']]).toEqual([
      200,
      'application/pdf',
      'pdfmake',
    ]);

    await t.call(manager, 'PATCH', `/api/v1/plans/${planId}`, { version: plan.version, documentNumber: '187/KH-UBND' });
    expect((await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' })).statusCode).toBe(200);
    const issued = readDocxText((await download(manager, url)).rawPayload);
    expect(issued).not.toContain('DỰ THẢO');
    expect(issued).toContain('Số: 187/KH-UBND');

    // The administrator's edited template: checked (the draft mark must stay), then used.
    const template = new PizZip(await readDefaultTemplate('improvement-plan'));
    const xml = template.file('word/document.xml')?.asText() ?? '';
    const upload = async (body: string) => {
      template.file('word/document.xml', body);
      const form = multipart('ke-hoach.docx', template.generate({ type: 'nodebuffer' }));
      return t.app.inject({
        method: 'PUT',
        url: '/api/v1/document-templates/improvement-plan',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, ...form.headers },
        payload: form.payload,
      });
    };
    const refused = await upload(xml.replace('{draftMark}', ''));
    expect([refused.statusCode, refused.body]).toEqual([400, expect.stringContaining('{draftMark}')]);
    expect((await upload(xml.replace('IV. TỔ CHỨC THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN KẾ HOẠCH'))).statusCode).toBe(200);
    expect(readDocxText((await download(manager, url)).rawPayload)).toContain('IV. TỔ CHỨC THỰC HIỆN KẾ HOẠCH');
    expect((await t.call(admin, 'DELETE', '/api/v1/document-templates/improvement-plan')).statusCode).toBe(204);

    expect((await download(reporter, url)).statusCode).toBe(403);
    expect((await download(undefined, url)).statusCode).toBe(401);
    const missing = await download(manager, '/api/v1/plans/00000000-0000-4000-8000-000000000000/document');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'http.not-found']);
    expect((await download(manager, `${url}?format=odt`)).statusCode).toBe(400);
  });

  it('the unit’s self-assessment report lists its answers and totals', async () => {
    const assessments = (await t.call(reporter, 'GET', `/api/v1/periods/${open}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    const own = assessments.find((assessment) => assessment.unit.code === 'DBP');
    expect(own).toBeDefined();
    const response = await download(reporter, `/api/v1/assessments/${own?.id}/documents/self-assessment`);
    expect(response.statusCode).toBe(200);
    expect(docxPackageProblems(response.rawPayload)).toEqual([]);
    const text = readDocxText(response.rawPayload);
    expect(text).toContain('Tổng điểm tự đánh giá:');
    expect(text).toContain('TỰ ĐÁNH GIÁ');
    const others = assessments.filter((assessment) => assessment.unit.code !== 'DBP');
    if (others[0]) {
      const manage = await download(manager, `/api/v1/assessments/${others[0].id}/documents/self-assessment`);
      expect(manage.statusCode).toBe(200);
      expect((await download(reporter, `/api/v1/assessments/${others[0].id}/documents/self-assessment`)).statusCode).toBe(403);
    }
  });
});
