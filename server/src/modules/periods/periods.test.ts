import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers } from '../../db/schema/index.js';
import { TEST_PUBLICATION_DECISION } from '../../test-support/publication-decision.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { forgetCompiledFramework } from '../frameworks/frameworks.service.js';

describe.each(TEST_DATABASE_KINDS)('periods on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
  }, 120_000);
  afterAll(async () => t?.close());

  it('defaults the schedule of seed 001 and takes every unit of the cohort active that year', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      cohorts: [{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      year: 2024,
      state: 'draft',
      name: 'Đánh giá chỉ số chuyển đổi số năm 2024',
      selfAssessmentDeadline: '2025-01-30',
      publicationDue: '2025-03-31',
    });
    const period = (await t.call(manager, 'GET', `/api/v1/periods/${created.json().id}`)).json();
    expect(period.units).toHaveLength(18);
    expect(period.cohorts).toEqual([{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }]);
  });

  it('leaves out units no longer active: the districts ended on 30 June 2025', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2026,
      cohorts: [{ unitKind: 'district', frameworkId: 'dienbien-2022-district' }],
    });
    expect((await t.call(manager, 'GET', `/api/v1/periods/${created.json().id}`)).json().units).toEqual([]);
  });

  it('refuses an unknown framework and a cohort declared twice', async () => {
    const unknown = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      cohorts: [{ unitKind: 'department', frameworkId: 'nope' }],
    });
    expect(unknown.statusCode).toBe(404);
    const twice = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      cohorts: [
        { unitKind: 'department', frameworkId: 'dienbien-2022-department' },
        { unitKind: 'department', frameworkId: 'dienbien-2022-district' },
      ],
    });
    expect(twice.statusCode).toBe(400);
  });

  /** One answer written straight to the database, as if the unit's reporter had saved it. */
  const answerOne = async (assessmentId: string) =>
    t.database.db.insert(answers).values({ assessmentId, indicatorCode: '1.1', value: 'có', selfPoints: 1 });
  const assessmentsOf = async (periodId: string) =>
    (await t.call(manager, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items as { id: string }[];

  it('closing the self-assessment submits what a silent unit entered (flagged, audited); a unit with no data waits for the manager', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ có đơn vị không nộp',
      cohorts: [{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }],
    });
    const periodId = created.json().id;
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' })).json().state,
    ).toBe('selfAssessment');
    const before = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json();
    expect(before.assessmentStates).toEqual({ draft: 18 });
    const [silent] = await assessmentsOf(periodId);
    await answerOne(silent?.id as string);
    expect(
      (await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' })).json().state,
    ).toBe('appraisal');
    const after = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json();
    // The unit that entered something is submitted by the system; the 17 with nothing stay drafts.
    expect(after.assessmentStates).toEqual({ submitted: 1, draft: 17 });
    // What the manager may do now, from core: publishing waits for a decision on each unit with no data.
    expect(after.allowedActions).toEqual([]);
    expect(after.deniedActions.find((denied: { action: string }) => denied.action === 'publish')).toEqual({
      action: 'publish',
      reason: 'no-data-undecided',
      message:
        'Chưa công bố được: còn 17 đơn vị không có dữ liệu tự đánh giá; hãy quyết định từng đơn vị (không tham gia hoặc tính 0 điểm) trên bảng theo dõi đơn vị',
    });
    const english = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}?lang=en`)).json();
    expect(english.deniedActions.find((denied: { action: string }) => denied.action === 'publish').message).toBe(
      'Cannot publish yet: 17 units entered no self-assessment data; decide each one (not participating, or scored as zero) on the unit status board',
    );
    const admin = await t.signIn('quantri');
    const audit = (await t.call(admin, 'GET', `/api/v1/audit?periodId=${periodId}&action=assessment.submittedAtClose`)).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].reason).toBe('Hết thời hạn tự đánh giá: hệ thống nộp phần đã nhập');
  });

  it('publishes in a process that has not compiled the framework yet (regression: PGlite waited forever)', async () => {
    const units = (await t.call(manager, 'GET', '/api/v1/units?search=so%20noi%20vu')).json().items as { id: string }[];
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2024,
      name: 'Kỳ một đơn vị',
      cohorts: [{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }],
      unitIds: units.map((unit) => unit.id),
      rebuttalEnabled: false,
    });
    const periodId = created.json().id;
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'openSelfAssessment' });
    await answerOne(((await assessmentsOf(periodId))[0] as { id: string }).id);
    await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'startAppraisal' });
    const chair = await t.signIn('chutich');
    const [assessment] = (await t.call(chair, 'GET', `/api/v1/periods/${periodId}/assessments`)).json().items;
    await t.call(chair, 'POST', `/api/v1/assessments/${assessment.id}/appraisals/accept-remaining`, {});
    expect(
      (await t.call(chair, 'POST', `/api/v1/assessments/${assessment.id}/transitions`, { action: 'finalise' })).statusCode,
    ).toBe(200);
    expect((await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json().allowedActions).toEqual(['publish']);
    forgetCompiledFramework('dienbien-2022-department'); // as after a restart
    const published = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, {
      action: 'publish',
      decision: TEST_PUBLICATION_DECISION,
    });
    expect([published.statusCode, published.json().state]).toEqual([200, 'published']);
    // Archiving and reopening are the administrator's: the manager sees them closed, with why.
    const afterwards = (await t.call(manager, 'GET', `/api/v1/periods/${periodId}`)).json();
    expect(afterwards.allowedActions).toEqual([]);
    expect(
      afterwards.deniedActions
        .filter((denied: { reason: string }) => denied.reason !== 'wrong-state')
        .map((denied: { action: string; reason: string }) => [denied.action, denied.reason]),
    ).toEqual([
      ['archive', 'role-not-allowed'],
      ['reopenPeriod', 'role-not-allowed'],
    ]);
    const admin = await t.signIn('quantri');
    expect((await t.call(admin, 'GET', `/api/v1/periods/${periodId}`)).json().allowedActions).toEqual([
      'archive',
      'reopenPeriod',
    ]);
  });

  it('keeps the period workflow in order: no publication from self-assessment, reasons where required', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/periods', {
      year: 2025,
      cohorts: [{ unitKind: 'department', frameworkId: 'dienbien-2022-department' }],
    });
    const periodId = created.json().id;
    const early = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'publish' });
    expect(early.statusCode).toBe(409);
    const unknown = await t.call(manager, 'POST', `/api/v1/periods/${periodId}/transitions`, { action: 'explode' });
    expect(unknown.statusCode).toBe(400);
  });
});
