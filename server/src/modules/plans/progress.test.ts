import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, vietnamDay } from '@opendti/core';
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods, units } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

const FRAMEWORK = 'dienbien-2022-district';
const PDF = Buffer.from(
  `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n% ${randomBytes(6).toString('hex')}\n`,
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(256, 0x90)]);
const PASSWORD = 'Mat-khau-kiem-thu-2024!';

type Problem = { code: string; message: string; location?: { path?: string } };
const pathsOf = (response: LightMyRequestResponse) =>
  (response.json().error.problems as Problem[]).map((problem) => problem.location?.path);

describe.each(TEST_DATABASE_KINDS)('plan progress: rounds, reports, evidence, comments on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let dbp: Session;
  let dbi: Session;
  let appraiser: Session;
  let published2022: string;
  const today = vietnamDay(new Date());
  // Rounds around today, whatever the day the suite runs: one past, the one being reported, one to come.
  const past = addDays(today, -60);
  const current = addDays(today, 30);
  const future = addDays(today, 400);
  const planDate = addDays(today, -120);
  let planId: string;
  const task: Record<'shared' | 'coordinated' | 'cancelled' | 'foreign', string> = {
    shared: '',
    coordinated: '',
    cancelled: '',
    foreign: '',
  };
  let evidenceId: string;

  const upload = (session: Session, url: string, file: { name: string; bytes: Buffer }) => {
    const boundary = `----opendti${randomBytes(8).toString('hex')}`;
    return t.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        file.bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
      },
    });
  };
  const lastAudit = async (entityId: string) =>
    (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id)))[0];
  const reportUrl = (taskId: string, dueOn: string) => `/api/v1/plans/${planId}/tasks/${taskId}/reports/${dueOn}`;
  const good = (extra: object = {}) => ({
    text: 'Đã xây dựng dự thảo kế hoạch, lấy ý kiến các phòng',
    percent: 40,
    state: 'inProgress',
    links: ['https://dienbienphu.gov.vn/ke-hoach'],
    evidenceIds: [] as string[],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    dbp = await t.signIn('nhaplieu.dbp');
    appraiser = await t.signIn('thamdinh');
    const [dbiUnit] = await t.database.db.select().from(units).where(eq(units.code, 'DBI'));
    const admin = await t.signIn('quantri');
    const created = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'nhaplieu.dbi',
      displayName: 'Nhập liệu huyện Điện Biên',
      role: 'unitReporter',
      unitId: dbiUnit?.id,
      password: PASSWORD,
    });
    expect(created.statusCode).toBe(201);
    const login = await t.call(undefined, 'POST', '/api/v1/auth/login', { username: 'nhaplieu.dbi', password: PASSWORD });
    const first = {
      cookie: `opendti_session=${login.cookies.find((cookie) => cookie.name === 'opendti_session')?.value}`,
      csrfToken: login.json().csrfToken,
      userId: login.json().id,
    };
    await t.call(first, 'POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-rieng` });
    const relogin = await t.call(undefined, 'POST', '/api/v1/auth/login', {
      username: 'nhaplieu.dbi',
      password: `${PASSWORD}-rieng`,
    });
    dbi = {
      cookie: `opendti_session=${relogin.cookies.find((cookie) => cookie.name === 'opendti_session')?.value}`,
      csrfToken: relogin.json().csrfToken,
      userId: relogin.json().id,
    };
    const rows = await t.database.db.select().from(periods);
    published2022 = rows.find((period) => period.year === 2022)?.id as string;
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuses a reporting schedule it cannot read, at reportingSchedule[i], in both languages', async () => {
    const body = {
      year: 2023,
      date: '2023-03-01',
      title: 'Kế hoạch có lịch báo cáo sai',
      reportingSchedule: ['quarterly', 'hằng tháng', '2023-01-15'],
    };
    const vi = await t.call(manager, 'POST', '/api/v1/plans', body);
    expect(vi.statusCode).toBe(400);
    expect(pathsOf(vi)).toEqual(['reportingSchedule[1]', 'reportingSchedule[2]']);
    expect(vi.json().error.message).toContain('"hằng tháng" không phải lịch báo cáo');
    expect(vi.json().error.message).toContain('trước ngày ban hành kế hoạch 01/03/2023');
    const en = await t.call(manager, 'POST', '/api/v1/plans?lang=en', body);
    expect(en.json().error.message).toContain('is not a reporting schedule entry');

    const ok = await t.call(manager, 'POST', '/api/v1/plans', { ...body, reportingSchedule: ['quarterly', '15/11'] });
    expect(ok.statusCode).toBe(201);
    const patched = await t.call(manager, 'PATCH', `/api/v1/plans/${ok.json().id}`, { reportingSchedule: ['weekly'] });
    expect(patched.statusCode).toBe(400);
    expect(pathsOf(patched)).toEqual(['reportingSchedule[0]']);
    const rounds = await t.call(manager, 'GET', `/api/v1/plans/${ok.json().id}/reporting-rounds`);
    expect(rounds.json().rounds.map((round: { dueOn: string }) => round.dueOn)).toEqual([
      '2023-03-15',
      '2023-06-15',
      '2023-09-15',
      '2023-11-15',
      '2023-12-15',
    ]);
    expect(rounds.json().rounds[4].title).toEqual({ vi: 'Quý IV/2023', en: 'Q4 2023' });
  });

  it('sets up an issued plan: DBP leads one task and coordinates another, one task is cancelled, one is DBI’s alone', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/plans', {
      // The demo's units are active in 2022–2023; the rounds are explicit days around today.
      year: 2023,
      date: planDate,
      title: 'Kế hoạch nâng cao chỉ số (kiểm thử báo cáo tiến độ)',
      documentNumber: '187/KH-UBND',
      reportingSchedule: [past, current, future],
      basis: [{ frameworkId: FRAMEWORK, source: published2022 }],
    });
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    const add = async (text: string, indicator: string, lead: string, coordinating: string[]) => {
      const response = await t.call(manager, 'POST', `/api/v1/plans/${planId}/tasks`, {
        text,
        indicators: [indicator],
        lead,
        coordinating,
        startOn: null,
        dueOn: addDays(today, 500),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    task.shared = await add('Ban hành kế hoạch chuyển đổi số của thành phố', '1.1', 'DBP', ['DBI']);
    task.coordinated = await add('Cập nhật cổng thông tin huyện', '1.2', 'DBI', ['DBP']);
    task.cancelled = await add('Nhiệm vụ sẽ huỷ', '1.3', 'DBP', []);
    task.foreign = await add('Nhiệm vụ riêng của huyện Điện Biên', '2.1', 'DBI', []);

    // A draft is the manager's alone.
    expect((await t.call(dbp, 'GET', `/api/v1/plans/${planId}/reporting-rounds`)).statusCode).toBe(404);
    expect((await t.call(dbp, 'PUT', reportUrl(task.shared, current), good())).statusCode).toBe(404);
    expect((await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' })).statusCode).toBe(200);
    const cancelled = await t.call(manager, 'POST', `/api/v1/plans/${planId}/tasks/${task.cancelled}/transitions`, {
      action: 'cancel',
      reason: 'Trùng nhiệm vụ khác',
    });
    expect(cancelled.statusCode).toBe(200);
  });

  it('counts the rounds: cancelled tasks owe nothing, a passed round without reports is missing', async () => {
    const response = await t.call(manager, 'GET', `/api/v1/plans/${planId}/reporting-rounds`);
    expect(response.statusCode).toBe(200);
    const { rounds } = response.json();
    expect(
      rounds.map((round: { dueOn: string; open: boolean; current: boolean }) => [round.dueOn, round.open, round.current]),
    ).toEqual([
      [past, true, false],
      [current, true, true],
      [future, false, false],
    ]);
    expect(rounds[0].counts).toEqual({ expected: 3, submitted: 0, late: 0, missing: 3, pending: 0 });
    expect(rounds[1].counts).toEqual({ expected: 3, submitted: 0, late: 0, missing: 0, pending: 3 });
  });

  it('takes files from the lead unit only, checked like assessment evidence', async () => {
    const url = `/api/v1/plans/${planId}/tasks/${task.shared}/evidence`;
    const exe = await upload(dbp, url, { name: 'bao-cao.pdf', bytes: EXE });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('evidence.executable');
    const byCoordinator = await upload(dbi, url, { name: 'y-kien.pdf', bytes: PDF });
    expect(byCoordinator.statusCode).toBe(403);
    expect(byCoordinator.json().error.code).toBe('plan.report-lead-only');
    const stranger = await upload(dbp, `/api/v1/plans/${planId}/tasks/${task.foreign}/evidence`, { name: 'a.pdf', bytes: PDF });
    expect(stranger.statusCode).toBe(404);

    const uploaded = await upload(dbp, url, { name: 'Kế hoạch số 12.pdf', bytes: PDF });
    expect(uploaded.statusCode).toBe(201);
    const [item] = uploaded.json().items;
    expect(item).toMatchObject({ fileName: 'Kế hoạch số 12.pdf', size: PDF.length, mimeType: 'application/pdf', inline: true });
    evidenceId = item.id;
    expect((await lastAudit(evidenceId))?.action).toBe('plan.evidence.add');
    // The same file again is the same evidence.
    const again = await upload(dbp, url, { name: 'Kế hoạch số 12.pdf', bytes: PDF });
    expect(again.json().items[0].id).toBe(evidenceId);

    for (const reader of [dbp, dbi, manager]) {
      const download = await t.call(reader, 'GET', item.contentUrl);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
    }
    expect((await t.call(appraiser, 'GET', item.contentUrl)).statusCode).toBe(403);
    const elsewhere = `/api/v1/plans/${planId}/tasks/${task.coordinated}/evidence/${evidenceId}`;
    expect((await t.call(manager, 'GET', elsewhere)).statusCode).toBe(404);
  });

  it('refuses bad reports at their fields, in both languages, and reports from anyone but the lead unit', async () => {
    const bad = good({ text: '  ', links: ['javascript:alert(1)'], evidenceIds: [randomUUID()] });
    const vi = await t.call(dbp, 'PUT', reportUrl(task.shared, current), bad);
    expect(vi.statusCode).toBe(400);
    expect(pathsOf(vi)).toEqual(['text', 'links[0]', 'evidenceIds[0]']);
    expect(vi.json().error.message).toContain('cần nêu kết quả thực hiện');
    const en = await t.call(dbp, 'PUT', `${reportUrl(task.shared, current)}?lang=en`, bad);
    expect(en.json().error.message).toContain('only http:// and https:// addresses are accepted');

    const percent = await t.call(dbp, 'PUT', reportUrl(task.shared, current), good({ percent: 120 }));
    expect(percent.statusCode).toBe(400);
    expect(percent.json().error.message).toContain('percent');

    const cancelled = await t.call(dbp, 'PUT', reportUrl(task.cancelled, current), good());
    expect(cancelled.statusCode).toBe(400);
    expect(cancelled.json().error.code).toBe('plan.report-on-cancelled');
    expect(cancelled.json().error.message).toContain('Trùng nhiệm vụ khác');

    const notOpen = await t.call(dbp, 'PUT', reportUrl(task.shared, future), good());
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().error.code).toBe('plan.round-not-open');
    const unknown = await t.call(dbp, 'PUT', reportUrl(task.shared, addDays(current, 1)), good());
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('plan.unknown-round');

    for (const [who, status] of [
      [dbi, 403],
      [manager, 403],
      [appraiser, 403],
    ] as const) {
      const response = await t.call(who, 'PUT', reportUrl(task.shared, current), good());
      expect(response.statusCode).toBe(status);
    }
    expect((await t.call(dbp, 'PUT', reportUrl(task.foreign, current), good())).statusCode).toBe(404);
  });

  it('takes the lead unit’s report, moves the task through the workflow, and keeps edits to the version', async () => {
    const first = await t.call(dbp, 'PUT', reportUrl(task.shared, current), good({ evidenceIds: [evidenceId] }));
    expect(first.statusCode).toBe(200);
    const report = first.json();
    expect(report).toMatchObject({
      roundDueOn: current,
      unit: { code: 'DBP' },
      percent: 40,
      state: 'inProgress',
      links: ['https://dienbienphu.gov.vn/ke-hoach'],
      version: 1,
    });
    expect(report.evidence.map((item: { id: string }) => item.id)).toEqual([evidenceId]);
    expect((await lastAudit(report.id))?.action).toBe('plan.report.submit');
    expect((await lastAudit(task.shared))?.action).toBe('plan.task.start');

    const stale = await t.call(dbp, 'PUT', reportUrl(task.shared, current), good({ percent: 100, state: 'done' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('http.stale-version');

    const done = await t.call(
      dbp,
      'PUT',
      reportUrl(task.shared, current),
      good({ percent: 100, state: 'done', evidenceIds: [evidenceId], version: 1 }),
    );
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', percent: 100, version: 2, submittedAt: report.submittedAt });
    expect((await lastAudit(report.id))?.action).toBe('plan.report.update');
    expect((await lastAudit(task.shared))?.action).toBe('plan.task.complete');
    const plan = (await t.call(manager, 'GET', `/api/v1/plans/${planId}`)).json();
    expect(plan.tasks.find((candidate: { id: string }) => candidate.id === task.shared).state).toBe('done');

    // Only the manager reopens a done task: a report cannot take it back.
    const back = await t.call(dbp, 'PUT', reportUrl(task.shared, past), good());
    expect(back.statusCode).toBe(403);
    expect(back.json().error.code).toBe('plan.task-party-not-allowed');
    expect(pathsOf(back)).toEqual(['state']);
    // The missed round, reported late.
    const late = await t.call(dbp, 'PUT', reportUrl(task.shared, past), good({ state: 'done', percent: 100 }));
    expect(late.statusCode).toBe(200);
  });

  it('shows each round’s rows: late and missing marked, the manager all tasks, a unit its own', async () => {
    const pastRound = (await t.call(manager, 'GET', `/api/v1/plans/${planId}/reporting-rounds/${past}/reports`)).json();
    expect(pastRound.round.counts).toEqual({ expected: 3, submitted: 0, late: 1, missing: 2, pending: 0 });
    const status = (items: { task: { id: string }; reportStatus: string }[]) =>
      Object.fromEntries(items.map((item) => [item.task.id, item.reportStatus]));
    expect(status(pastRound.items)).toEqual({ [task.shared]: 'late', [task.coordinated]: 'missing', [task.foreign]: 'missing' });

    const currentRound = (await t.call(manager, 'GET', `/api/v1/plans/${planId}/reporting-rounds/${current}/reports`)).json();
    expect(status(currentRound.items)).toEqual({
      [task.shared]: 'submitted',
      [task.coordinated]: 'pending',
      [task.foreign]: 'pending',
    });
    const shared = currentRound.items.find((item: { task: { id: string } }) => item.task.id === task.shared);
    expect(shared.task).toMatchObject({ lead: { code: 'DBP' }, coordinating: [{ code: 'DBI' }], state: 'done' });
    expect(shared.report.evidence[0].fileName).toBe('Kế hoạch số 12.pdf');

    // Reported done: the next round asks nothing more of it.
    const rounds = (await t.call(manager, 'GET', `/api/v1/plans/${planId}/reporting-rounds`)).json().rounds;
    expect(rounds[2].counts.expected).toBe(2);

    const mine = (await t.call(dbp, 'GET', `/api/v1/plans/${planId}/reporting-rounds/${current}/reports`)).json();
    expect(mine.items.map((item: { task: { id: string }; role: string }) => [item.task.id, item.role])).toEqual([
      [task.shared, 'leadUnit'],
      [task.coordinated, 'coordinatingUnit'],
    ]);
    const myRounds = (await t.call(dbp, 'GET', `/api/v1/plans/${planId}/reporting-rounds`)).json().rounds;
    expect(myRounds[0].counts).toEqual({ expected: 2, submitted: 0, late: 1, missing: 1, pending: 0 });
    expect((await t.call(appraiser, 'GET', `/api/v1/plans/${planId}/reporting-rounds`)).statusCode).toBe(403);
    const unknown = await t.call(manager, 'GET', `/api/v1/plans/${planId}/reporting-rounds/2099-01-01/reports?lang=en`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('no reporting round due 2099-01-01');
  });

  it('lists the unit’s tasks with every round’s status and report', async () => {
    const response = await t.call(dbp, 'GET', '/api/v1/units/me/plan-tasks');
    expect(response.statusCode).toBe(200);
    const shared = response.json().find((item: { id: string }) => item.id === task.shared);
    expect(shared.reporting.currentRound).toBe(current);
    expect(shared.reporting.rounds.map((round: { status: string; expected: boolean }) => [round.status, round.expected])).toEqual(
      [
        ['late', true],
        ['submitted', true],
        ['pending', false],
      ],
    );
    expect(shared.reporting.rounds[1].report).toMatchObject({ percent: 100, state: 'done', version: 2 });
    const coordinated = response.json().find((item: { id: string }) => item.id === task.coordinated);
    expect(coordinated.role).toBe('coordinatingUnit');
    expect(coordinated.reporting.rounds[0].status).toBe('missing');
  });

  it('keeps a comment thread per task for the manager, the lead and the coordinating units', async () => {
    const url = `/api/v1/plans/${planId}/tasks/${task.shared}/comments`;
    const empty = await t.call(dbi, 'POST', url, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(pathsOf(empty)).toEqual(['text']);
    const byCoordinator = await t.call(dbi, 'POST', url, { text: 'Huyện Điện Biên đã gửi số liệu phối hợp.' });
    expect(byCoordinator.statusCode).toBe(201);
    expect(byCoordinator.json()).toMatchObject({ party: 'coordinatingUnit', unit: { code: 'DBI' } });
    expect((await lastAudit(byCoordinator.json().id))?.action).toBe('plan.task.comment');
    const byManager = await t.call(manager, 'POST', url, { text: 'Đề nghị bổ sung quyết định ban hành.' });
    expect(byManager.json()).toMatchObject({ party: 'manager', unit: null });
    const list = await t.call(dbp, 'GET', url);
    expect(list.json().map((comment: { party: string }) => comment.party)).toEqual(['coordinatingUnit', 'manager']);
    expect((await t.call(dbp, 'GET', `/api/v1/plans/${planId}/tasks/${task.foreign}/comments`)).statusCode).toBe(404);
    expect((await t.call(appraiser, 'GET', url)).statusCode).toBe(403);
    expect((await t.call(dbi, 'POST', url, { text: 'x'.repeat(2001) })).statusCode).toBe(400);
  });

  it('takes no report nor comment once the plan is closed, and still shows what was written', async () => {
    expect((await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'close' })).statusCode).toBe(200);
    const report = await t.call(dbp, 'PUT', reportUrl(task.coordinated, current), good());
    expect(report.statusCode).toBe(403);
    const own = await t.call(dbp, 'PUT', reportUrl(task.shared, current), good({ state: 'done', percent: 100, version: 2 }));
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('plan.not-issued');
    const comment = await t.call(dbi, 'POST', `/api/v1/plans/${planId}/tasks/${task.shared}/comments`, { text: 'Muộn' });
    expect(comment.statusCode).toBe(409);
    expect((await t.call(dbp, 'GET', `/api/v1/plans/${planId}/reporting-rounds/${current}/reports`)).statusCode).toBe(200);
  });
});
