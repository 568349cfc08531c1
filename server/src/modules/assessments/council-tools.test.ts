/**
 * The council's tools over HTTP: assigning members to units and main indices, the minutes of the
 * sign-off meeting, and withdrawing a supplementation request the unit has not answered. On PGlite,
 * and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

interface OverviewItem {
  id: string;
  state: string;
  unit: { code: string };
  assignees: { userId: string; displayName: string; mainIndexCode: string | null }[];
  assignedToYou: boolean;
  awaitingUnit: number;
  supplementation: { open: number; answered: number };
}

describe.each(TEST_DATABASE_KINDS)('the council tools on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let chair: Session;
  let periodId: string;
  let dbpAssessment: string;
  let dbpUnitId: string;
  const problemCodes = (response: { json(): { error: { code: string; problems?: { code: string }[] } } }) => {
    const { error } = response.json();
    return error.problems && error.problems.length > 0 ? error.problems.map((problem) => problem.code) : [error.code];
  };
  const overviewOf = async (session: Session) =>
    (await t.call(session, 'GET', `/api/v1/periods/${periodId}/council-overview`)).json().assessments as OverviewItem[];
  const auditActions = async (action: string) =>
    (
      (await t.call(await t.signIn('quantri'), 'GET', `/api/v1/audit?action=${action}&pageSize=200`)).json().items as {
        action: string;
        periodId: string;
      }[]
    ).filter((entry) => entry.periodId === periodId);

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    leader = await t.signIn('lanhdao.dbp');
    appraiser = await t.signIn('thamdinh');
    chair = await t.signIn('chutich');
    const unitList = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    dbpUnitId = unitList.find((unit) => unit.code === 'DBP')?.id as string;
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử nghiệm công cụ hội đồng',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id),
      selfAssessmentDeadline: '2099-01-30',
    });
    periodId = created.json().id;
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbpAssessment = list.find((item) => item.unit.code === 'DBP')?.id as string;
    for (const code of ['1.1', '1.3', '2.1']) {
      await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/${code}`, { value: 'có', baseVersion: 0 });
    }
    await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'submit' });
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  describe('assignments', () => {
    it('the chair assigns a member a main index in every unit and a whole unit; the overview shows them, audited', async () => {
      const listed = (await t.call(chair, 'GET', `/api/v1/periods/${periodId}/appraisal-assignments`)).json();
      expect(listed.assign).toEqual({ allowed: true });
      expect(listed.members.map((member: { role: string }) => member.role)).toEqual(['councilChair', 'appraiser']);
      const everywhere = await t.call(chair, 'POST', `/api/v1/periods/${periodId}/appraisal-assignments`, {
        userId: appraiser.userId,
        mainIndexCode: '3',
      });
      expect(everywhere.statusCode).toBe(201);
      expect(everywhere.json()).toMatchObject({
        unitId: null,
        mainIndexCode: '3',
        displayName: 'Thành viên Hội đồng thẩm định (DEMO)',
      });
      // The period manager may share out the work too.
      const unit = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/appraisal-assignments`, {
        userId: chair.userId,
        unitId: dbpUnitId,
      });
      expect(unit.statusCode).toBe(201);

      const forAppraiser = await overviewOf(appraiser);
      const dbp = forAppraiser.find((item) => item.unit.code === 'DBP') as OverviewItem;
      const dbi = forAppraiser.find((item) => item.unit.code === 'DBI') as OverviewItem;
      expect(dbp.assignees.map((assignee) => assignee.mainIndexCode)).toEqual(['3', null]);
      expect(dbi.assignees.map((assignee) => assignee.mainIndexCode)).toEqual(['3']);
      expect([dbp.assignedToYou, dbi.assignedToYou]).toEqual([true, true]);
      const forChair = await overviewOf(chair);
      expect(forChair.map((item) => [item.unit.code, item.assignedToYou])).toEqual([
        ['DBI', false],
        ['DBP', true],
      ]);
      const view = (await t.call(appraiser, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      expect(view.assignees).toHaveLength(2);
      // Not the unit's business.
      expect((await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json().assignees).toEqual([]);
      expect(await auditActions('appraisal.assigned')).toHaveLength(2);
    });

    it('refuses an empty scope, a unit role, an unknown main index and the same work twice', async () => {
      const post = (session: Session, body: Record<string, unknown>) =>
        t.call(session, 'POST', `/api/v1/periods/${periodId}/appraisal-assignments`, body);
      expect(problemCodes(await post(chair, { userId: appraiser.userId }))).toEqual(['assignment.empty-scope']);
      expect(problemCodes(await post(chair, { userId: reporter.userId, unitId: dbpUnitId }))).toEqual([
        'assignment.not-council-member',
      ]);
      expect(problemCodes(await post(chair, { userId: appraiser.userId, mainIndexCode: '42' }))).toEqual([
        'assignment.unknown-main-index',
      ]);
      const twice = await post(chair, { userId: appraiser.userId, mainIndexCode: '3' });
      expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'assignment.duplicate']);
    });

    it('is the chair’s and the manager’s to change: a member or a unit is refused; a removal is audited', async () => {
      const post = (session: Session) =>
        t.call(session, 'POST', `/api/v1/periods/${periodId}/appraisal-assignments`, {
          userId: appraiser.userId,
          unitId: dbpUnitId,
        });
      expect((await post(appraiser)).statusCode).toBe(403);
      expect((await post(leader)).statusCode).toBe(403);
      expect((await t.call(leader, 'GET', `/api/v1/periods/${periodId}/appraisal-assignments`)).statusCode).toBe(403);
      const listed = (await t.call(appraiser, 'GET', `/api/v1/periods/${periodId}/appraisal-assignments`)).json();
      expect(listed.assign.allowed).toBe(false);
      const chairs = listed.items.find((item: { userId: string }) => item.userId === chair.userId);
      const url = `/api/v1/periods/${periodId}/appraisal-assignments/${chairs.id}`;
      expect((await t.call(appraiser, 'DELETE', url)).statusCode).toBe(403);
      expect((await t.call(chair, 'DELETE', url)).statusCode).toBe(204);
      expect((await t.call(chair, 'DELETE', url)).statusCode).toBe(404);
      expect(await auditActions('appraisal.unassigned')).toHaveLength(1);
      expect((await overviewOf(chair)).find((item) => item.unit.code === 'DBP')?.assignedToYou).toBe(false);
    });
  });

  describe('withdrawing a supplementation request', () => {
    it('takes back an unanswered request: the indicator is decidable again, the unit no longer waits, audited', async () => {
      const asked = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.1`, {
        decision: 'supplementationRequested',
        comment: 'Bổ sung văn bản',
        dueOn: '2099-02-15',
        baseVersion: 0,
      });
      expect(asked.statusCode).toBe(200);
      let view = (await t.call(appraiser, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      expect(view.state).toBe('supplementationRequested');
      const indicator = (code: string) => view.indicators.find((row: { code: string }) => row.code === code);
      expect(indicator('1.1').withdrawSupplementation).toEqual({ allowed: true });
      expect(indicator('1.1').decide.allowed).toBe(false);
      expect(indicator('1.3').withdrawSupplementation.allowed).toBe(false);
      expect((await overviewOf(chair)).find((item) => item.unit.code === 'DBP')?.awaitingUnit).toBe(1);
      const requestId = view.supplementationRequests[0].id;
      const url = `/api/v1/assessments/${dbpAssessment}/supplementation/${requestId}/withdraw`;
      expect((await t.call(reporter, 'POST', url)).statusCode).toBe(403);

      expect((await t.call(appraiser, 'POST', url)).statusCode).toBe(204);
      view = (await t.call(appraiser, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      expect(view.state).toBe('inAppraisal');
      expect(view.supplementationRequests).toEqual([]);
      expect(view.appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.1')).toBeUndefined();
      expect(indicator('1.1').decide).toEqual({ allowed: true });
      // The unit's page has nothing left to answer.
      const unitView = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      expect([unitView.state, unitView.supplementationRequests]).toEqual(['inAppraisal', []]);
      expect(await auditActions('supplementation.withdrawn')).toHaveLength(1);
      expect((await t.call(appraiser, 'POST', url)).statusCode).toBe(404);
    });

    it('refuses to withdraw a request the unit has answered', async () => {
      await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.3`, {
        decision: 'supplementationRequested',
        comment: 'Giải trình thêm',
        dueOn: '2099-02-15',
        baseVersion: 0,
      });
      const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
      const requestId = view.supplementationRequests[0].id;
      await t.call(reporter, 'POST', `/api/v1/assessments/${dbpAssessment}/supplementation/${requestId}/response`, {
        response: 'Đã có văn bản',
      });
      const refused = await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/supplementation/${requestId}/withdraw`);
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'workflow.no-open-request']);
    });
  });

  describe('minutes', () => {
    const url = () => `/api/v1/periods/${periodId}/council-minutes`;
    const minutes = (overrides: Record<string, unknown> = {}) => ({
      meetingOn: '2025-03-10',
      memberIds: [chair.userId, appraiser.userId],
      otherAttendees: ['Ông Lò Văn A, Sở Nội vụ', '  '],
      decision: 'Hội đồng thống nhất thông qua kết quả thẩm định.',
      ...overrides,
    });

    it('checks the date, the members and the decision, all at once, in both languages', async () => {
      const refused = await t.call(chair, 'POST', url(), minutes({ meetingOn: '2099-01-01', memberIds: [], decision: ' ' }));
      expect(refused.statusCode).toBe(400);
      expect(problemCodes(refused)).toEqual(['minutes.date-future', 'minutes.no-members', 'minutes.decision-empty']);
      const english = await t.call(chair, 'POST', `${url()}?lang=en`, minutes({ memberIds: [] }));
      expect(english.json().error.message).toContain('choose at least one council member present');
      expect(problemCodes(await t.call(chair, 'POST', url(), minutes({ memberIds: [reporter.userId] })))).toEqual([
        'minutes.unknown-member',
      ]);
    });

    it('the chair records and edits them; newest first; a member reads but may not write; the manager reads them', async () => {
      const first = await t.call(chair, 'POST', url(), minutes({ meetingOn: '2025-03-01' }));
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        meetingOn: '2025-03-01',
        otherAttendees: ['Ông Lò Văn A, Sở Nội vụ'],
        members: [
          { id: chair.userId, displayName: 'Chủ tịch Hội đồng thẩm định (DEMO)' },
          { id: appraiser.userId, displayName: 'Thành viên Hội đồng thẩm định (DEMO)' },
        ],
        version: 1,
      });
      expect((await t.call(chair, 'POST', url(), minutes())).statusCode).toBe(201);
      expect((await t.call(appraiser, 'POST', url(), minutes())).statusCode).toBe(403);

      const edited = await t.call(chair, 'PUT', `${url()}/${first.json().id}`, {
        ...minutes({ meetingOn: '2025-03-02', decision: 'Thông qua, có điều chỉnh chỉ số 1.2.' }),
        baseVersion: 1,
      });
      expect([edited.statusCode, edited.json().version]).toEqual([200, 2]);
      const stale = await t.call(chair, 'PUT', `${url()}/${first.json().id}`, { ...minutes(), baseVersion: 1 });
      expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'http.stale-version']);

      const read = (await t.call(manager, 'GET', url())).json();
      expect(read.items.map((item: { meetingOn: string }) => item.meetingOn)).toEqual(['2025-03-10', '2025-03-02']);
      expect(read.record.allowed).toBe(false);
      expect((await t.call(chair, 'GET', url())).json().record).toEqual({ allowed: true });
      expect((await t.call(leader, 'GET', url())).statusCode).toBe(403);
      expect(await auditActions('council.minutesRecorded')).toHaveLength(2);
      expect(await auditActions('council.minutesUpdated')).toHaveLength(1);
    });
  });
});
