import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods } from '../../db/schema/index.js';
import { loadExcelJS } from '../../spreadsheets/load-exceljs.js';
import { TASK_TABLE_HEADER_ROW } from '../../spreadsheets/write-plan-workbook.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

const FRAMEWORK = 'dienbien-2022-district';

interface Task {
  id: string;
  position: number;
  text: string;
  indicators: string[];
  lead: string | null;
  coordinating: string[];
  product: string;
  startOn: string | null;
  dueOn: string;
  state: string;
  version: number;
}

/** What a task is, without what the server derives (the caller's actions, the overdue display). */
const essence = (task: Task) => ({
  id: task.id,
  position: task.position,
  text: task.text,
  indicators: task.indicators,
  lead: task.lead,
  coordinating: task.coordinating,
  product: task.product,
  startOn: task.startOn,
  dueOn: task.dueOn,
  state: task.state,
});

describe.each(TEST_DATABASE_KINDS)('plan task table as XLSX, and the ownership carry-over, on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let administrator: Session;
  let published2022: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    administrator = await t.signIn('quantri');
    const rows = await t.database.db.select().from(periods);
    published2022 = rows.find((period) => period.year === 2022)?.id as string;
  }, 120_000);
  afterAll(async () => t?.close());

  const auditOf = async (entityId: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id));

  /** A drafted plan whose first tasks have lead and coordinating units (the draft leaves them unassigned). */
  async function draftedPlan(): Promise<{ id: string; tasks: Task[] }> {
    const drafted = await t.call(manager, 'POST', '/api/v1/plans/drafts', { periodId: published2022, unitKind: 'district' });
    expect(drafted.statusCode).toBe(201);
    const plan = drafted.json();
    for (const [index, task] of (plan.tasks as Task[]).slice(0, 2).entries()) {
      const edited = await t.call(manager, 'PATCH', `/api/v1/plans/${plan.id}/tasks/${task.id}`, {
        version: task.version,
        lead: index === 0 ? 'DBP' : 'DBI',
        coordinating: index === 0 ? ['DBI', 'MLA'] : [],
        startOn: '2023-02-01',
        product: 'Kế hoạch; báo cáo "kết quả"\n(bản scan)',
      });
      expect(edited.statusCode).toBe(200);
    }
    const reread = (await t.call(manager, 'GET', `/api/v1/plans/${plan.id}`)).json();
    return { id: plan.id, tasks: reread.tasks };
  }

  const download = async (planId: string) => {
    const response = await t.call(manager, 'GET', `/api/v1/plans/${planId}/tasks.xlsx`);
    expect(response.statusCode).toBe(200);
    return response;
  };
  const importBody = (bytes: Uint8Array | Buffer, dryRun?: boolean) => ({
    fileName: 'nhiệm vụ.xlsx',
    contentBase64: Buffer.from(bytes).toString('base64'),
    ...(dryRun === undefined ? {} : { dryRun }),
  });
  const tasksOf = async (planId: string): Promise<Task[]> =>
    (await t.call(manager, 'GET', `/api/v1/plans/${planId}`)).json().tasks;

  it('exports the task table and imports it back as the same tasks, ids and all (round trip)', async () => {
    const plan = await draftedPlan();
    const response = await download(plan.id);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toContain('attachment; filename="Ke hoach du thao nam 2023 - nhiem vu.xlsx"');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Kế hoạch dự thảo năm 2023 - nhiệm vụ.xlsx')}`,
    );

    const check = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, importBody(response.rawPayload, true));
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ rows: plan.tasks.length, imported: false, added: 0, updated: 0, removed: 0, problems: [] });

    const imported = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, importBody(response.rawPayload));
    expect(imported.json()).toMatchObject({ rows: plan.tasks.length, imported: true, added: 0, updated: 0, removed: 0 });
    const after = await tasksOf(plan.id);
    expect(after.map(essence)).toEqual(plan.tasks.map(essence));
    // Nothing changed, so no task's version moved.
    expect(after.map((task) => task.version)).toEqual(plan.tasks.map((task) => task.version));
    expect((await auditOf(plan.id))[0]?.action).toBe('plan.tasks.import');
  });

  it('replaces the table as the file says: an edited row updated, a removed row removed, a new row added', async () => {
    const plan = await draftedPlan();
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load((await download(plan.id)).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhiệm vụ');
    if (!sheet) throw new Error('no sheet');
    const first = TASK_TABLE_HEADER_ROW + 1;
    const last = TASK_TABLE_HEADER_ROW + plan.tasks.length;
    sheet.getCell(first, 2).value = 'Ban hành kế hoạch chuyển đổi số của thành phố (sửa trong Excel)';
    sheet.spliceRows(last, 1);
    sheet.getRow(last).values = [
      plan.tasks.length,
      'Nhiệm vụ mới thêm trong Excel',
      '1.2; 1.1',
      'DBI',
      'DBP',
      '30/11/2023',
      'Báo cáo',
      'Chưa thực hiện',
      '',
      '',
      '',
    ];
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, importBody(bytes, true));
    expect(preview.json()).toMatchObject({ imported: false, added: 1, updated: 1, removed: 1, problems: [] });
    expect((await tasksOf(plan.id)).map(essence)).toEqual(plan.tasks.map(essence));

    const imported = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, importBody(bytes));
    expect(imported.json()).toMatchObject({ imported: true, added: 1, updated: 1, removed: 1 });
    const after = await tasksOf(plan.id);
    expect(after).toHaveLength(plan.tasks.length);
    expect(after[0]).toMatchObject({
      id: plan.tasks[0]?.id,
      text: 'Ban hành kế hoạch chuyển đổi số của thành phố (sửa trong Excel)',
      version: (plan.tasks[0]?.version ?? 0) + 1,
    });
    expect(after.at(-1)).toMatchObject({
      text: 'Nhiệm vụ mới thêm trong Excel',
      indicators: ['1.2', '1.1'],
      lead: 'DBI',
      coordinating: ['DBP'],
      dueOn: '2023-11-30',
      state: 'notStarted',
    });
    expect(after.map((task) => task.id)).not.toContain(plan.tasks.at(-1)?.id);
  });

  it('reports every bad row with its row, column and message in both languages, and imports nothing', async () => {
    const plan = await draftedPlan();
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load((await download(plan.id)).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Nhiệm vụ');
    if (!sheet) throw new Error('no sheet');
    sheet.getCell(TASK_TABLE_HEADER_ROW + 1, 4).value = 'KHONGCO';
    sheet.getCell(TASK_TABLE_HEADER_ROW + 2, 3).value = '9.9';
    const bad = await t.call(
      manager,
      'POST',
      `/api/v1/plans/${plan.id}/tasks/import`,
      importBody(new Uint8Array(await workbook.xlsx.writeBuffer())),
    );
    expect(bad.statusCode).toBe(200);
    const report = bad.json();
    expect(report).toMatchObject({ rows: 0, imported: false, added: 0, updated: 0, removed: 0 });
    expect(
      report.problems.map((problem: { row: number; column: string; code: string }) => [
        problem.row,
        problem.column,
        problem.code,
      ]),
    ).toEqual([
      [5, 'Đơn vị chủ trì', 'plan.task-unknown-unit'],
      [6, 'Chỉ số', 'plan.task-unknown-indicator'],
    ]);
    expect(report.problems[0].message.vi).toContain('KHONGCO');
    expect(report.problems[1].message.en).toContain('9.9');
    expect((await tasksOf(plan.id)).map(essence)).toEqual(plan.tasks.map(essence));

    // A draft's tasks have not started: a row in another state is refused at its state cell.
    sheet.getCell(TASK_TABLE_HEADER_ROW + 1, 4).value = 'DBP';
    sheet.getCell(TASK_TABLE_HEADER_ROW + 2, 3).value = '1.1';
    sheet.getCell(TASK_TABLE_HEADER_ROW + 3, 8).value = 'Đang thực hiện';
    const started = await t.call(
      manager,
      'POST',
      `/api/v1/plans/${plan.id}/tasks/import?lang=en`,
      importBody(new Uint8Array(await workbook.xlsx.writeBuffer())),
    );
    expect(started.json().problems).toMatchObject([
      {
        row: TASK_TABLE_HEADER_ROW + 3,
        code: 'plan.import-state-in-draft',
        message: { en: expect.stringContaining('In progress') },
      },
    ]);

    const garbage = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('không phải tệp Excel').toString('base64'),
    });
    expect(garbage.statusCode).toBe(400);
    const unsafe = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, { fileName: 'x.xlsx' });
    expect(unsafe.statusCode).toBe(400);
  });

  it('refuses an import into an issued plan (409), and keeps its tasks', async () => {
    const plan = await draftedPlan();
    const bytes = (await download(plan.id)).rawPayload;
    const current = (await t.call(manager, 'GET', `/api/v1/plans/${plan.id}`)).json();
    expect(
      (await t.call(manager, 'PATCH', `/api/v1/plans/${plan.id}`, { version: current.version, documentNumber: '9/KH-UBND' }))
        .statusCode,
    ).toBe(200);
    expect((await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/transitions`, { action: 'issue' })).statusCode).toBe(200);
    const refused = await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/import`, importBody(bytes));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('plan.import-not-draft');
    expect(refused.json().error.message).toContain('Đã ban hành');
    const exported = await download(plan.id);
    expect(exported.headers['content-disposition']).toContain('Ke hoach 9-KH-UBND nam 2023');
  });

  it('carries the ownership into next year’s framework by code and by mapping; dry run first; audited', async () => {
    const next = 'dienbien-2023-district-thu';
    const clone = await t.call(administrator, 'POST', `/api/v1/frameworks/${FRAMEWORK}/clone`, { id: next, year: 2023 });
    expect(clone.statusCode).toBe(201);
    const owners = [
      { indicator: '1.1', lead: 'DBP', coordinating: ['DBI'] },
      { indicator: '1.2', lead: 'DBI', coordinating: [] },
    ];
    expect((await t.call(manager, 'PUT', `/api/v1/frameworks/${FRAMEWORK}/ownership`, { owners })).statusCode).toBe(200);
    const url = `/api/v1/frameworks/${next}/ownership/carry-over`;

    const preview = await t.call(manager, 'POST', url, { fromFrameworkId: FRAMEWORK, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      saved: false,
      carried: [
        { indicator: '1.1', from: '1.1', lead: 'DBP', coordinating: ['DBI'] },
        { indicator: '1.2', from: '1.2', lead: 'DBI', coordinating: [] },
      ],
      notCarried: [],
    });
    expect(preview.json().unowned).not.toContain('1.1');
    expect((await t.call(manager, 'GET', `/api/v1/frameworks/${next}/ownership`)).json()).toEqual([]);

    const badMapping = await t.call(manager, 'POST', url, {
      fromFrameworkId: FRAMEWORK,
      mapping: [{ from: '99.1', to: '99.2' }],
    });
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path)).toEqual([
      'mapping[0].from',
      'mapping[0].to',
    ]);
    expect((await t.call(manager, 'POST', url, { fromFrameworkId: next })).statusCode).toBe(400);
    const unknown = await t.call(manager, 'POST', url, { fromFrameworkId: 'khong-co' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('khong-co');

    // 1.1's owner goes to 1.3 where the codes changed; 1.2 keeps its code.
    const saved = await t.call(manager, 'POST', url, { fromFrameworkId: FRAMEWORK, mapping: [{ from: '1.1', to: '1.3' }] });
    expect(saved.json()).toMatchObject({ saved: true, notCarried: [] });
    expect((await t.call(manager, 'GET', `/api/v1/frameworks/${next}/ownership`)).json()).toEqual([
      { indicator: '1.2', lead: 'DBI', coordinating: [] },
      { indicator: '1.3', lead: 'DBP', coordinating: ['DBI'] },
    ]);
    const [audit] = await auditOf(next);
    expect(audit).toMatchObject({ action: 'plan.ownership.carryOver', newValue: { fromFrameworkId: FRAMEWORK } });
  });
});
