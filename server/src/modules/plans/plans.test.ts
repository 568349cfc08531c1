import { draftPlan } from '@opendti/core';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods, resultSnapshots } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { scoresFromSnapshot } from '../results/snapshot-scores.js';

const FRAMEWORK = 'dienbien-2022-district';

describe.each(TEST_DATABASE_KINDS)('improvement plans on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let appraiser: Session;
  let published2022: string;
  let open2023: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    appraiser = await t.signIn('thamdinh');
    const rows = await t.database.db.select().from(periods);
    published2022 = rows.find((period) => period.year === 2022)?.id as string;
    open2023 = rows.find((period) => period.year === 2023)?.id as string;
  }, 120_000);
  afterAll(async () => t?.close());

  const auditOf = async (entityId: string) =>
    t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id));

  it('keeps the ownership table per framework: bulk replace, refused rows at their field, CSV import all or nothing', async () => {
    const url = `/api/v1/frameworks/${FRAMEWORK}/ownership`;
    const bad = await t.call(manager, 'PUT', url, {
      owners: [
        { indicator: '1.1', lead: 'DBP', coordinating: ['DBI'] },
        { indicator: '9.9', lead: 'KHONGCO', coordinating: [] },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path);
    expect(paths).toEqual(['owners[1].indicator', 'owners[1].lead']);
    expect((await t.call(manager, 'GET', url)).json()).toEqual([]);

    const saved = await t.call(manager, 'PUT', url, {
      owners: [
        { indicator: '1.2', lead: 'DBI', coordinating: [] },
        { indicator: '1.1', lead: 'DBP', coordinating: ['DBI'] },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().map((owner: { indicator: string }) => owner.indicator)).toEqual(['1.1', '1.2']);
    expect((await auditOf(FRAMEWORK))[0]?.action).toBe('plan.ownership.replace');

    const csv = await t.call(manager, 'POST', `${url}/import?lang=en`, {
      fileName: 'owners.csv',
      content: 'indicator,lead,coordinating\n1.1,DBP,DBI\n1.1,DBI,\n',
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.code).toBe('owners.duplicate-row');
    expect(csv.json().error.message).toContain('row 2');
    expect((await t.call(manager, 'GET', url)).json()).toHaveLength(2);
  });

  it('drafts a plan from the published 2022 districts, in core’s gain order, owners pre-filled; never from unpublished data', async () => {
    expect((await t.call(manager, 'POST', '/api/v1/plans/drafts', { periodId: open2023, unitKind: 'district' })).statusCode).toBe(
      404,
    );
    const response = await t.call(manager, 'POST', '/api/v1/plans/drafts', { periodId: published2022, unitKind: 'district' });
    expect(response.statusCode).toBe(201);
    const plan = response.json();
    expect(plan).toMatchObject({ year: 2023, status: 'draft', basis: [{ frameworkId: FRAMEWORK, source: published2022 }] });

    const [snapshot] = await t.database.db
      .select()
      .from(resultSnapshots)
      .where(and(eq(resultSnapshots.periodId, published2022), eq(resultSnapshots.unitKind, 'district')));
    const framework = await getCompiledFramework(t.database.db, FRAMEWORK);
    const expected = draftPlan(scoresFromSnapshot(framework, snapshot?.results as never, snapshot?.detail as never));
    expect(expected.tasks.length).toBeGreaterThan(0);
    expect(plan.tasks.map((task: { indicators: string[] }) => task.indicators[0])).toEqual(
      expected.tasks.map((task) => task.code),
    );
    expect(plan.targets.map((target: { code: string }) => target.code)).toEqual(expected.tasks.map((task) => task.code));
    const owned = plan.tasks.find((task: { indicators: string[] }) => task.indicators[0] === '1.1');
    if (owned) expect(owned).toMatchObject({ lead: 'DBP', coordinating: ['DBI'] });
    expect((await auditOf(plan.id))[0]?.action).toBe('plan.generate');
    // A drafted task is edited like any other: valid as written.
    const first = plan.tasks[0];
    const edited = await t.call(manager, 'PATCH', `/api/v1/plans/${plan.id}/tasks/${first.id}`, {
      version: first.version,
      product: 'Báo cáo kết quả',
    });
    expect(edited.statusCode).toBe(200);

    // One unit's draft: the what-if order of core.
    const unit = await t.call(manager, 'POST', '/api/v1/plans/drafts', {
      periodId: published2022,
      unitKind: 'district',
      unitCode: 'DBP',
    });
    expect(unit.statusCode).toBe(201);
    const unitDraft = draftPlan(scoresFromSnapshot(framework, snapshot?.results as never, snapshot?.detail as never), {
      unitCode: 'DBP',
    });
    expect(unit.json().tasks.map((task: { indicators: string[] }) => task.indicators[0])).toEqual(
      unitDraft.tasks.map((task) => task.code),
    );
    const stranger = await t.call(manager, 'POST', '/api/v1/plans/drafts', {
      periodId: published2022,
      unitKind: 'district',
      unitCode: 'XXX',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.problems?.[0]?.location.path ?? stranger.json().error.code).toBeTruthy();
  });

  it('edits tasks, refuses bad ones at their fields in both languages, issues, and lets only the lead unit start', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/plans', {
      year: 2023,
      date: '2023-03-01',
      title: 'Kế hoạch nâng cao chỉ số DTI năm 2023',
      basis: [{ frameworkId: FRAMEWORK, source: published2022 }],
    });
    expect(created.statusCode).toBe(201);
    const planId = created.json().id as string;
    const tasksUrl = `/api/v1/plans/${planId}/tasks`;
    const lead = await t.call(manager, 'POST', tasksUrl, {
      text: 'Ban hành kế hoạch chuyển đổi số của thành phố',
      indicators: ['1.1'],
      lead: 'DBP',
      coordinating: ['DBI'],
      startOn: null,
      dueOn: '2023-12-31',
    });
    expect(lead.statusCode).toBe(201);
    const other = await t.call(manager, 'POST', tasksUrl, {
      text: 'Cập nhật cổng thông tin',
      indicators: ['1.2'],
      lead: 'DBI',
      coordinating: ['DBP'],
      startOn: null,
      dueOn: '2023-12-31',
    });
    expect(other.statusCode).toBe(201);

    const bad = { text: ' ', indicators: ['9.9'], lead: 'KHONGCO', coordinating: [], startOn: null, dueOn: '2022-12-31' };
    const vi = await t.call(manager, 'POST', tasksUrl, bad);
    expect(vi.statusCode).toBe(400);
    const paths = vi.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path);
    expect(paths).toEqual(['text', 'indicators', 'lead', 'dueOn']);
    expect(vi.json().error.message).toContain('trước ngày ban hành kế hoạch');
    const en = await t.call(manager, 'POST', `${tasksUrl}?lang=en`, bad);
    expect(en.json().error.message).toContain('before the plan’s date');
    const duplicate = await t.call(manager, 'POST', tasksUrl, {
      text: 'Ban hành  kế hoạch chuyển đổi số của THÀNH PHỐ',
      indicators: ['1.1'],
      lead: 'DBP',
      coordinating: [],
      startOn: null,
      dueOn: '2023-12-31',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.code).toBe('plan.task-duplicate');

    const edit = await t.call(manager, 'PATCH', `${tasksUrl}/${lead.json().id}`, {
      version: 1,
      dueOn: '2023-11-15',
      product: 'Kế hoạch',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ dueOn: '2023-11-15', product: 'Kế hoạch', version: 2 });
    const stale = await t.call(manager, 'PATCH', `${tasksUrl}/${lead.json().id}`, { version: 1, text: 'x' });
    expect(stale.statusCode).toBe(409);
    const before = await t.call(manager, 'PATCH', `${tasksUrl}/${lead.json().id}`, { version: 2, startOn: '2023-12-01' });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.problems?.[0]?.location.path ?? before.json().error.code).toBeTruthy();

    // Not issued yet: the unit sees nothing and moves nothing.
    expect((await t.call(reporter, 'GET', '/api/v1/units/me/plan-tasks')).json()).toEqual([]);
    const early = await t.call(reporter, 'POST', `${tasksUrl}/${lead.json().id}/transitions`, { action: 'start' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan.not-issued');
    // …and a draft offers no task moves to anyone (the editor would otherwise show buttons the server refuses).
    const draftTasks = (await t.call(manager, 'GET', `/api/v1/plans/${planId}`)).json().tasks;
    expect(draftTasks.map((task: { allowedActions: string[] }) => task.allowedActions)).toEqual(draftTasks.map(() => []));

    const noNumber = await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().error.code).toBe('plan.missing-document-number');
    const targetsUrl = `/api/v1/plans/${planId}/targets`;
    const badTargets = await t.call(manager, 'PUT', targetsUrl, {
      version: 1,
      targets: [{ code: '9.9', level: 'indicator', baseline: null, target: 4, unit: 'points', dueOn: '2022-01-01' }],
    });
    expect(badTargets.statusCode).toBe(400);
    expect(badTargets.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path)).toEqual([
      'targets[0].code',
      'targets[0].dueOn',
    ]);
    const targets = await t.call(manager, 'PUT', targetsUrl, {
      version: 1,
      targets: [{ code: '1', level: 'mainIndex', baseline: 10, target: 20, unit: 'points', dueOn: '2023-12-31' }],
    });
    expect(targets.statusCode).toBe(200);
    expect(targets.json().targets).toMatchObject([{ code: '1', level: 'mainIndex', baseline: 10, target: 20 }]);
    // Replacing the targets made version 2: an edit based on version 1 is stale (409) and changes nothing.
    expect(targets.json().version).toBe(2);
    const staleTargets = await t.call(manager, 'PUT', targetsUrl, { version: 1, targets: [] });
    expect(staleTargets.statusCode).toBe(409);
    expect(staleTargets.json().error.code).toBe('http.stale-version');
    const stalePlan = await t.call(manager, 'PATCH', `/api/v1/plans/${planId}`, { version: 1, purpose: 'x' });
    expect(stalePlan.statusCode).toBe(409);
    expect(stalePlan.json().error.message).toContain('phiên bản 2');
    expect((await t.call(manager, 'PATCH', `/api/v1/plans/${planId}`, { purpose: 'x' })).statusCode).toBe(400);
    const late = await t.call(manager, 'PATCH', `/api/v1/plans/${planId}`, { version: 2, date: '2024-01-15' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.problems.map((problem: { location: { path: string } }) => problem.location.path)).toEqual([
      'tasks[0].dueOn',
      'tasks[1].dueOn',
    ]);
    expect(
      (await t.call(manager, 'PATCH', `/api/v1/plans/${planId}`, { version: 2, documentNumber: '187/KH-UBND' })).statusCode,
    ).toBe(200);
    const issued = await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', allowedActions: ['close'] });
    // The list counts each plan's tasks by displayed state: both were due in 2023, so both are overdue today.
    const listed = (await t.call(manager, 'GET', '/api/v1/plans')).json().find((plan: { id: string }) => plan.id === planId);
    expect(listed.taskCounts).toMatchObject({ total: 2, overdue: 2, done: 0, notStarted: 0 });

    const mine = (await t.call(reporter, 'GET', '/api/v1/units/me/plan-tasks')).json();
    expect(mine.map((task: { text: string; role: string }) => [task.text, task.role])).toEqual([
      ['Ban hành kế hoạch chuyển đổi số của thành phố', 'leadUnit'],
      ['Cập nhật cổng thông tin', 'coordinatingUnit'],
    ]);
    // Names as well as codes: a commune clerk does not know every unit's code.
    expect(mine[0].leadName).toBe('Thành phố Điện Biên Phủ');
    expect(mine[0].allowedActions).toEqual(['start', 'complete']);
    expect(mine[1].allowedActions).toEqual([]);

    // The coordinating unit may not move the task; an appraiser may not at all; the lead unit may.
    const coordinating = await t.call(reporter, 'POST', `${tasksUrl}/${other.json().id}/transitions`, { action: 'start' });
    expect(coordinating.statusCode).toBe(403);
    expect(coordinating.json().error.code).toBe('plan.task-party-not-allowed');
    expect((await t.call(appraiser, 'POST', `${tasksUrl}/${lead.json().id}/transitions`, { action: 'start' })).statusCode).toBe(
      403,
    );
    const started = await t.call(reporter, 'POST', `${tasksUrl}/${lead.json().id}/transitions`, { action: 'start' });
    expect(started.statusCode).toBe(200);
    expect(started.json().state).toBe('inProgress');
    const again = await t.call(reporter, 'POST', `${tasksUrl}/${lead.json().id}/transitions`, { action: 'start' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('workflow.transition-not-allowed');
    const noReason = await t.call(manager, 'POST', `${tasksUrl}/${other.json().id}/transitions`, { action: 'cancel' });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await t.call(manager, 'POST', `${tasksUrl}/${other.json().id}/transitions`, {
      action: 'cancel',
      reason: 'Đơn vị đã sáp nhập',
    });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelReason: 'Đơn vị đã sáp nhập' });

    const taskAudit = await auditOf(lead.json().id);
    expect(taskAudit.map((entry) => entry.action)).toEqual(['plan.task.start', 'plan.task.update', 'plan.task.create']);
    expect(taskAudit[0]).toMatchObject({ oldValue: { state: 'notStarted' }, newValue: { state: 'inProgress' } });
    expect((await auditOf(planId)).map((entry) => entry.action)).toEqual([
      'plan.issue',
      'plan.update',
      'plan.targets.replace',
      'plan.create',
    ]);

    // The public and other roles see nothing of plans.
    expect((await t.call(undefined, 'GET', `/api/v1/plans/${planId}`)).statusCode).toBe(401);
    expect((await t.call(reporter, 'GET', `/api/v1/plans/${planId}`)).statusCode).toBe(403);

    expect((await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'close' })).statusCode).toBe(200);
    const closed = await t.call(manager, 'POST', tasksUrl, {
      ...bad,
      text: 'x',
      indicators: [],
      lead: null,
      dueOn: '2023-12-31',
    });
    expect(closed.statusCode).toBe(409);
    expect((await t.call(reporter, 'GET', '/api/v1/units/me/plan-tasks')).json()).toEqual([]);
  });
});
