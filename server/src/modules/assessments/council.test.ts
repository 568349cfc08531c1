/**
 * The council's overview of a period over HTTP: decisions per unit and main index, cuts,
 * supplementation requests, and who may read it. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

interface MainIndexRow {
  code: string;
  indicators: number;
  accepted: number;
  adjusted: number;
  lowered: number;
  awaitingSupplementation: number;
  undecided: number;
  undecidedCodes: string[];
}

describe.each(TEST_DATABASE_KINDS)('the council overview on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let chair: Session;
  let periodId: string;
  let dbpAssessment: string;
  const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
  const firstMainIndex = framework.nodes[framework.mainIndexNodes[0] as number];
  const codesOfMainIndex1 = (firstMainIndex?.children ?? []).map((child) => framework.nodes[child]?.code as string);
  const overview = (session: Session | undefined, id = periodId) =>
    t.call(session, 'GET', `/api/v1/periods/${id}/council-overview`);

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
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử nghiệm hội đồng',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds: unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id),
      selfAssessmentDeadline: '2099-01-30',
    });
    expect(created.statusCode).toBe(201);
    periodId = created.json().id;
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbpAssessment = list.find((item) => item.unit.code === 'DBP')?.id as string;
    for (const [code, body] of [
      ['1.1', { value: 'có' }],
      ['1.2', { points: 5 }],
      ['1.3', { value: 'có' }],
    ] as const) {
      const saved = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/${code}`, {
        ...body,
        baseVersion: 0,
      });
      expect(saved.statusCode).toBe(200);
    }
    expect(
      (await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(200);
    // DBI never submits: closing the self-assessment submits what it entered (nothing).
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists every assessment of the period with nothing decided yet, and the cohorts’ main indices', async () => {
    const response = await overview(appraiser);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.period).toMatchObject({ id: periodId, year: 2024, state: 'appraisal' });
    expect(body.cohorts).toEqual([
      expect.objectContaining({ unitKind: 'district', frameworkId: 'dienbien-2022-district', maxPoints: 500 }),
    ]);
    expect(body.cohorts[0].mainIndices).toHaveLength(8);
    expect(body.cohorts[0].mainIndices[0]).toEqual({
      code: '1',
      name: firstMainIndex?.name,
      nameEn: 'Digital awareness',
      maxPoints: firstMainIndex?.maxPoints,
    });
    expect(body.cohorts[0].frameworkNameEn).toBe('Digital transformation index of the districts, town and city of Điện Biên');
    expect(body.assessments.map((item: { unit: { code: string } }) => item.unit.code)).toEqual(['DBI', 'DBP']);
    const dbp = body.assessments.find((item: { id: string }) => item.id === dbpAssessment);
    expect(dbp).toMatchObject({
      state: 'submitted',
      indicators: 68,
      accepted: 0,
      adjusted: 0,
      undecided: 68,
      supplementation: { open: 0, answered: 0, overdue: 0, latestDueOn: null },
    });
    expect(dbp.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(dbp.mainIndices.map((main: MainIndexRow) => main.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(dbp.mainIndices[0].undecidedCodes).toEqual(codesOfMainIndex1);
    // thamdinh is assigned main indices 1–5: what is left for them, decided by core's policy.
    const assigned = dbp.mainIndices
      .filter((main: MainIndexRow) => ['1', '2', '3', '4', '5'].includes(main.code))
      .reduce((sum: number, main: MainIndexRow) => sum + main.undecided, 0);
    expect(dbp.undecidedForYou).toBe(assigned);
    expect(dbp.awaitsCouncil).toBe(true);
    expect(dbp.undecidedForYou).toBeLessThan(68);
    const chairs = (await overview(chair)).json().assessments.find((item: { id: string }) => item.id === dbpAssessment);
    expect(chairs.undecidedForYou).toBe(68);
    // Nothing decided yet: the chair cannot finalise from "submitted", and sees why.
    expect(chairs.deniedActions.find((denied: { action: string }) => denied.action === 'finalise').reason).toBe('wrong-state');
  });

  it('counts acceptances, adjustments (and cuts) and supplementation requests per main index', async () => {
    const decide = (session: Session, code: string, body: Record<string, unknown>) =>
      t.call(session, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/${code}`, { baseVersion: 0, ...body });
    expect((await decide(appraiser, '1.1', { decision: 'accepted' })).statusCode).toBe(200);
    expect(
      (await decide(appraiser, '1.2', { decision: 'adjusted', appraisedPoints: 2, reason: 'Một cuộc họp' })).statusCode,
    ).toBe(200);
    // Raised above the self points: an adjustment, not a cut.
    expect((await decide(chair, '1.4', { decision: 'adjusted', appraisedPoints: 1, reason: 'Có văn bản' })).statusCode).toBe(200);
    expect(
      (await decide(appraiser, '2.1', { decision: 'supplementationRequested', comment: 'Bổ sung kế hoạch', dueOn: '2099-02-15' }))
        .statusCode,
    ).toBe(200);

    const body = (await overview(chair)).json();
    const dbp = body.assessments.find((item: { id: string }) => item.id === dbpAssessment);
    expect(dbp).toMatchObject({
      state: 'supplementationRequested',
      indicators: 68,
      accepted: 1,
      adjusted: 2,
      lowered: 1,
      awaitingSupplementation: 1,
      undecided: 65,
      supplementation: { open: 1, answered: 0, overdue: 0, latestDueOn: '2099-02-15' },
    });
    const [main1, main2] = dbp.mainIndices as MainIndexRow[];
    expect(main1).toMatchObject({ code: '1', accepted: 1, adjusted: 2, lowered: 1, awaitingSupplementation: 0 });
    expect(main1?.undecided).toBe(codesOfMainIndex1.length - 3);
    expect(main1?.undecidedCodes).toEqual(codesOfMainIndex1.filter((code) => !['1.1', '1.2', '1.4'].includes(code)));
    expect(main2).toMatchObject({ code: '2', awaitingSupplementation: 1 });
    expect(main2?.undecidedCodes).toContain('2.1');
  });

  it('counts an answered request as answered, not open', async () => {
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    const request = view.supplementationRequests[0];
    const answered = await t.call(
      reporter,
      'POST',
      `/api/v1/assessments/${dbpAssessment}/supplementation/${request.id}/response`,
      { response: 'Đã bổ sung Kế hoạch số 12/KH-UBND' },
    );
    expect(answered.statusCode).toBe(204);
    const dbp = (await overview(manager)).json().assessments.find((item: { id: string }) => item.id === dbpAssessment);
    expect(dbp.supplementation).toMatchObject({ open: 0, answered: 1, overdue: 0 });
  });

  it('is the council’s and the managers’ view, never a unit’s nor a visitor’s', async () => {
    expect((await overview(manager)).statusCode).toBe(200);
    expect((await overview(reporter)).statusCode).toBe(403);
    expect((await overview(leader)).statusCode).toBe(403);
    expect((await overview(undefined)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown period and 400 for a malformed id', async () => {
    const missing = await overview(chair, '00000000-0000-4000-8000-000000000000');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'http.not-found']);
    expect((await overview(chair, 'not-a-uuid')).statusCode).toBe(400);
  });
});
