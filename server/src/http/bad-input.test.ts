/**
 * Bad input over HTTP (issue 3, §5): malformed and oversized bodies, wrong types, values the
 * framework refuses, transitions out of order, stale versions — each answered with the right
 * status and the one error shape `{ error: { code, message, problems? } }`, in Vietnamese by default,
 * and never with a stack trace. Also inputs that once went through to the database and came back
 * as a 500 (an unknown unit, a day that does not exist, a page number it cannot offset by).
 * On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { ASSESSMENT_ACTIONS, PERIOD_ACTIONS } from '@opendti/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../test-support/test-databases.js';

const FRAMEWORK = 'dienbien-2022-district';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Asserts the one error shape: exactly `error` with `code` and `message` (and `problems` when there
 * are several), no stack, no "    at f (file:1:2)" frame, no file path of the server.
 */
function expectError(response: LightMyRequestResponse, status: number, code: string): { code: string; message: string } {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).filter((key) => key !== 'problems')).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (body.error.problems !== undefined) {
    expect(body.error.problems.length).toBeGreaterThan(1);
    for (const problem of body.error.problems) expect(Object.keys(problem)).toEqual(expect.arrayContaining(['code', 'message']));
  }
  expect(response.body).not.toMatch(/\bat \S+ \(|\n\s+at |stack|\.ts:\d+|\.js:\d+|node_modules|\/work\//i);
  return body.error;
}

describe.each(TEST_DATABASE_KINDS)('bad input on %s', (kind) => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let reporter: Session;
  let leader: Session;
  let appraiser: Session;
  let chair: Session;
  let dbpUnitId: string;
  /** DBP's draft in the open 2023 period. */
  let draft: string;

  const raw = (options: InjectOptions & { session?: Session; language?: string }) => {
    const { session, language, headers, ...rest } = options;
    return t.app.inject({
      ...rest,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...(language ? { 'accept-language': language } : {}),
        ...headers,
      },
    });
  };
  const json = (session: Session | undefined, method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, language?: string) =>
    raw({
      method,
      url,
      ...(session ? { session } : {}),
      ...(language ? { language } : {}),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  /** DBP's assessment in a fresh period open for self-assessment (deadline far away). */
  async function freshDraft(): Promise<{ periodId: string; assessmentId: string }> {
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
      unitIds: [dbpUnitId],
      selfAssessmentDeadline: '2099-01-30',
    });
    expect(created.statusCode).toBe(201);
    const periodId = created.json().id;
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' })).statusCode,
    ).toBe(200);
    const list = await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`);
    return { periodId, assessmentId: list.json().items[0].id };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn('quantri');
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    leader = await t.signIn('lanhdao.dbp');
    appraiser = await t.signIn('thamdinh');
    chair = await t.signIn('chutich');
    const units = (await t.call(manager, 'GET', '/api/v1/units?kind=district&pageSize=200')).json().items as {
      id: string;
      code: string;
    }[];
    dbpUnitId = units.find((unit) => unit.code === 'DBP')?.id as string;
    const periods = (await t.call(manager, 'GET', '/api/v1/periods')).json().items as { id: string; year: number }[];
    const open = periods.find((period) => period.year === 2023)?.id;
    draft = (await t.call(reporter, 'GET', `/api/v1/periods/${open}/assessments`)).json().items[0].id;
  }, 120_000);
  afterAll(async () => t?.close());

  describe('the body', () => {
    it('answers malformed JSON with http.malformed-body', async () => {
      for (const payload of [
        '{"value": "có", "baseVersion": 0',
        "{'value': 'có'}",
        '{"value": "có",}',
        '',
        '{"__proto__": {"admin": true}}',
      ]) {
        const response = await raw({
          method: 'PUT',
          url: `/api/v1/assessments/${draft}/answers/1.1`,
          session: reporter,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        const error = expectError(response, 400, 'http.malformed-body');
        expect(error.message).toBe('nội dung gửi lên không đọc được (JSON sai cú pháp)');
      }
      const english = await raw({
        method: 'POST',
        url: '/api/v1/auth/login',
        language: 'en',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": ',
      });
      expect(expectError(english, 400, 'http.malformed-body').message).toBe('the request body is not valid JSON');
    });

    it('answers a body over 1 MB with 413, naming the limit in the reader’s language', async () => {
      const body = { value: 'có', explanation: 'x'.repeat(1024 * 1024), baseVersion: 0 };
      const vietnamese = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.1`, body);
      expect(expectError(vietnamese, 413, 'http.payload-too-large').message).toBe('dữ liệu gửi lên quá lớn (tối đa 1 MB)');
      const english = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.1`, body, 'en-GB,en;q=0.8');
      expect(expectError(english, 413, 'http.payload-too-large').message).toBe('the request is too large (at most 1 MB)');
      // Refused before it is parsed: nothing was saved.
      const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${draft}`)).json();
      expect(view.answers.find((row: { indicatorCode: string }) => row.indicatorCode === '1.1')).toBeUndefined();
    });
  });

  describe('the schema', () => {
    it('names each wrong field, in Vietnamese by default', async () => {
      const response = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.2`, {
        points: 'mười',
        baseVersion: 'x',
      });
      expect(expectError(response, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: trường "points" phải là số hoặc null; trường "baseVersion" phải là số nguyên',
      );
      const missing = await json(undefined, 'POST', '/api/v1/auth/login', { username: 'quantri' });
      expect(expectError(missing, 400, 'http.validation').message).toBe('dữ liệu gửi lên không hợp lệ: thiếu trường "password"');
      const notAnObject = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.2`, ['có']);
      expect(expectError(notAnObject, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: nội dung gửi lên phải là đối tượng JSON',
      );
    });

    it('and in English with Accept-Language: en', async () => {
      const response = await json(
        reporter,
        'PUT',
        `/api/v1/assessments/${draft}/answers/1.2`,
        { points: 'ten', baseVersion: 'x' },
        'en',
      );
      expect(expectError(response, 400, 'http.validation').message).toBe(
        'invalid request: field "points" must be a number or null; field "baseVersion" must be an integer',
      );
      const missing = await json(undefined, 'POST', '/api/v1/auth/login', { username: 'quantri' }, 'en-US');
      expect(expectError(missing, 400, 'http.validation').message).toBe('invalid request: field "password" is missing');
    });

    it('says which values a closed list allows, and which bound a number or a text broke', async () => {
      const decision = await json(chair, 'PUT', `/api/v1/assessments/${draft}/appraisals/1.1`, {
        decision: 'maybe',
        baseVersion: 0,
      });
      expect(expectError(decision, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: trường "decision" phải là một trong: accepted, adjusted, supplementationRequested',
      );
      const period = await json(
        manager,
        'POST',
        '/api/v1/periods',
        { year: 1999, cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }], name: '' },
        'en',
      );
      expect(expectError(period, 400, 'http.validation').message).toBe(
        'invalid request: field "year" must be at least 2000; field "name" must not be empty',
      );
      const nested = await json(manager, 'POST', '/api/v1/periods', { year: 2030, cohorts: [{ unitKind: 'district' }] });
      expect(expectError(nested, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: thiếu trường "cohorts.0.frameworkId"',
      );
    });

    it('refuses a path parameter that is not a UUID, and a query parameter of the wrong type', async () => {
      const path = await raw({ method: 'GET', url: '/api/v1/assessments/not-a-uuid', session: reporter });
      expect(expectError(path, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: tham số "assessmentId" phải là mã UUID',
      );
      const evidence = await raw({
        method: 'GET',
        url: '/api/v1/evidence/1%20OR%201=1/content',
        session: reporter,
        language: 'en',
      });
      expect(expectError(evidence, 400, 'http.validation').message).toBe(
        'invalid request: parameter "evidenceId" must be a UUID',
      );
      const query = await raw({ method: 'GET', url: '/api/v1/units?pageSize=abc', session: reporter });
      expect(expectError(query, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: tham số "pageSize" phải là số nguyên',
      );
    });

    it('refuses what the router cannot read in the same shape: an undecodable path, an over-long parameter', async () => {
      const undecodable = await raw({ method: 'GET', url: '/api/v1/assessments/%E0%A4%A', session: reporter });
      expect(expectError(undecodable, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: đường dẫn không đọc được',
      );
      const long = await raw({ method: 'GET', url: `/api/v1/frameworks/${'x'.repeat(5000)}`, session: reporter, language: 'en' });
      expect(expectError(long, 414, 'http.validation').message).toBe(
        'invalid request: a path parameter is longer than 100 characters',
      );
    });

    it('answers an unknown route with 404 http.not-found', async () => {
      expectError(await raw({ method: 'GET', url: '/api/v1/no-such-thing' }), 404, 'http.not-found');
      expectError(await raw({ method: 'DELETE', url: '/api/v1/periods', session: manager }), 404, 'http.not-found');
    });
  });

  describe('what the framework and the data refuse', () => {
    it('refuses points above the indicator’s maximum, and below zero', async () => {
      const above = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.2`, { points: 999, baseVersion: 0 });
      expect(expectError(above, 400, 'input.points-above-max').message).toBe('điểm 999 vượt điểm tối đa 10 của "1.2"');
      const below = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.2`, { points: -1, baseVersion: 0 });
      expect(expectError(below, 400, 'input.negative-points').message).toBe('điểm -1 của "1.2" âm');
    });

    it('refuses a value that does not fit the method: "maybe" for yes/no', async () => {
      const response = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.1`, {
        value: 'maybe',
        baseVersion: 0,
      });
      expect(expectError(response, 400, 'input.bad-value').message).toBe(
        'giá trị "maybe" của "1.1" không hợp lệ (phương pháp yesNo), cần có/không (x, 1/0)',
      );
    });

    it('answers an unknown indicator code with 404', async () => {
      const answer = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/9.9`, { points: 1, baseVersion: 0 });
      expect(expectError(answer, 404, 'input.unknown-indicator').message).toBe(
        `mã chỉ số "9.9" không có trong bộ chỉ số ${FRAMEWORK}`,
      );
      expectError(
        await raw({ method: 'GET', url: `/api/v1/assessments/${draft}/indicators/9.9/evidence`, session: reporter }),
        404,
        'input.unknown-indicator',
      );
      expectError(
        await raw({ method: 'GET', url: `/api/v1/assessments/${NO_SUCH_ID}`, session: reporter }),
        404,
        'http.not-found',
      );
    });

    it('answers an edit based on a stale version with 409 http.stale-version, never overwriting', async () => {
      const { assessmentId } = await freshDraft();
      const url = `/api/v1/assessments/${assessmentId}/answers/1.2`;
      expect((await t.call(reporter, 'PUT', url, { points: 5, baseVersion: 0 })).statusCode).toBe(200);
      expect((await t.call(leader, 'PUT', url, { points: 10, baseVersion: 1 })).statusCode).toBe(200);
      const stale = await t.call(reporter, 'PUT', url, { points: 2, baseVersion: 1 });
      expect(expectError(stale, 409, 'http.stale-version').message).toBe(
        'câu trả lời 1.2 đã được người khác thay đổi (phiên bản 2, bạn sửa từ phiên bản 1); hãy xem bản mới rồi sửa lại',
      );
      const ahead = await t.call(reporter, 'PUT', url, { points: 2, baseVersion: 7 });
      expectError(ahead, 409, 'http.stale-version');
      const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
      expect(view.answers.find((row: { indicatorCode: string }) => row.indicatorCode === '1.2')).toMatchObject({
        selfPoints: 10,
        version: 2,
      });
    });
  });

  describe('transitions out of order', () => {
    it('refuses each with 409 and the workflow’s code, and a stale appraisal with http.stale-version', async () => {
      const { periodId, assessmentId } = await freshDraft();
      const act = (session: Session, action: string, reason?: string) =>
        t.call(session, 'POST', `/api/v1/assessments/${assessmentId}/transitions`, { action, ...(reason ? { reason } : {}) });
      const movePeriod = (action: string) => t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action });

      // Finalising a draft: out of order, whatever else it lacks.
      expect(expectError(await act(chair, 'finalise'), 409, 'workflow.transition-not-allowed').message).toBe(
        'không thể chốt kết quả thẩm định khi đang ở trạng thái "Đang tự đánh giá"',
      );
      expect(
        (await t.call(reporter, 'PUT', `/api/v1/assessments/${assessmentId}/answers/1.1`, { value: 'có', baseVersion: 0 }))
          .statusCode,
      ).toBe(200);
      // Publishing before the appraisal.
      expectError(await movePeriod('publish'), 409, 'workflow.transition-not-allowed');
      // The council before the period is in appraisal.
      const early = await t.call(chair, 'PUT', `/api/v1/assessments/${assessmentId}/appraisals/1.1`, {
        decision: 'accepted',
        baseVersion: 0,
      });
      expectError(early, 409, 'workflow.locked');
      // Submitting twice, and editing what was submitted.
      expect((await act(leader, 'submit')).statusCode).toBe(200);
      const twice = await act(leader, 'submit');
      expect(expectError(twice, 409, 'workflow.transition-not-allowed').message).toBe(
        'không thể nộp bản tự đánh giá khi đang ở trạng thái "Đã nộp, chờ thẩm định"',
      );
      expectError(
        await t.call(reporter, 'PUT', `/api/v1/assessments/${assessmentId}/answers/1.1`, { value: 'không', baseVersion: 1 }),
        409,
        'workflow.locked',
      );
      const decidedEarly = await t.call(chair, 'PUT', `/api/v1/assessments/${assessmentId}/appraisals/1.1`, {
        decision: 'accepted',
        baseVersion: 0,
      });
      expectError(decidedEarly, 409, 'workflow.period-state');
      // Reopening what was never finalised; sending back supplementation nobody asked for.
      expectError(await act(chair, 'reopen', 'sai sót'), 409, 'workflow.transition-not-allowed');
      expectError(await act(leader, 'submitSupplementation'), 409, 'workflow.transition-not-allowed');

      expect((await movePeriod('startAppraisal')).statusCode).toBe(200);
      // Publishing while an assessment is not finalised.
      expectError(await movePeriod('publish'), 409, 'workflow.not-all-finalised');
      // An appraised adjustment above the maximum; a decision on a stale version.
      const above = await t.call(chair, 'PUT', `/api/v1/assessments/${assessmentId}/appraisals/1.2`, {
        decision: 'adjusted',
        appraisedPoints: 11,
        reason: 'Vượt',
        baseVersion: 0,
      });
      expect(expectError(above, 400, 'input.points-above-max').message).toBe('điểm 11 vượt điểm tối đa 10 của "1.2"');
      const decide = (baseVersion: number) =>
        t.call(appraiser, 'PUT', `/api/v1/assessments/${assessmentId}/appraisals/1.1`, { decision: 'accepted', baseVersion });
      expect((await decide(0)).statusCode).toBe(200);
      expectError(await decide(0), 409, 'http.stale-version');
      // In appraisal now, finalising is in order but not every indicator is decided.
      expectError(await act(chair, 'finalise'), 409, 'workflow.undecided-indicators');
    });

    it('refuses an action that does not exist, even one named like a property of every object', async () => {
      const { periodId, assessmentId } = await freshDraft();
      for (const action of ['approve', 'constructor', '__proto__', 'toString']) {
        const assessment = await t.call(chair, 'POST', `/api/v1/assessments/${assessmentId}/transitions`, { action });
        // The schema lists core's actions, so the refusal names the ones that exist.
        expect([action, expectError(assessment, 400, 'http.validation').message]).toEqual([
          action,
          `dữ liệu gửi lên không hợp lệ: trường "action" phải là một trong: ${ASSESSMENT_ACTIONS.join(', ')}`,
        ]);
        const period = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action });
        expect(expectError(period, 400, 'http.validation').message).toBe(
          `dữ liệu gửi lên không hợp lệ: trường "action" phải là một trong: ${PERIOD_ACTIONS.join(', ')}`,
        );
      }
    });

    it('does not publish a period nobody takes part in', async () => {
      const created = await t.call(manager, 'POST', '/api/v1/periods', {
        year: 2030,
        cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
        unitIds: [],
      });
      const periodId = created.json().id;
      for (const action of ['openSelfAssessment', 'startAppraisal']) {
        expect((await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action })).statusCode).toBe(200);
      }
      const publish = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' });
      expect(expectError(publish, 409, 'workflow.no-participants').message).toBe(
        'kỳ đánh giá không có đơn vị tham gia nào nên không có kết quả để công bố',
      );
    });

    it('asks every supplementation request for a real due day that has not passed, the first and the ones added to it', async () => {
      const { periodId, assessmentId } = await freshDraft();
      expect(
        (await t.call(leader, 'POST', `/api/v1/assessments/${assessmentId}/transitions`, { action: 'submit' })).statusCode,
      ).toBe(200);
      expect(
        (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).statusCode,
      ).toBe(200);
      const request = (code: string, dueOn?: string) =>
        t.call(appraiser, 'PUT', `/api/v1/assessments/${assessmentId}/appraisals/${code}`, {
          decision: 'supplementationRequested',
          comment: 'Bổ sung biên bản',
          ...(dueOn === undefined ? {} : { dueOn }),
          baseVersion: 0,
        });
      for (const code of ['1.1', '1.3']) {
        expectError(await request(code), 400, 'workflow.due-date-required');
        expect(expectError(await request(code, '2099-02-30'), 400, 'workflow.due-date-invalid').message).toBe(
          'hạn bổ sung "2099-02-30" không phải là ngày hợp lệ',
        );
        expect(expectError(await request(code, '2001-01-01'), 400, 'workflow.due-date-past').message).toBe(
          'hạn bổ sung 01/01/2001 đã qua; hãy chọn từ hôm nay trở đi',
        );
        // 1.1 opens the round; 1.3 is added to it while the unit answers.
        expect((await request(code, '2099-02-15')).statusCode).toBe(200);
      }
      const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
      expect(
        view.supplementationRequests.map((row: { indicatorCode: string; dueOn: string }) => [row.indicatorCode, row.dueOn]),
      ).toEqual(
        expect.arrayContaining([
          ['1.1', '2099-02-15'],
          ['1.3', '2099-02-15'],
        ]),
      );
    });
  });

  describe('references the database would have refused with a 500', () => {
    it('answers an unknown unit with 404', async () => {
      const user = await t.call(admin, 'POST', '/api/v1/users', {
        username: 'khong.don.vi',
        displayName: 'Không đơn vị',
        role: 'unitReporter',
        unitId: NO_SUCH_ID,
        password: 'Mat-khau-2024!',
      });
      expect(expectError(user, 404, 'http.not-found').message).toBe(`không tìm thấy đơn vị ${NO_SUCH_ID}`);
      // In English the thing is named in English too (regression: "đơn vị … not found").
      const english = await json(admin, 'PATCH', `/api/v1/units/${NO_SUCH_ID}`, { name: 'X' }, 'en');
      expect(expectError(english, 404, 'http.not-found').message).toBe(`unit ${NO_SUCH_ID} not found`);
      expectError(
        await t.call(admin, 'PATCH', `/api/v1/users/${reporter.userId}`, { unitId: NO_SUCH_ID }),
        404,
        'http.not-found',
      );
      expectError(
        await t.call(admin, 'POST', '/api/v1/units', {
          code: 'XA-MO-COI',
          name: 'Xã mồ côi',
          kind: 'commune',
          parentId: NO_SUCH_ID,
        }),
        404,
        'http.not-found',
      );
      expectError(await t.call(manager, 'PATCH', `/api/v1/units/${dbpUnitId}`, { parentId: NO_SUCH_ID }), 404, 'http.not-found');
      // Nothing was half done: the reporter still belongs to DBP and signs in as before.
      expect((await t.call(reporter, 'GET', '/api/v1/auth/me')).json().unitId).toBe(dbpUnitId);
    });

    it('refuses a day that does not exist', async () => {
      const period = await t.call(manager, 'POST', '/api/v1/periods', {
        year: 2030,
        cohorts: [{ unitKind: 'district', frameworkId: FRAMEWORK }],
        selfAssessmentDeadline: '2031-02-30',
      });
      expect(expectError(period, 400, 'http.validation').message).toBe(
        'dữ liệu gửi lên không hợp lệ: trường "selfAssessmentDeadline" phải là một ngày có thật, dạng yyyy-mm-dd',
      );
      const unit = await t.call(admin, 'POST', '/api/v1/units', {
        code: 'XA-NGAY',
        name: 'Xã',
        kind: 'commune',
        activeFrom: '2025-13-01',
      });
      expectError(unit, 400, 'http.validation');
    });

    it('refuses text with a NUL character, which the database cannot store, wherever it comes', async () => {
      const message = 'dữ liệu gửi lên không hợp lệ: văn bản chứa ký tự NUL (\\u0000), không lưu được';
      const signIn = await json(undefined, 'POST', '/api/v1/auth/login', { username: 'quan\u0000tri', password: 'x' });
      expect(expectError(signIn, 400, 'http.validation').message).toBe(message);
      const unit = await t.call(admin, 'POST', '/api/v1/units', { code: 'XA-NUL', name: 'Xã\u0000', kind: 'commune' });
      expect(expectError(unit, 400, 'http.validation').message).toBe(message);
      const query = await raw({ method: 'GET', url: '/api/v1/audit?action=%00', session: admin, language: 'en' });
      expect(expectError(query, 400, 'http.validation').message).toBe('invalid request: text contains a NUL character (\\u0000)');
      const answer = await json(reporter, 'PUT', `/api/v1/assessments/${draft}/answers/1.5`, {
        value: 'có',
        explanation: 'a\u0000b',
        baseVersion: 0,
      });
      expectError(answer, 400, 'http.validation');
      expect((await t.call(admin, 'GET', '/api/v1/units?search=XA-NUL')).json().total).toBe(0);
    });

    it('refuses a page number the database cannot offset by', async () => {
      expectError(await raw({ method: 'GET', url: '/api/v1/audit?page=1e300', session: admin }), 400, 'http.validation');
      expectError(await raw({ method: 'GET', url: '/api/v1/audit?page=0', session: admin }), 400, 'http.validation');
    });
  });
});
