/**
 * The period manager's board and controls (issue 10, "Manager"): who may see and use them, the unit
 * statuses, returning a submission, a deadline extension the submit guard honours, the close that
 * flags the system's submissions and leaves units with no data undecided, and participation
 * decisions that the publish guard and the results follow. Every change audited.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, auditLog } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

interface BoardRow {
  unit: { code: string };
  assessmentId: string;
  state: string;
  status: string;
  answered: number;
  indicators: number;
  evidenceMissing: number;
  selfTotal: { points: number | null } | null;
  lastActivity: string | null;
  deadline: string;
  deadlineExtended: boolean;
  submittedLate: boolean;
  submittedAtClose: boolean;
  allowedActions: string[];
  unitActions: string[];
}

describe.each(TEST_DATABASE_KINDS)('the status board on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let periodId: string;
  const ids: Record<string, string> = {};

  const board = async (session: Session = manager) => t.call(session, 'GET', `/api/v1/periods/${periodId}/status-board`);
  const rows = async () => (await board()).json().items as BoardRow[];
  const row = async (code: string) => (await rows()).find((item) => item.unit.code === code) as BoardRow;
  const auditOf = (assessmentId: string, action: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.assessmentId, assessmentId), eq(auditLog.action, action)));

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    leader = await t.signIn('lanhdao.dbp');
    appraiser = await t.signIn('thamdinh');
    const unitList = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => ['DBP', 'DBI', 'MLA'].includes(unit.code)).map((unit) => unit.id),
      // Already past: only an extension lets a unit submit.
      selfAssessmentDeadline: '2025-01-30',
    });
    periodId = created.json().id;
    expect((await board()).json().items.map((item: BoardRow) => [item.unit.code, item.status, item.assessmentId])).toEqual([
      ['DBI', 'notStarted', null],
      ['DBP', 'notStarted', null],
      ['MLA', 'notStarted', null],
    ]);
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    for (const item of await rows()) ids[item.unit.code] = item.assessmentId;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is the period manager’s: a unit user and an appraiser are refused the board and the controls', async () => {
    for (const session of [reporter, leader, appraiser]) {
      expect((await board(session)).statusCode).toBe(403);
      const extend = await t.call(session, 'PUT', `/api/v1/assessments/${ids.DBP}/deadline`, { date: '2099-01-01', reason: 'x' });
      expect(extend.statusCode).toBe(403);
      const out = await t.call(session, 'PUT', `/api/v1/assessments/${ids.DBP}/participation`, {
        participation: 'notParticipating',
        reason: 'x',
      });
      expect(out.statusCode).toBe(403);
    }
  });

  it('shows progress: answered / total, evidence missing, the leader’s self points, last activity', async () => {
    for (const [code, body] of [
      ['1.1', { value: 'có', baseVersion: 0 }],
      ['3.1', { value: '40/50', baseVersion: 0 }],
    ] as const) {
      expect((await t.call(reporter, 'PUT', `/api/v1/assessments/${ids.DBP}/answers/${code}`, body)).statusCode).toBe(200);
    }
    const dbp = await row('DBP');
    const view = (await t.call(manager, 'GET', `/api/v1/assessments/${ids.DBP}`)).json();
    expect(dbp).toMatchObject({ status: 'inProgress', state: 'draft', answered: 2, evidenceMissing: 2, deadline: '2025-01-30' });
    expect(dbp.indicators).toBeGreaterThan(20);
    expect(dbp.selfTotal?.points).toBe(view.selfTotal.points);
    expect(dbp.lastActivity).not.toBeNull();
    expect((await row('DBI')).status).toBe('notStarted');
  });

  it('extends one unit’s deadline (audited), and the unit submits after the period deadline: submitted late', async () => {
    const refused = await t.call(leader, 'POST', `/api/v1/assessments/${ids.DBP}/transitions`, { action: 'submit' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'workflow.deadline-passed']);
    const notLater = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.DBP}/deadline`, { date: '2025-01-20', reason: ' ' });
    expect(notLater.statusCode).toBe(400);
    expect(notLater.json().error.problems.map((problem: { code: string }) => problem.code)).toEqual([
      'unit-action.extension-not-later',
      'unit-action.reason-required',
    ]);
    const extended = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.DBP}/deadline`, {
      date: '2099-01-30',
      reason: 'Đơn vị đề nghị gia hạn do sáp nhập phòng ban',
    });
    expect(extended.json()).toEqual({ id: ids.DBP, deadline: '2099-01-30' });
    const [entry] = await auditOf(ids.DBP as string, 'assessment.deadlineExtended');
    expect(entry).toMatchObject({ newValue: { deadline: '2099-01-30' }, reason: 'Đơn vị đề nghị gia hạn do sáp nhập phòng ban' });
    expect((await row('DBP')).deadline).toBe('2099-01-30');
    // The unit's own page says the same day, and its leader may submit now.
    const view = (await t.call(leader, 'GET', `/api/v1/assessments/${ids.DBP}`)).json();
    expect([view.deadline, view.allowedActions]).toEqual(['2099-01-30', ['submit']]);
    expect((await t.call(leader, 'POST', `/api/v1/assessments/${ids.DBP}/transitions`, { action: 'submit' })).statusCode).toBe(
      200,
    );
    expect(await row('DBP')).toMatchObject({ status: 'submittedLate', submittedLate: true, allowedActions: ['returnToUnit'] });
  });

  it('returns a submitted assessment to its unit with a reason', async () => {
    const noReason = await t.call(manager, 'POST', `/api/v1/assessments/${ids.DBP}/transitions`, { action: 'returnToUnit' });
    expect(noReason.statusCode).toBe(400);
    const returned = await t.call(manager, 'POST', `/api/v1/assessments/${ids.DBP}/transitions`, {
      action: 'returnToUnit',
      reason: 'Thiếu tài liệu kiểm chứng chỉ số 1.1',
    });
    expect(returned.json().state).toBe('draft');
    expect((await row('DBP')).status).toBe('inProgress');
    expect((await t.call(leader, 'POST', `/api/v1/assessments/${ids.DBP}/transitions`, { action: 'submit' })).statusCode).toBe(
      200,
    );
  });

  it('warns before an early close with the count of units that have not submitted', async () => {
    const periods = (await t.call(manager, 'GET', '/api/v1/periods?pageSize=50')).json().items as { id: string; year: number }[];
    const open2023 = periods.find((period) => period.year === 2023) as { id: string };
    const detail = (await t.call(manager, 'GET', `/api/v1/periods/${open2023.id}`)).json();
    expect(detail.earlyClose.notSubmitted).toBe(detail.assessmentStates.draft);
    // This period's deadline has passed: closing it is the plan, not early.
    expect((await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json().earlyClose).toBeNull();
  });

  it('at the close flags the drafts the system submits, and leaves a unit with no data undecided', async () => {
    await t.database.db
      .insert(answers)
      .values({ assessmentId: ids.DBI as string, indicatorCode: '1.1', value: 'có', selfPoints: 1 });
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
    const byCode = Object.fromEntries((await rows()).map((item) => [item.unit.code, [item.status, item.state]]));
    expect(byCode).toEqual({
      DBI: ['submittedAtClose', 'submitted'],
      DBP: ['submittedLate', 'submitted'],
      MLA: ['noData', 'draft'],
    });
    expect(await auditOf(ids.DBI as string, 'assessment.submittedAtClose')).toHaveLength(1);
    expect(await auditOf(ids.MLA as string, 'assessment.submittedAtClose')).toHaveLength(0);
    const overview = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/council-overview`)).json();
    const flags = overview.assessments.map((item: { unit: { code: string }; submittedAtClose: boolean }) => [
      item.unit.code,
      item.submittedAtClose,
    ]);
    expect(flags).toEqual([
      ['DBI', true],
      ['DBP', false],
      ['MLA', false],
    ]);
  });

  it('blocks publication while a unit with no data is undecided; the manager decides, audited; results follow', async () => {
    const period = async () => (await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json();
    const publishDenial = async () =>
      (await period()).deniedActions.find((denied: { action: string }) => denied.action === 'publish')?.reason;
    expect(await publishDenial()).toBe('no-data-undecided');
    const publish = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' });
    expect([publish.statusCode, publish.json().error.code]).toEqual([409, 'workflow.no-data-undecided']);
    expect((await row('MLA')).unitActions).toEqual(['markNotParticipating', 'scoreAsZero']);
    expect((await row('DBI')).unitActions).toEqual(['markNotParticipating']);

    const zero = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.MLA}/participation`, {
      participation: 'scoredAsZero',
      reason: 'Đơn vị không nộp; Hội đồng quyết định tính 0 điểm',
    });
    expect(zero.statusCode).toBe(200);
    expect((await row('MLA')).status).toBe('scoredAsZero');
    expect(await publishDenial()).toBe('not-all-finalised');
    const ranking = async () =>
      (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/results/district`)).json().units as {
        code: string;
        points: number;
        submittedAtClose?: boolean;
      }[];
    expect((await ranking()).find((unit) => unit.code === 'MLA')?.points).toBe(0);
    // The results carry the close's submission as such, for the public table and the unit page.
    const flagged = (await ranking()).map((unit) => [unit.code, unit.submittedAtClose ?? false]).sort();
    expect(flagged).toEqual([
      ['DBI', true],
      ['DBP', false],
      ['MLA', false],
    ]);

    // Scoring as zero is refused for a unit that has data.
    const refused = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.DBI}/participation`, {
      participation: 'scoredAsZero',
      reason: 'x',
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'unit-action.has-data']);

    const out = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.MLA}/participation`, {
      participation: 'notParticipating',
      reason: 'Đơn vị sáp nhập trong năm',
    });
    expect(out.statusCode).toBe(200);
    expect((await row('MLA')).status).toBe('notParticipating');
    expect((await ranking()).map((unit) => unit.code).sort()).toEqual(['DBI', 'DBP']);
    const entries = await auditOf(ids.MLA as string, 'assessment.participationChanged');
    expect(entries.map((entry) => [entry.oldValue, entry.newValue])).toEqual(
      expect.arrayContaining([
        [{ participation: 'participating' }, { participation: 'scoredAsZero' }],
        [{ participation: 'scoredAsZero' }, { participation: 'notParticipating' }],
      ]),
    );

    // Undo: back in, and with no data again undecided.
    const back = await t.call(manager, 'PUT', `/api/v1/assessments/${ids.MLA}/participation`, {
      participation: 'participating',
      reason: 'Nhầm đơn vị',
    });
    expect(back.statusCode).toBe(200);
    expect((await row('MLA')).status).toBe('noData');
    expect(await publishDenial()).toBe('no-data-undecided');
  });
});
