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

  it('lets the demo unit submit today: the open demo period’s deadline is in the future', async () => {
    const leader = await t.signIn('lanhdao.dbp');
    const submitted = await t.call(leader, 'POST', `/api/v1/assessments/${assessmentId}/transitions`, { action: 'submit' });
    expect([submitted.statusCode, submitted.json().state]).toEqual([200, 'submitted']);
  });
});
