/**
 * The publication preview (issue 10, "Manager"): the table the public will see, before publishing,
 * with warnings naming each unit; the publication decision publishing requires; core's date rule
 * on a period's schedule. On PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

const FRAMEWORK = 'dienbien-2022-district';
const DECISION = {
  number: '123/QĐ-UBND',
  date: '2024-03-28',
  signerName: 'Nguyễn Văn A',
  signerTitle: 'Phó Chủ tịch Ủy ban nhân dân tỉnh',
};

interface Warning {
  kind: string;
  unitCode: string;
  message: string;
}

describe.each(TEST_DATABASE_KINDS)('the publication preview on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let chair: Session;
  let periodId: string;
  const previewUrl = () => `/api/v1/periods/${periodId}/publication-preview`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    chair = await t.signIn('chutich');
    // Three districts of the demo's published 2022, assessed again for 2024: DBP answers one indicator, the others nothing.
    const districts = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=100')).json().items as {
      id: string;
      code: string;
    }[];
    const chosen = districts.filter((unit) => ['DBP', 'MLA', 'TGI'].includes(unit.code));
    expect(chosen).toHaveLength(3);
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ xem trước công bố',
      cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
      unitIds: chosen.map((unit) => unit.id),
      // The chair finalises straight after deciding: no rebuttal round here (rebuttal.test.ts has one).
      rebuttalEnabled: false,
    });
    expect(created.statusCode).toBe(201);
    periodId = created.json().id;
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    const reporter = await t.signIn('nhaplieu.dbp');
    const [mine] = (await t.call(reporter, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items;
    const saved = await t.call(reporter, 'PUT', `/api/v1/assessments/${mine.id}/answers/1.1`, { value: 'có', baseVersion: 0 });
    expect(saved.statusCode).toBe(200);
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
  }, 120_000);
  afterAll(async () => t?.close());

  it('is for those who may publish: others 403, the public 401', async () => {
    expect((await t.call(undefined, 'GET', previewUrl())).statusCode).toBe(401);
    for (const username of ['nhaplieu.dbp', 'thamdinh', 'chutich']) {
      expect((await t.call(await t.signIn(username), 'GET', previewUrl())).statusCode, username).toBe(403);
    }
    expect((await t.call(await t.signIn('quantri'), 'GET', previewUrl())).statusCode).toBe(200);
  });

  it('warns, unit by unit, of missing answers, unfinalised assessments and undecided indicators', async () => {
    const preview = (await t.call(manager, 'GET', previewUrl())).json();
    expect(preview.thresholds).toEqual({ rankPlaces: 5, indexChange: 0.1 });
    const byKind = (warningKind: string) =>
      (preview.warnings as Warning[]).filter((warning) => warning.kind === warningKind).map((warning) => warning.unitCode);
    expect(byKind('no-answers').sort()).toEqual(['MLA', 'TGI']);
    expect(byKind('not-finalised').sort()).toEqual(['DBP', 'MLA', 'TGI']);
    expect(byKind('undecided-indicators')).toEqual(['DBP']);
    const dbp = (preview.warnings as Warning[]).find((warning) => warning.kind === 'undecided-indicators');
    expect(dbp?.message).toMatch(/^Thành phố Điện Biên Phủ: còn \d+ chỉ số chưa được Hội đồng công nhận hoặc điều chỉnh điểm$/);
    const english = (await t.call(manager, 'GET', `${previewUrl()}?lang=en`)).json();
    expect((english.warnings as Warning[]).find((warning) => warning.kind === 'no-answers')?.message).toMatch(
      /: the unit has no answer at all$/,
    );
    // The table, compared with the demo's published 2022 of the same cohort.
    const [cohort] = preview.cohorts;
    expect(cohort.unitKind).toBe('district');
    expect(cohort.previous.year).toBe(2022);
    expect(cohort.results.units.map((unit: { code: string }) => unit.code).sort()).toEqual(['DBP', 'MLA', 'TGI']);
    expect(cohort.results.publishedAt).toBeNull();
    expect(cohort.results.legalBasis.document).toBe('2001/QĐ-UBND');
  });

  it('flags large swings from the previous published year once the council has decided', async () => {
    const items = (await t.call(chair, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as {
      id: string;
      state: string;
    }[];
    // The units that entered nothing stayed drafts at the close: the manager scores them as zero.
    for (const silent of items.filter((assessment) => assessment.state === 'draft')) {
      const decided = await t.call(manager, 'PUT', `/api/v1/assessments/${silent.id}/participation`, {
        participation: 'scoredAsZero',
        reason: 'Không nộp bản tự đánh giá',
      });
      expect(decided.statusCode).toBe(200);
    }
    for (const assessment of items.filter((item) => item.state !== 'draft')) {
      await t.call(chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
      const finalised = await t.call(chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' });
      expect(finalised.statusCode).toBe(200);
    }
    const preview = (await t.call(manager, 'GET', previewUrl())).json();
    const kinds = new Set((preview.warnings as Warning[]).map((warning) => warning.kind));
    expect(kinds.has('not-finalised')).toBe(false);
    expect(kinds.has('undecided-indicators')).toBe(false);
    // 2022's indices were well above what one answer (or none) gives now: every unit fell by more than 0,1.
    const swings = (preview.warnings as Warning[]).filter((warning) => warning.kind === 'large-swing');
    expect(swings.map((warning) => warning.unitCode).sort()).toEqual(['DBP', 'MLA', 'TGI']);
    expect(swings[0]?.message).toMatch(/thay đổi lớn so với năm 2022 \(.*chỉ số −0,\d{4}\)$/);
  });

  it('refuses to publish without a complete decision, naming each field', async () => {
    const none = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' });
    expect(none.statusCode).toBe(400);
    const problems = none.json().error.problems as { code: string; message: string; location: { path: string } }[];
    expect(problems.map((problem) => problem.location.path)).toEqual([
      '/decision/number',
      '/decision/date',
      '/decision/signerName',
      '/decision/signerTitle',
    ]);
    expect(problems[0]?.message).toBe('trường decision.number: Cần nhập số quyết định');

    const badNumber = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions?lang=en`, {
      action: 'publish',
      decision: { ...DECISION, number: 'QĐ số 5' },
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.problems[0].location).toEqual({ path: '/decision/number' });
    expect(badNumber.json().error.message).toBe(
      'field decision.number: The decision number "QĐ số 5" does not read as number/symbol, e.g. 123/QĐ-UBND',
    );
    const future = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'publish',
      decision: { ...DECISION, date: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('Ngày ký quyết định (01/01/2999) chưa đến');
    // Nothing was published by the refusals.
    expect((await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json().state).toBe('appraisal');
  });

  it('publishes exactly the previewed table, with the decision on the public pages and in the audit log', async () => {
    const preview = (await t.call(manager, 'GET', previewUrl())).json();
    const published = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'publish',
      decision: { ...DECISION, date: '28/03/2024', number: ' 123/QĐ-UBND ' },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().publicationDecision).toEqual(DECISION);

    const ranking = (await t.call(undefined, 'GET', `/api/v1/public/periods/${periodId}/results/district`)).json();
    const { publishedAt, publicationDecision, ...previewed } = preview.cohorts[0].results;
    expect(publishedAt).toBeNull();
    expect(publicationDecision).toBeNull();
    expect({ ...ranking, publishedAt: undefined, publicationDecision: undefined }).toEqual({
      ...previewed,
      publishedAt: undefined,
      publicationDecision: undefined,
    });
    expect(ranking.publicationDecision).toEqual(DECISION);
    const periods = (await t.call(undefined, 'GET', '/api/v1/public/periods')).json().items as {
      id: string;
      publicationDecision: unknown;
    }[];
    expect(periods.find((period) => period.id === periodId)?.publicationDecision).toEqual(DECISION);

    const admin = await t.signIn('quantri');
    const audit = (await t.call(admin, 'GET', `/api/v1/audit?periodId=${periodId}&action=period.publish`)).json();
    expect(audit.items[0].newValue).toEqual({ state: 'published', decision: DECISION });
  });
});

describe.each(TEST_DATABASE_KINDS)('the order of a period’s dates on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
  }, 120_000);
  afterAll(async () => t?.close());

  const create = (dates: Record<string, string | null>) =>
    t.call(manager, 'POST', '/api/v1/periods', {
      year: 2025,
      cohorts: [{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }],
      unitIds: [],
      ...dates,
    });

  it('refuses dates out of order, at the later field, naming both dates', async () => {
    const appraisalFirst = await create({ selfAssessmentDeadline: '2026-01-30', appraisalDeadline: '2026-01-15' });
    expect(appraisalFirst.statusCode).toBe(400);
    expect(appraisalFirst.json().error).toEqual({
      code: 'period.dates-out-of-order',
      message: 'trường appraisalDeadline: Hạn thẩm định (15/01/2026) phải sau hạn tự đánh giá (30/01/2026)',
      problems: [
        {
          code: 'period.dates-out-of-order',
          message: 'trường appraisalDeadline: Hạn thẩm định (15/01/2026) phải sau hạn tự đánh giá (30/01/2026)',
          location: { path: '/appraisalDeadline' },
        },
      ],
    });
    const late = await create({ selfAssessmentDeadline: '2026-04-15', publicationDue: '2026-03-31' });
    expect(late.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path)).toEqual([
      '/publicationDue',
    ]);
    // Without a publication day, the default (31/03 of the next year) is planned only where it follows the deadlines.
    const defaulted = await create({ selfAssessmentDeadline: '2026-04-15' });
    expect([defaulted.statusCode, defaulted.json().publicationDue]).toEqual([201, null]);
    const both = await create({
      selfAssessmentDeadline: '2026-01-30',
      appraisalDeadline: '2026-01-01',
      publicationDue: '2025-12-31',
    });
    expect(both.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path)).toEqual([
      '/appraisalDeadline',
      '/publicationDue',
    ]);
  });

  it('accepts dates in order', async () => {
    const ok = await create({
      selfAssessmentDeadline: '2026-01-30',
      appraisalDeadline: '2026-03-15',
      publicationDue: '2026-03-31',
    });
    expect(ok.statusCode).toBe(201);
  });
});
