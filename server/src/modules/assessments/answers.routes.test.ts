import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

describe.each(TEST_DATABASE_KINDS)('saving answers over HTTP on %s', (kind) => {
  let t: TestApp;
  let reporter: Session;
  let assessmentId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    reporter = await t.signIn('nhaplieu.dbp');
    const periods = (await t.call(reporter, 'GET', '/api/v1/periods')).json().items as { id: string; year: number }[];
    const open = periods.find((period) => period.year === 2023);
    assessmentId = (await t.call(reporter, 'GET', `/api/v1/periods/${open?.id}/assessments`)).json().items[0].id;
  });
  afterAll(async () => t?.close());

  it('stores an explicit null as empty, not as 0 points or "" (regression: the validator coerced null)', async () => {
    const first = await t.call(reporter, 'PUT', `/api/v1/assessments/${assessmentId}/answers/1.2`, {
      points: 5,
      explanation: 'Hai cuộc họp',
      baseVersion: 0,
    });
    expect([first.statusCode, first.json().selfPoints]).toEqual([200, 5]);
    const cleared = await t.call(reporter, 'PUT', `/api/v1/assessments/${assessmentId}/answers/1.2`, {
      value: null,
      points: null,
      explanation: null,
      baseVersion: 1,
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ value: null, selfPoints: null, explanation: null, version: 2 });
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
    expect(view.progress.find((main: { code: string }) => main.code === '1').answered).toBe(0);
  });

  const savesOf = async (code: string) =>
    (
      (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}/audit?pageSize=200`)).json().items as {
        action: string;
        indicatorCode: string | null;
        actorName: string | null;
        oldValue: unknown;
        newValue: unknown;
      }[]
    ).filter((entry) => entry.action === 'answer.saved' && entry.indicatorCode === code);

  it('an edit at its version is saved and audited with the old and new values; the same content again changes nothing', async () => {
    const url = `/api/v1/assessments/${assessmentId}/answers/1.3`;
    expect((await t.call(reporter, 'PUT', url, { value: 'có', explanation: 'Có kế hoạch', baseVersion: 0 })).statusCode).toBe(
      200,
    );
    const edited = await t.call(reporter, 'PUT', url, { value: 'không', explanation: 'Chưa ban hành', baseVersion: 1 });
    expect(edited.statusCode).toBe(200);
    const answer = edited.json();
    expect(answer).toMatchObject({ value: 'không', explanation: 'Chưa ban hành', version: 2, notAssessed: false, selfPoints: 0 });
    expect(answer.updatedBy).toBe(reporter.userId);
    expect(Math.abs(Date.parse(answer.updatedAt) - Date.now())).toBeLessThan(60_000);

    const audited = await savesOf('1.3');
    expect(audited).toHaveLength(2);
    expect(audited.map((entry) => [entry.oldValue, entry.newValue])).toContainEqual([
      { value: 'có', selfPoints: 5, notAssessed: false },
      { value: 'không', selfPoints: 0, notAssessed: false },
    ]);
    // The first answer has no old value.
    expect(audited.map((entry) => [entry.oldValue, entry.newValue])).toContainEqual([
      null,
      { value: 'có', selfPoints: 5, notAssessed: false },
    ]);
    expect(audited.every((entry) => entry.actorName)).toBe(true);

    // A retry of the landed edit, based on the version it produced: no new version, no new entry.
    const again = await t.call(reporter, 'PUT', url, { value: 'không', explanation: 'Chưa ban hành', baseVersion: 2 });
    expect([again.statusCode, again.json().version]).toEqual([200, 2]);
    expect(await savesOf('1.3')).toHaveLength(2);
  });

  it('of two edits based on the same version, one lands and the other gets 409; one audit entry', async () => {
    const url = `/api/v1/assessments/${assessmentId}/answers/1.4`;
    const firsts = await Promise.all([3, 4].map((points) => t.call(reporter, 'PUT', url, { points, baseVersion: 0 })));
    expect(firsts.map((first) => first.statusCode).sort()).toEqual([200, 409]);
    // Repeating the 4-point save is a retry (200) if it was the one that landed, else a conflict (409).
    expect((await t.call(reporter, 'PUT', url, { points: 4, baseVersion: 0 })).statusCode).toBe(firsts[1]?.statusCode);
    const outcomes = await Promise.all(
      ['Lần A', 'Lần B', 'Lần C'].map((explanation) => t.call(reporter, 'PUT', url, { points: 4, explanation, baseVersion: 1 })),
    );
    expect(outcomes.map((outcome) => outcome.statusCode).sort()).toEqual([200, 409, 409]);
    expect(outcomes.find((outcome) => outcome.statusCode === 409)?.json().error.code).toBe('http.stale-version');
    expect(await savesOf('1.4')).toHaveLength(2);
    expect(
      (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`))
        .json()
        .answers.find((answer: { indicatorCode: string }) => answer.indicatorCode === '1.4').version,
    ).toBe(2);
    const stale = await t.call(reporter, 'PUT', url, { points: 6, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
  });

  const putIn = (locale: 'vi' | 'en', code: string, body: unknown) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/assessments/${assessmentId}/answers/${code}`,
      headers: {
        cookie: reporter.cookie,
        'x-csrf-token': reporter.csrfToken,
        'content-type': 'application/json',
        'accept-language': locale,
      },
      payload: JSON.stringify(body),
    });

  it('refuses a bad answer with an input.* code and a message naming the indicator, in the reader’s language', async () => {
    const cases: [string, unknown, string, string, string][] = [
      [
        '1.2',
        { points: 11, baseVersion: 0 },
        'input.points-above-max',
        'điểm 11 vượt điểm tối đa 10 của "1.2"',
        'points 11 exceed the maximum 10 of "1.2"',
      ],
      [
        '1.1',
        { value: 'maybe', baseVersion: 0 },
        'input.bad-value',
        'giá trị "maybe" của "1.1" không hợp lệ (phương pháp yesNo), cần có/không (x, 1/0)',
        'value "maybe" of "1.1" does not fit method yesNo: expected yes/no (có/không, x, 1/0)',
      ],
      [
        '1.1',
        { notAssessed: true, baseVersion: 0 },
        'workflow.reason-required',
        'cần ghi rõ lý do để đánh dấu chỉ số 1.1 là "không đánh giá"',
        'a reason is required to mark indicator 1.1 as not assessed',
      ],
    ];
    for (const [code, body, problemCode, vi, en] of cases) {
      for (const [locale, message] of [
        ['vi', vi],
        ['en', en],
      ] as const) {
        const response = await putIn(locale, code, body);
        expect([response.statusCode, response.json()]).toEqual([400, { error: { code: problemCode, message } }]);
      }
    }
  });

  it('refuses a negative direct value instead of storing negative self points (regression: only typed points were checked)', async () => {
    const response = await putIn('en', '1.6', { value: '-3', baseVersion: 0 });
    expect([response.statusCode, response.json().error]).toEqual([
      400,
      { code: 'input.negative-points', message: 'points -3 of "1.6" are negative' },
    ]);
  });

  // Before: 120 of 100 was saved as 20 of 20 points; the web refuses it by the same rule (core's readAnswer).
  it('refuses a ratio whose numerator exceeds its denominator, and a negative share, in both languages', async () => {
    const cases: [unknown, string, string, string][] = [
      [
        { value: '120/100', baseVersion: 0 },
        'input.ratio-above-one',
        'tỷ lệ 120/100 của "3.1" vượt 100%: tử số a (120) không được lớn hơn mẫu số b (100)',
        'ratio 120/100 of "3.1" exceeds 100%: the numerator a (120) cannot be larger than the denominator b (100)',
      ],
      [
        { value: '-2/5', baseVersion: 0 },
        'input.negative-value',
        'giá trị -2/5 của "3.1" không được âm',
        'value -2/5 of "3.1" cannot be negative',
      ],
    ];
    for (const [body, problemCode, vi, en] of cases) {
      for (const [locale, message] of [
        ['vi', vi],
        ['en', en],
      ] as const) {
        const response = await putIn(locale, '3.1', body);
        expect([response.statusCode, response.json()]).toEqual([400, { error: { code: problemCode, message } }]);
      }
    }
    // A ratio at 100 % is full marks (5 points for this unit's indicator 3.1).
    const full = await putIn('en', '3.1', { value: '100/100', baseVersion: 0 });
    expect([full.statusCode, full.json().selfPoints]).toEqual([200, 5]);
  });

  it("returns the unit's self total and index with the assessment, scored by the engine over the stored answers", async () => {
    const view = (await t.call(reporter, 'GET', `/api/v1/assessments/${assessmentId}`)).json();
    const { points, maxPoints, value, cohortPending } = view.selfTotal;
    const answered = (view.answers as { selfPoints: number | null; notAssessed: boolean }[])
      .filter((answer) => !answer.notAssessed)
      .reduce((sum, answer) => sum + (answer.selfPoints ?? 0), 0);
    expect(points).toBeCloseTo(answered, 9);
    expect(maxPoints).toBe(view.framework.maxPoints);
    expect(value).toBeCloseTo(answered / view.framework.maxPoints, 9);
    expect(cohortPending).toBe(0);
  });

  it('lets the demo unit submit today: the open demo period’s deadline is in the future', async () => {
    const leader = await t.signIn('lanhdao.dbp');
    const submitted = await t.call(leader, 'POST', `/api/v1/assessments/${assessmentId}/transitions`, { action: 'submit' });
    expect([submitted.statusCode, submitted.json().state]).toEqual([200, 'submitted']);
  });
});
