/**
 * The whole annual cycle of seed 001 over HTTP: answer → submit → appraise with an adjustment and a
 * supplementation round → finalise → publish → the public results equal what `opendti score`
 * computes from the same points. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { compileFramework, presentCohort, type ResultSet, readScoreRows, scoreCohort, sortByRank } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PUBLICATION_DECISION } from '../../test-support/publication-decision.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

describe.each(TEST_DATABASE_KINDS)('the assessment cycle on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let chair: Session;
  let dbiLeader: Session;
  let secondAppraiser: Session;
  let periodId: string;
  let dbpAssessment: string;
  let dbiAssessment: string;
  const framework = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
  const indicatorCodes = framework.indicatorNodes.map((node) => framework.nodes[node]?.code as string);
  const mainIndexSix = indicatorCodes.filter((code) => code.startsWith('6.'));

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
    const unitIds = unitList.filter((unit) => unit.code === 'DBP' || unit.code === 'DBI').map((unit) => unit.id);
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ thử nghiệm',
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
      unitIds,
      selfAssessmentDeadline: '2099-01-30',
      // The cycle without a rebuttal round (rebuttal.test.ts holds one).
      rebuttalEnabled: false,
    });
    expect(created.statusCode).toBe(201);
    periodId = created.json().id;
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' })).statusCode,
    ).toBe(200);
    const list = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      unit: { code: string };
    }[];
    dbpAssessment = list.find((item) => item.unit.code === 'DBP')?.id as string;
    dbiAssessment = list.find((item) => item.unit.code === 'DBI')?.id as string;
    const admin = await t.signIn('quantri');
    const dbi = unitList.find((unit) => unit.code === 'DBI');
    const created2 = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'lanhdao.dbi',
      displayName: 'Lãnh đạo UBND huyện Điện Biên',
      role: 'unitLeader',
      unitId: dbi?.id,
      password: 'Mat-khau-2024!',
    });
    expect(created2.statusCode).toBe(201);
    const signInCreated = async (username: string): Promise<Session> => {
      const login = await t.call(undefined, 'POST', '/api/v1/auth/login', { username, password: 'Mat-khau-2024!' });
      const session = {
        cookie: `opendti_session=${login.cookies.find((cookie) => cookie.name === 'opendti_session')?.value}`,
        csrfToken: login.json().csrfToken,
        userId: login.json().id,
      };
      // An account the administrator creates must change its password before anything else.
      const changed = await t.call(session, 'POST', '/api/v1/auth/password', {
        currentPassword: 'Mat-khau-2024!',
        newPassword: 'Mat-khau-rieng-2024!',
      });
      expect(changed.statusCode).toBe(204);
      return session;
    };
    dbiLeader = await signInCreated('lanhdao.dbi');
    const createdAppraiser = await t.call(admin, 'POST', '/api/v1/users', {
      username: 'thamdinh.6',
      displayName: 'Thành viên Hội đồng thẩm định, chỉ số chính 6',
      role: 'appraiser',
      assignedScopes: ['6'],
      password: 'Mat-khau-2024!',
    });
    expect(createdAppraiser.statusCode).toBe(201);
    secondAppraiser = await signInCreated('thamdinh.6');
  }, 120_000);
  afterAll(async () => t?.close());

  const answerValue = (code: string): { value?: string; points?: number } => {
    const node = framework.nodes[framework.nodeByCode.get(code) as number];
    if (node?.method?.type === 'yesNo') return { value: 'có' };
    if (node?.method?.type === 'ratio') return { value: '3/4' };
    return { points: (node?.maxPoints ?? 0) / 2 };
  };

  it('a unit sees only its own assessment', async () => {
    const mine = (await t.call(reporter, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items;
    expect(mine.map((item: { unit: { code: string } }) => item.unit.code)).toEqual(['DBP']);
    expect((await t.call(reporter, 'GET', `/api/v1/assessments/${dbiAssessment}`)).statusCode).toBe(403);
  });

  it('the reporter answers every indicator; saves are versioned and idempotent', async () => {
    for (const code of indicatorCodes) {
      const response = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/${code}`, {
        ...answerValue(code),
        explanation: 'Có tài liệu kiểm chứng',
        baseVersion: 0,
      });
      expect({ code, status: response.statusCode }).toEqual({ code, status: 200 });
    }
    // The same save again (a retry after a lost response) is accepted and changes nothing.
    const retry = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/1.1`, {
      value: 'có',
      explanation: 'Có tài liệu kiểm chứng',
      baseVersion: 0,
    });
    expect([retry.statusCode, retry.json().version]).toEqual([200, 1]);
    // An edit based on an old version is refused, never silently applied.
    const stale = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/1.1`, {
      value: 'không',
      baseVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('http.stale-version');
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    expect(view.progress.reduce((sum: number, main: { answered: number }) => sum + main.answered, 0)).toBe(68);
    expect(view.progress[0]).toMatchObject({ code: '1', indicators: 7, answered: 7, evidenceMissing: 7 });
  });

  it('only the leader submits, which locks editing', async () => {
    // The view says so before anyone clicks: core's verdicts for this reader, in this state.
    const reporterView = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    expect(reporterView.allowedActions).toEqual([]);
    expect(reporterView.deniedActions.find((denied: { action: string }) => denied.action === 'submit').reason).toBe(
      'missing-capability',
    );
    expect(reporterView.indicators[0]).toMatchObject({ code: '1.1', answer: { allowed: true }, decide: { allowed: false } });
    expect((await t.call(leader, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json().allowedActions).toEqual(['submit']);
    expect(
      (await t.call(reporter, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(403);
    const submitted = await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'submit' });
    expect([submitted.statusCode, submitted.json().state]).toEqual([200, 'submitted']);
    const locked = await t.call(reporter, 'PUT', `/api/v1/assessments/${dbpAssessment}/answers/1.1`, {
      value: 'không',
      baseVersion: 1,
    });
    expect(locked.statusCode).toBe(409);
  });

  it('another unit answers a little and submits before the deadline', async () => {
    for (const [code, body] of [
      ['1.1', { value: 'không', baseVersion: 0 }],
      ['3.1', { value: '40/50', baseVersion: 0 }],
      ['6.1', { notAssessed: true, notAssessedReason: 'Không có nhiệm vụ trong năm', baseVersion: 0 }],
    ] as const) {
      expect((await t.call(dbiLeader, 'PUT', `/api/v1/assessments/${dbiAssessment}/answers/${code}`, body)).statusCode).toBe(200);
    }
    const notAssessedWithoutReason = await t.call(dbiLeader, 'PUT', `/api/v1/assessments/${dbiAssessment}/answers/6.2`, {
      notAssessed: true,
      baseVersion: 0,
    });
    expect(notAssessedWithoutReason.statusCode).toBe(400);
    expect(
      (await t.call(dbiLeader, 'POST', `/api/v1/assessments/${dbiAssessment}/transitions`, { action: 'submit' })).statusCode,
    ).toBe(200);
  });

  it('the council works only once the period is in appraisal', async () => {
    const early = await t.call(chair, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.1`, {
      decision: 'accepted',
      baseVersion: 0,
    });
    expect(early.statusCode).toBe(409);
    expect(
      (await t.call(reporter, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(403);
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
    ).toBe(200);
  });

  it('the council adjusts with a reason, stays within its assignment, and asks for supplementation', async () => {
    const noReason = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.2`, {
      decision: 'adjusted',
      appraisedPoints: 2,
      baseVersion: 0,
    });
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'appraisal.reason-required']);
    // Named in the reader's language (was a Vietnamese-only http.validation detail).
    const refusals = [
      [{ decision: 'adjusted', appraisedPoints: 2, baseVersion: 0 }, 'indicator 1.2: an adjustment needs a reason'],
      [{ decision: 'adjusted', reason: 'x', baseVersion: 0 }, 'indicator 1.2: an adjustment needs the appraised points'],
      [
        { decision: 'supplementationRequested', dueOn: '2099-02-15', baseVersion: 0 },
        'indicator 1.2: say what the unit must add or explain',
      ],
    ] as const;
    for (const [body, message] of refusals) {
      const english = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/assessments/${dbpAssessment}/appraisals/1.2`,
        headers: {
          cookie: appraiser.cookie,
          'x-csrf-token': appraiser.csrfToken,
          'content-type': 'application/json',
          'accept-language': 'en',
        },
        payload: JSON.stringify(body),
      });
      expect([english.statusCode, english.json().error.message]).toEqual([400, message]);
    }
    const adjusted = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.2`, {
      decision: 'adjusted',
      appraisedPoints: 2,
      reason: 'Chỉ có biên bản của 1 cuộc họp',
      councilNote: 'Ghi chú nội bộ hội đồng',
      baseVersion: 0,
    });
    expect(adjusted.statusCode).toBe(200);
    // thamdinh is assigned main indices 1–5 only.
    const outside = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/6.1`, {
      decision: 'accepted',
      baseVersion: 0,
    });
    expect(outside.statusCode).toBe(403);
    const request = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/2.1`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung kế hoạch đã ký',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });
    expect(request.statusCode).toBe(200);
    // One round covers several indicators: requests may be added until the unit answers.
    const second = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/3.1`, {
      decision: 'supplementationRequested',
      comment: 'Bổ sung danh sách máy tính',
      dueOn: '2099-02-15',
      baseVersion: 0,
    });
    expect(second.statusCode).toBe(200);
    // Per indicator (seed 001 §1.3 b): only 2.1 and 3.1 wait for the unit; 1.1 can still be decided.
    const requestedAgain = await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/2.1`, {
      decision: 'accepted',
      baseVersion: 1,
    });
    expect([requestedAgain.statusCode, requestedAgain.json().error.code]).toEqual([409, 'workflow.awaiting-unit']);
    expect(
      (
        await t.call(appraiser, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/1.1`, {
          decision: 'accepted',
          baseVersion: 0,
        })
      ).statusCode,
    ).toBe(200);
    // A second appraiser, assigned main index 6, accepts the rest of what is theirs in the whole unit
    // while the unit still answers 2.1 and 3.1.
    const acceptedBySecond = await t.call(
      secondAppraiser,
      'POST',
      `/api/v1/assessments/${dbpAssessment}/appraisals/accept-remaining`,
      {},
    );
    expect(acceptedBySecond.statusCode).toBe(200);
    expect(acceptedBySecond.json().accepted).toEqual(mainIndexSix);
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    expect(view.state).toBe('supplementationRequested');
    expect(view.supplementationRequests.map((row: { indicatorCode: string }) => row.indicatorCode).sort()).toEqual([
      '2.1',
      '3.1',
    ]);
    expect(view.supplementationRequests[0]).toMatchObject({
      status: 'open',
      dueOn: '2099-02-15',
      overdue: false,
      answeredLate: false,
    });
    // Council-internal notes never reach the unit.
    expect(view.appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2')).not.toHaveProperty(
      'councilNote',
    );
    // While the unit supplements, the council decides everything else, within its assignment.
    const appraiserView = (await t.call(appraiser, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    const onIndicator = (code: string) =>
      appraiserView.indicators.find((row: { code: string }) => row.code === code) as Record<string, { reason?: string }>;
    expect(onIndicator('1.1').decide).toEqual({ allowed: true });
    expect(onIndicator('2.1').decide?.reason).toBe('awaiting-unit');
    expect(onIndicator('2.1').requestSupplementation?.reason).toBe('awaiting-unit');
    expect(onIndicator('6.1').requestSupplementation?.reason).toBe('missing-capability');
    const reporterView = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    const supplementable = reporterView.indicators
      .filter((row: { supplement: { allowed: boolean } }) => row.supplement.allowed)
      .map((row: { code: string }) => row.code);
    expect(supplementable).toEqual(['2.1', '3.1']);
    const councilView = (await t.call(chair, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    expect(councilView.appraisals.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2').councilNote).toBe(
      'Ghi chú nội bộ hội đồng',
    );
  });

  it('the unit answers the request and the leader sends the supplementation back', async () => {
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    const [first, second] = view.supplementationRequests;
    const answer = (id: string, response: string) =>
      t.call(reporter, 'POST', `/api/v1/assessments/${dbpAssessment}/supplementation/${id}/response`, { response });
    expect((await answer(first.id, 'Đã bổ sung Kế hoạch số 12/KH-UBND')).statusCode).toBe(204);
    // One request still open: the leader cannot send the supplementation back yet.
    const unanswered = await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, {
      action: 'submitSupplementation',
    });
    expect([unanswered.statusCode, unanswered.json().error.code]).toEqual([409, 'workflow.unanswered-requests']);
    expect((await answer(second.id, 'Đã bổ sung danh sách')).statusCode).toBe(204);
    const back = await t.call(leader, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, {
      action: 'submitSupplementation',
    });
    expect([back.statusCode, back.json().state]).toEqual([200, 'supplemented']);
    // Sent back: the requests are the council's again, and a later request elsewhere will not hold them.
    const after = (await t.call(appraiser, 'GET', `/api/v1/assessments/${dbpAssessment}`)).json();
    expect(after.supplementationRequests.map((row: { status: string }) => row.status)).toEqual(['closed', 'closed']);
    const onTwoOne = after.indicators.find((row: { code: string }) => row.code === '2.1');
    expect(onTwoOne.decide).toEqual({ allowed: true });
  });

  it('the chair accepts the rest, finalises, and only the chair may reopen', async () => {
    const early = await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'finalise' });
    expect(early.statusCode).toBe(409);
    const finaliseOf = async () =>
      (await t.call(chair, 'GET', `/api/v1/periods/${periodId}/council-overview`))
        .json()
        .assessments.find((row: { id: string }) => row.id === dbpAssessment)
        .deniedActions.find((denied: { action: string }) => denied.action === 'finalise');
    expect((await finaliseOf()).reason).toBe('undecided-indicators');
    for (const code of ['2.1', '3.1']) {
      const decided = await t.call(chair, 'PUT', `/api/v1/assessments/${dbpAssessment}/appraisals/${code}`, {
        decision: 'accepted',
        baseVersion: 1,
      });
      expect(decided.statusCode).toBe(200);
    }
    const accepted = await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/appraisals/accept-remaining`, {});
    // 68 indicators: 1.2 adjusted, 1.1 and main index 6 accepted while the unit answered, 2.1 and 3.1 just now.
    expect(accepted.json().accepted).toHaveLength(68 - 3 - 1 - mainIndexSix.length);
    expect(await finaliseOf()).toBeUndefined();
    const finalised = await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'finalise' });
    expect([finalised.statusCode, finalised.json().state]).toEqual([200, 'finalised']);
    expect(
      (await t.call(appraiser, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'reopen', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'reopen' })).statusCode,
    ).toBe(400);
  });

  it('the chair finalises the other unit too; until then nothing can be published', async () => {
    const tooEarly = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' });
    expect([tooEarly.statusCode, tooEarly.json().error.code]).toEqual([409, 'workflow.not-all-finalised']);
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${dbiAssessment}/appraisals/accept-remaining`, {})).json().accepted,
    ).toHaveLength(68);
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${dbiAssessment}/transitions`, { action: 'finalise' })).json().state,
    ).toBe('finalised');
  });

  it('nothing is public before publication; the manager publishes from appraisal', async () => {
    expect((await t.call(undefined, 'GET', `/api/v1/public/periods/${periodId}/results/district`)).statusCode).toBe(404);
    expect((await t.call(reporter, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' })).statusCode).toBe(
      403,
    );
    const published = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'publish',
      decision: TEST_PUBLICATION_DECISION,
    });
    expect([published.statusCode, published.json().state]).toEqual([200, 'published']);
    // Reopening an assessment of a published period is refused.
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${dbpAssessment}/transitions`, { action: 'reopen', reason: 'sai sót' }))
        .statusCode,
    ).toBe(409);
  });

  it('serves the frozen results with an ETag, equal to what `opendti score` computes from the same points', async () => {
    const response = await t.call(undefined, 'GET', `/api/v1/public/periods/${periodId}/results/district`);
    expect(response.statusCode).toBe(200);
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const cached = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/periods/${periodId}/results/district`,
      headers: { 'if-none-match': etag },
    });
    expect(cached.statusCode).toBe(304);

    const rows: string[][] = [];
    for (const [assessmentId, code, name] of [
      [dbpAssessment, 'DBP', 'Thành phố Điện Biên Phủ'],
      [dbiAssessment, 'DBI', 'Huyện Điện Biên'],
    ] as const) {
      const view = (await t.call(chair, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
      const decisions = new Map(view.appraisals.map((row: { indicatorCode: string }) => [row.indicatorCode, row]));
      for (const answer of view.answers) {
        const decision = decisions.get(answer.indicatorCode) as { decision: string; appraisedPoints: number | null } | undefined;
        rows.push([
          code,
          name,
          answer.indicatorCode,
          answer.value ?? '',
          answer.value === null && answer.selfPoints !== null ? String(answer.selfPoints) : '',
          decision?.decision === 'adjusted' ? String(decision.appraisedPoints) : '',
          answer.notAssessed ? 'x' : '',
        ]);
      }
    }
    const expected = scoreLikeTheCli(framework, rows);
    const published = response.json();
    // The API adds each node's English name (`nameEn`) to what the engine computes; the rest is equal.
    const withoutEnglishNames = JSON.parse(
      JSON.stringify(published.units, (key, value) => (key === 'nameEn' ? undefined : value)),
    );
    expect(withoutEnglishNames).toEqual(expected.units);
    const dbp = published.units.find((unit: { code: string }) => unit.code === 'DBP');
    expect(dbp.points).toBeLessThan(dbp.selfPoints); // the council's adjustment counts, not the self score

    const page = await t.call(undefined, 'GET', `/api/v1/public/periods/${periodId}/results/district/units/DBI`);
    expect(page.statusCode).toBe(200);
    expect(
      page
        .json()
        .analysis.find((main: { code: string }) => main.code === '6')
        .notAssessed.map((item: { code: string }) => item.code),
    ).toEqual(['6.1']);
  });

  it('writes every transition and points change to the audit log, which the unit can read for itself', async () => {
    const own = await t.call(leader, 'GET', `/api/v1/assessments/${dbpAssessment}/audit?pageSize=200`);
    expect(own.statusCode).toBe(200);
    const actions = own.json().items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'answer.saved',
        'assessment.submit',
        'appraisal.adjusted',
        'assessment.requestSupplementation',
        'assessment.finalise',
      ]),
    );
    const adjustment = own.json().items.find((entry: { action: string }) => entry.action === 'appraisal.adjusted');
    expect(adjustment).toMatchObject({
      indicatorCode: '1.2',
      oldValue: { points: 5 },
      newValue: { points: 2 },
      reason: 'Chỉ có biên bản của 1 cuộc họp',
    });
    expect((await t.call(leader, 'GET', `/api/v1/assessments/${dbiAssessment}/audit`)).statusCode).toBe(403);
    expect((await t.call(leader, 'GET', '/api/v1/audit')).statusCode).toBe(403);
    const admin = await t.signIn('quantri');
    const all = await t.call(admin, 'GET', `/api/v1/audit?periodId=${periodId}&action=period.publish`);
    expect(all.json().total).toBe(1);
  });
});

/** The same points through the CLI's path: a score table → core engine → ResultSet. */
export function scoreLikeTheCli(framework: ReturnType<typeof compileFramework>, rows: string[][]): ResultSet {
  const { sheet, problems } = readScoreRows(framework, {
    file: 'cycle.csv',
    header: ['unit_code', 'unit_name', 'indicator', 'value', 'points', 'appraised_points', 'not_assessed'],
    rows,
  });
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  const results = presentCohort(scoreCohort(sheet));
  return { ...results, units: sortByRank(results.units) };
}
