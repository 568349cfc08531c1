/**
 * The rebuttal round over HTTP (giải trình, kiến nghị): the chair sends the council's results, the
 * unit contests an adjusted indicator with an explanation and evidence, its leader sends it, the
 * council answers (keep or change), and only then the chair finalises. Window expiry with an
 * injected clock (the services take `now`) and with a window moved into the past. On PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import { type Actor, addWorkingDays, compileFramework, vietnamDay } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, assessments, notifications } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { requireEvidenceWritable } from '../evidence/evidence.service.js';
import { loadAssessmentContext } from './assessment-context.js';
import { getAssessmentView, transitionAssessment } from './assessments.service.js';
import { saveContest } from './rebuttal.service.js';

describe.each(TEST_DATABASE_KINDS)('the rebuttal round on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let chair: Session;
  let admin: Session;
  let periodId: string;
  let dbp: string;
  let dbi: string;
  const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
  const maxOf = (code: string) => framework.nodes[framework.nodeByCode.get(code) as number]?.maxPoints as number;
  const view = async (session: Session, id = dbp) => (await t.call(session, 'GET', `/api/v1/assessments/${id}`)).json();
  const move = (session: Session, action: string, id = dbp) =>
    t.call(session, 'POST', `/api/v1/assessments/${id}/transitions`, { action });
  const contest = (session: Session, code: string, explanation: string, id = dbp) =>
    t.call(session, 'PUT', `/api/v1/assessments/${id}/rebuttal/${code}`, { explanation });
  const answer = (session: Session, code: string, body: Record<string, unknown>) =>
    t.call(session, 'PUT', `/api/v1/assessments/${dbp}/rebuttal/${code}/answer`, body);
  const errorOf = (response: { statusCode: number; json: () => { error: { code: string } } }) => [
    response.statusCode,
    response.json().error.code,
  ];
  const audit = async (id = dbp) =>
    (await t.call(admin, 'GET', `/api/v1/audit?assessmentId=${id}&pageSize=200`)).json().items as {
      action: string;
      indicatorCode: string | null;
      oldValue: Record<string, unknown> | null;
      newValue: Record<string, unknown> | null;
      reason: string | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    leader = await t.signIn('lanhdao.dbp');
    appraiser = await t.signIn('thamdinh');
    chair = await t.signIn('chutich');
    admin = await t.signIn('quantri');
    const unitList = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    // No rebuttal settings given: a new period holds the round, with 5 working days.
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử nghiệm giải trình, kiến nghị',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id),
      selfAssessmentDeadline: '2099-01-30',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ rebuttalEnabled: true, rebuttalWorkingDays: 5 });
    periodId = created.json().id;
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbp = list.find((item) => item.unit.code === 'DBP')?.id as string;
    dbi = list.find((item) => item.unit.code === 'DBI')?.id as string;
    for (const [code, body] of [
      ['1.1', { value: 'có' }],
      ['1.2', { points: maxOf('1.2') }],
      ['1.3', { value: 'có' }],
    ] as const) {
      const saved = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbp}/answers/${code}`, { ...body, baseVersion: 0 });
      expect(saved.statusCode).toBe(200);
    }
    expect((await move(leader, 'submit')).statusCode).toBe(200);
    // DBI (no demo account) has one answer, so the close submits it; a unit with none would stay a draft.
    await t.database.db.insert(answers).values({ assessmentId: dbi, indicatorCode: '1.1', value: 'không', selfPoints: 0 });
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
    // The council lowers 1.2 and accepts the rest of both units.
    const adjusted = await t.call(chair, 'PUT', `/api/v1/assessments/${dbp}/appraisals/1.2`, {
      decision: 'adjusted',
      appraisedPoints: maxOf('1.2') / 2,
      reason: 'Kế hoạch chưa có số, ngày ban hành',
      baseVersion: 0,
    });
    expect(adjusted.statusCode).toBe(200);
    for (const id of [dbp, dbi]) {
      const accepted = await t.call(chair, 'POST', `/api/v1/assessments/${id}/appraisals/accept-remaining`, {});
      expect(accepted.statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('refuses finalising before the results are sent, and lets only the chair send them', async () => {
    const before = await view(chair);
    expect(before.state).toBe('inAppraisal');
    expect(before.allowedActions).toContain('sendResults');
    expect(before.deniedActions).toContainEqual(
      expect.objectContaining({
        action: 'finalise',
        reason: 'rebuttal-pending',
        message: expect.stringContaining('gửi kết quả'),
      }),
    );
    expect(errorOf(await move(chair, 'finalise'))).toEqual([409, 'workflow.rebuttal-not-sent']);
    expect((await move(appraiser, 'sendResults')).statusCode).toBe(403);
    expect((await move(leader, 'sendResults')).statusCode).toBe(403);
    const sent = await move(chair, 'sendResults');
    expect(sent.json()).toMatchObject({ state: 'rebuttalOpen' });
    const after = await view(reporter);
    expect(after.rebuttal).toMatchObject({
      enabled: true,
      workingDays: 5,
      dueOn: addWorkingDays(vietnamDay(new Date()), 5),
      windowPassed: false,
      contests: [],
    });
    expect(after.appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2')).toMatchObject({
      decision: 'adjusted',
      reason: 'Kế hoạch chưa có số, ngày ban hành',
    });
    expect(after.indicators.find((row: { code: string }) => row.code === '1.2').contest).toEqual({ allowed: true });
    expect(after.indicators.find((row: { code: string }) => row.code === '1.1').contest).toMatchObject({ allowed: false });
    expect((await audit()).find((row) => row.action === 'assessment.sendResults')?.newValue).toMatchObject({
      state: 'rebuttalOpen',
      rebuttalDueOn: after.rebuttal.dueOn,
    });
    // The unit is told the window opened, with the adjusted indicators' count and the last day (issue 12).
    const told = await t.database.db.select().from(notifications).where(eq(notifications.event, 'rebuttal.windowOpened'));
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]?.params).toMatchObject({ count: 1, dueOn: after.rebuttal.dueOn });
    expect(errorOf(await move(chair, 'finalise'))).toEqual([409, 'workflow.rebuttal-window-open']);
  });

  it('lets the unit contest only an adjusted indicator, with an explanation, and only its own', async () => {
    expect(errorOf(await contest(reporter, '1.1', 'Không đồng ý'))).toEqual([409, 'rebuttal.not-contestable']);
    expect((await contest(reporter, '1.2', '   ')).statusCode).toBe(400);
    expect((await contest(appraiser, '1.2', 'Thành viên hội đồng không kiến nghị')).statusCode).toBe(403);
    expect((await contest(chair, '1.2', 'Chủ tịch không kiến nghị')).statusCode).toBe(403);
    // Another unit's assessment (DBI, also open for rebuttal soon) is not DBP's to contest.
    expect((await contest(reporter, '1.2', 'Không phải đơn vị mình', dbi)).statusCode).toBe(403);
    const saved = await contest(reporter, '1.2', 'Kế hoạch số 12/KH-UBND ngày 15/3/2023 đã ban hành, gửi kèm bản scan');
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ indicatorCode: '1.2', status: 'draft', outcome: null });
    const rewritten = await contest(leader, '1.2', 'Kế hoạch số 12/KH-UBND ngày 15/3/2023 đã ban hành; xem văn bản kèm theo');
    expect(rewritten.json()).toMatchObject({ id: saved.json().id, status: 'draft' });
    // The council cannot answer a contest the leader has not sent.
    expect(errorOf(await answer(chair, '1.2', { outcome: 'kept', reason: 'Giữ nguyên' }))).toEqual([409, 'workflow.locked']);
  });

  it('takes evidence during the window only on a contested indicator', async () => {
    const reference = {
      documentNumber: '12/KH-UBND',
      documentDate: '15/03/2023',
      issuer: 'UBND thành phố Điện Biên Phủ',
      summary: 'Kế hoạch chuyển đổi số năm 2023',
    };
    const added = await t.call(reporter, 'POST', `/api/v1/assessments/${dbp}/indicators/1.2/evidence/references`, reference);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ supplementary: true });
    const elsewhere = await t.call(reporter, 'POST', `/api/v1/assessments/${dbp}/indicators/1.3/evidence/references`, reference);
    expect(errorOf(elsewhere)).toEqual([409, 'evidence.no-contest']);
  });

  it('ends the window at the end of its last day: the clock injected into the services', async () => {
    const context = await loadAssessmentContext(t.database.db, dbp);
    const dueOn = context.assessment.rebuttalDueOn as string;
    const late = new Date(`${dueOn}T17:00:00Z`); // 00:00 the next day in Hà Nội
    const leaderActor: Actor = { userId: leader.userId, role: 'unitLeader', unitId: context.unit.id };
    const chairActor: Actor = { userId: chair.userId, role: 'councilChair' };
    await expect(
      transitionAssessment(t.database.db, leaderActor, context, 'submitRebuttal', undefined, late),
    ).rejects.toMatchObject({
      kind: 'conflict',
      problems: [expect.objectContaining({ code: 'workflow.rebuttal-window-passed' })],
    });
    await expect(saveContest(t.database.db, leaderActor, context, '1.2', 'Muộn', late)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'workflow.rebuttal-window-passed' })],
    });
    await expect(requireEvidenceWritable(t.database.db, dbp, '1.2', late)).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'workflow.rebuttal-window-passed' })],
    });
    await expect(requireEvidenceWritable(t.database.db, dbp, '1.2', new Date(`${dueOn}T16:59:00Z`))).resolves.toEqual({
      supplementary: true,
    });
    const lateView = await getAssessmentView(t.database.db, chairActor, context, 'vi', late);
    expect(lateView.rebuttal.windowPassed).toBe(true);
    expect(lateView.allowedActions).toContain('finalise');
    const inTime = await getAssessmentView(t.database.db, leaderActor, context, 'vi', new Date(`${dueOn}T16:59:00Z`));
    expect(inTime.allowedActions).toEqual(['submitRebuttal']);
  });

  it('lets only the leader send the contests', async () => {
    expect(errorOf(await move(reporter, 'submitRebuttal'))).toEqual([403, 'workflow.role-not-allowed']);
    expect((await move(chair, 'submitRebuttal')).statusCode).toBe(403);
    const sent = await move(leader, 'submitRebuttal');
    expect(sent.json()).toMatchObject({ state: 'rebuttalSubmitted' });
    const body = await view(chair);
    expect(body.rebuttal.contests).toEqual([expect.objectContaining({ indicatorCode: '1.2', status: 'submitted' })]);
    expect(body.deniedActions).toContainEqual(expect.objectContaining({ action: 'finalise', reason: 'rebuttal-pending' }));
    expect(errorOf(await move(chair, 'finalise'))).toEqual([409, 'workflow.unanswered-contests']);
    expect((await audit()).find((row) => row.action === 'assessment.submitRebuttal')?.newValue).toMatchObject({
      state: 'rebuttalSubmitted',
      contested: ['1.2'],
    });
    // Sent: the unit can no longer change its contests.
    expect(errorOf(await contest(reporter, '1.2', 'Sửa sau khi gửi'))).toEqual([409, 'workflow.locked']);
  });

  it('lets the council, not the unit, answer; a change is validated like a decision and audited', async () => {
    expect((await answer(reporter, '1.2', { outcome: 'kept', reason: 'x' })).statusCode).toBe(403);
    expect((await answer(leader, '1.2', { outcome: 'kept', reason: 'x' })).statusCode).toBe(403);
    expect(errorOf(await answer(chair, '1.1', { outcome: 'kept', reason: 'x' }))).toEqual([409, 'rebuttal.not-contested']);
    expect(errorOf(await answer(chair, '1.2', { outcome: 'changed', reason: 'Có văn bản' }))).toEqual([
      400,
      'rebuttal.points-required',
    ]);
    expect((await answer(chair, '1.2', { outcome: 'changed', appraisedPoints: maxOf('1.2') + 1, reason: 'x' })).statusCode).toBe(
      400,
    );
    expect((await answer(chair, '1.2', { outcome: 'kept', reason: '' })).statusCode).toBe(400);
    const answered = await answer(appraiser, '1.2', {
      outcome: 'changed',
      appraisedPoints: maxOf('1.2'),
      reason: 'Kế hoạch 12/KH-UBND đúng yêu cầu',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'answered',
      outcome: 'changed',
      pointsBefore: maxOf('1.2') / 2,
      pointsAfter: maxOf('1.2'),
    });
    const body = await view(reporter);
    expect(body.appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2')).toMatchObject({
      decision: 'adjusted',
      appraisedPoints: maxOf('1.2'),
      reason: 'Kế hoạch 12/KH-UBND đúng yêu cầu',
    });
    expect(body.rebuttal.contests[0]).toMatchObject({ answerReason: 'Kế hoạch 12/KH-UBND đúng yêu cầu', outcome: 'changed' });
    const rows = await audit();
    expect(
      rows.find((row) => row.action === 'appraisal.adjusted' && row.reason === 'Kế hoạch 12/KH-UBND đúng yêu cầu'),
    ).toMatchObject({
      indicatorCode: '1.2',
      oldValue: { decision: 'adjusted', points: maxOf('1.2') / 2 },
      newValue: { decision: 'adjusted', points: maxOf('1.2') },
    });
    expect(rows.find((row) => row.action === 'rebuttal.answered')).toMatchObject({
      newValue: { outcome: 'changed', points: maxOf('1.2') },
    });
    expect(rows.filter((row) => row.action === 'rebuttal.contested')).toHaveLength(2);
  });

  it('lets the chair finalise once every contest is answered', async () => {
    expect((await view(chair)).allowedActions).toContain('finalise');
    expect((await move(chair, 'finalise')).json()).toMatchObject({ state: 'finalised' });
  });

  it('ends the round with no contest once the window has passed (moved into the past)', async () => {
    expect((await move(chair, 'sendResults', dbi)).statusCode).toBe(200);
    expect(errorOf(await move(chair, 'finalise', dbi))).toEqual([409, 'workflow.rebuttal-window-open']);
    await t.database.db.update(assessments).set({ rebuttalDueOn: '2024-01-02' }).where(eq(assessments.id, dbi));
    const body = await view(chair, dbi);
    expect(body.rebuttal).toMatchObject({ windowPassed: true, contests: [] });
    expect((await move(chair, 'finalise', dbi)).json()).toMatchObject({ state: 'finalised' });
  });

  it('lets the manager switch the round off, and then the chair finalises as before', async () => {
    const settings = `/api/v1/periods/${periodId}/rebuttal-settings`;
    expect((await t.call(reporter, 'PUT', settings, { rebuttalEnabled: false, rebuttalWorkingDays: 5 })).statusCode).toBe(403);
    expect((await t.call(chair, 'PUT', settings, { rebuttalEnabled: false, rebuttalWorkingDays: 5 })).statusCode).toBe(403);
    expect((await t.call(manager, 'PUT', settings, { rebuttalEnabled: true, rebuttalWorkingDays: 0 })).statusCode).toBe(400);
    const off = await t.call(manager, 'PUT', settings, { rebuttalEnabled: false, rebuttalWorkingDays: 7 });
    expect(off.json()).toMatchObject({ rebuttalEnabled: false, rebuttalWorkingDays: 7 });
    const periodAudit = (await t.call(admin, 'GET', `/api/v1/audit?periodId=${periodId}&pageSize=200`)).json().items as {
      action: string;
      newValue: unknown;
    }[];
    expect(periodAudit.find((row) => row.action === 'period.rebuttalSettings')?.newValue).toEqual({
      rebuttalEnabled: false,
      rebuttalWorkingDays: 7,
    });
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${dbp}/transitions`, { action: 'reopen', reason: 'Sửa lỗi' })).statusCode,
    ).toBe(200);
    const body = await view(chair);
    expect(body.allowedActions).toContain('finalise');
    expect(body.deniedActions).toContainEqual(expect.objectContaining({ action: 'sendResults', reason: 'rebuttal-off' }));
    expect(errorOf(await move(chair, 'sendResults'))).toEqual([409, 'workflow.rebuttal-off']);
    expect((await move(chair, 'finalise')).json()).toMatchObject({ state: 'finalised' });
  });
});
