import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, periods, resultSnapshots } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';

type Detail = Record<string, Record<string, { points: number | null; selfPoints: number | null; notAssessed: boolean }>>;
interface Target {
  code: string;
  level: string;
  baseline: number | null;
  target: number;
  current: number | null;
  met: boolean | null;
}
interface Task {
  id: string;
  indicators: string[];
  version: number;
}

/**
 * The test's own calculation of a cohort's standing on an indicator, straight from a published
 * snapshot's stored points (not through the scoring engine): the mean official points over the
 * units assessed on it.
 */
function meanPoints(detail: Detail, unitCodes: readonly string[], code: string): number | null {
  const points = unitCodes.flatMap((unit) => {
    const entry = detail[unit]?.[code];
    return entry && !entry.notAssessed ? [entry.points ?? 0] : [];
  });
  return points.length === 0 ? null : points.reduce((sum, value) => sum + value, 0) / points.length;
}

describe.each(TEST_DATABASE_KINDS)('plan dashboard and public summary on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let reporter: Session;
  let published2022: string;
  let open2023: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    reporter = await t.signIn('nhaplieu.dbp');
    const rows = await t.database.db.select().from(periods);
    published2022 = rows.find((period) => period.year === 2022)?.id as string;
    open2023 = rows.find((period) => period.year === 2023)?.id as string;
  }, 120_000);
  afterAll(async () => t?.close());

  const snapshotOf = async (periodId: string) => {
    const [snapshot] = await t.database.db
      .select()
      .from(resultSnapshots)
      .where(and(eq(resultSnapshots.periodId, periodId), eq(resultSnapshots.unitKind, 'district')));
    if (!snapshot) throw new Error('no snapshot');
    return snapshot;
  };

  it('counts tasks per main index and lead unit, and judges the targets against the next published period', async () => {
    const drafted = await t.call(manager, 'POST', '/api/v1/plans/drafts', { periodId: published2022, unitKind: 'district' });
    const plan = drafted.json();
    const tasks = plan.tasks as Task[];
    const targets = plan.targets as Target[];
    expect(tasks.length).toBeGreaterThan(3);
    const nextYear = new Date().getUTCFullYear() + 1;
    const [first, second] = tasks as [Task, Task];
    expect(
      (
        await t.call(manager, 'PATCH', `/api/v1/plans/${plan.id}/tasks/${first.id}`, {
          version: first.version,
          lead: 'DBP',
          dueOn: `${nextYear}-12-31`,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.call(manager, 'PATCH', `/api/v1/plans/${plan.id}`, { version: 1, documentNumber: '25/KH-UBND' })).statusCode,
    ).toBe(200);
    // A draft's summary is not published (409), whatever the version.
    const early = await t.call(manager, 'PUT', `/api/v1/plans/${plan.id}/publication`, {
      published: true,
      summary: 'x',
      version: 2,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('plan.publish-not-issued');
    expect((await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/transitions`, { action: 'issue' })).statusCode).toBe(200);
    expect(
      (await t.call(reporter, 'POST', `/api/v1/plans/${plan.id}/tasks/${first.id}/transitions`, { action: 'start' })).statusCode,
    ).toBe(200);
    expect(
      (
        await t.call(manager, 'POST', `/api/v1/plans/${plan.id}/tasks/${second.id}/transitions`, {
          action: 'cancel',
          reason: 'Gộp vào nhiệm vụ khác',
        })
      ).statusCode,
    ).toBe(200);

    const url = `/api/v1/plans/${plan.id}/dashboard`;
    expect((await t.call(reporter, 'GET', url)).statusCode).toBe(403);
    const before = await t.call(manager, 'GET', url);
    expect(before.statusCode).toBe(200);
    const dashboard = before.json();
    // The tasks not moved were due on 31/12/2023: overdue today.
    expect(dashboard.totals).toEqual({ notStarted: 0, inProgress: 1, done: 0, overdue: tasks.length - 2, cancelled: 1 });
    // Per main index, by the test's own grouping (main index = the indicator code's first part).
    const expectedMain = new Map<string, number>();
    for (const task of tasks) {
      for (const main of new Set(task.indicators.map((code) => code.split('.')[0] as string))) {
        expectedMain.set(main, (expectedMain.get(main) ?? 0) + 1);
      }
    }
    const sum = (row: Record<string, unknown>) =>
      ['notStarted', 'inProgress', 'done', 'overdue', 'cancelled'].reduce((total, key) => total + Number(row[key]), 0);
    expect(
      Object.fromEntries(
        dashboard.tasksByMainIndex.map((row: { code: string } & Record<string, unknown>) => [row.code, sum(row)]),
      ),
    ).toEqual(Object.fromEntries(expectedMain));
    expect(dashboard.tasksByMainIndex.every((row: { name: string }) => row.name.length > 0)).toBe(true);
    expect(dashboard.tasksByLeadUnit).toEqual([
      { unitCode: 'DBP', unitName: 'Thành phố Điện Biên Phủ', notStarted: 0, inProgress: 1, done: 0, overdue: 0, cancelled: 0 },
      {
        unitCode: null,
        unitName: 'Chưa phân công',
        notStarted: 0,
        inProgress: 0,
        done: 0,
        overdue: tasks.length - 2,
        cancelled: 1,
      },
    ]);
    // No later period is published: no current value, nothing met or missed yet.
    expect(dashboard.comparison).toBeNull();
    expect(dashboard.targets.map((target: Target) => [target.code, target.current, target.met])).toEqual(
      targets.map((target) => [target.code, null, null]),
    );

    // The 2023 districts: the first target's indicator reaches full marks everywhere, the rest as in 2022.
    const base = await snapshotOf(published2022);
    const unitCodes = base.results.units.map((unit) => unit.code);
    const [improved, unchanged] = targets as [Target, Target];
    const detail: Detail = structuredClone(base.detail);
    for (const unit of unitCodes) {
      const entry = detail[unit]?.[improved.code];
      if (entry && !entry.notAssessed) entry.points = improved.target;
    }
    // The test's calculation gives back the baselines the draft wrote from 2022.
    for (const target of targets)
      expect(meanPoints(base.detail, unitCodes, target.code)).toBeCloseTo(target.baseline as number, 6);

    await t.database.db.insert(resultSnapshots).values({ ...base, periodId: open2023, detail, etag: '"thu-2023"' });
    // Stored but not published: still no comparison.
    expect((await t.call(manager, 'GET', url)).json().comparison).toBeNull();
    await t.database.db.update(periods).set({ state: 'published', publishedAt: new Date() }).where(eq(periods.id, open2023));

    const after = (await t.call(manager, 'GET', url)).json();
    expect(after.comparison).toMatchObject({ periodId: open2023, year: 2023 });
    for (const target of after.targets as Target[]) {
      const expected = meanPoints(detail, unitCodes, target.code);
      expect(target.current).toBeCloseTo(expected as number, 6);
      expect(target.met).toBe((expected as number) >= target.target - 1e-9);
    }
    const byCode = new Map((after.targets as Target[]).map((target) => [target.code, target]));
    expect(byCode.get(improved.code)).toMatchObject({ current: improved.target, met: true });
    expect(byCode.get(unchanged.code)).toMatchObject({ current: unchanged.baseline, met: false });

    // The public summary: published by the manager on the current version, then visible to anyone.
    const current = (await t.call(manager, 'GET', `/api/v1/plans/${plan.id}`)).json();
    const stale = await t.call(manager, 'PUT', `/api/v1/plans/${plan.id}/publication`, {
      published: true,
      summary: 'x',
      version: current.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const summary = 'Kế hoạch nâng cao chỉ số chuyển đổi số năm 2023: các nhiệm vụ trọng tâm và chỉ tiêu.';
    const published = await t.call(manager, 'PUT', `/api/v1/plans/${plan.id}/publication`, {
      published: true,
      summary,
      version: current.version,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ publicSummary: summary, version: current.version + 1 });
    expect(published.json().publishedAt).toEqual(expect.any(String));
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, plan.id)).orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ action: 'plan.publish', newValue: { published: true, summary } });

    const list = await t.call(undefined, 'GET', '/api/v1/public/plans');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: plan.id,
        documentNumber: '25/KH-UBND',
        summary,
        status: 'issued',
        taskCounts: { total: tasks.length, notStarted: 0, inProgress: 1, done: 0, overdue: tasks.length - 2, cancelled: 1 },
        targetCounts: {
          total: targets.length,
          met: after.targets.filter((target: Target) => target.met).length,
          missed: after.targets.filter((target: Target) => target.met === false).length,
        },
      }),
    ]);
    const detailResponse = await t.call(undefined, 'GET', `/api/v1/public/plans/${plan.id}`);
    expect(detailResponse.statusCode).toBe(200);
    const shown = detailResponse.json();
    expect(shown.targets).toEqual(after.targets);
    expect(shown.comparison).toEqual(after.comparison);
    // Nothing of the tasks themselves, their units or their reports.
    expect(Object.keys(shown).sort()).toEqual(
      [
        'comparison',
        'date',
        'documentNumber',
        'id',
        'publishedAt',
        'status',
        'summary',
        'targetCounts',
        'targets',
        'taskCounts',
        'title',
        'year',
      ].sort(),
    );
    expect(detailResponse.body).not.toContain('Gộp vào nhiệm vụ khác');
    expect(detailResponse.body).not.toContain('DBP');

    // Withdrawn: gone from the public, as if it never existed.
    const withdrawn = await t.call(manager, 'PUT', `/api/v1/plans/${plan.id}/publication`, {
      published: false,
      summary,
      version: current.version + 1,
    });
    expect(withdrawn.json()).toMatchObject({ publishedAt: null, publicSummary: summary });
    expect((await t.call(undefined, 'GET', '/api/v1/public/plans')).json().items).toEqual([]);
    expect((await t.call(undefined, 'GET', `/api/v1/public/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('never shows an unpublished or draft plan to the public', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/plans', { year: 2024, date: '2024-01-15', title: 'Kế hoạch nội bộ' });
    const id = created.json().id as string;
    expect((await t.call(undefined, 'GET', `/api/v1/public/plans/${id}`)).statusCode).toBe(404);
    expect(
      (await t.call(undefined, 'GET', '/api/v1/public/plans')).json().items.map((item: { id: string }) => item.id),
    ).not.toContain(id);
    // Its summary may be written in advance, unpublished.
    const saved = await t.call(manager, 'PUT', `/api/v1/plans/${id}/publication`, {
      published: false,
      summary: 'Nháp',
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect((await t.call(undefined, 'GET', `/api/v1/public/plans/${id}`)).statusCode).toBe(404);
    const dashboard = (await t.call(manager, 'GET', `/api/v1/plans/${id}/dashboard`)).json();
    expect(dashboard).toMatchObject({ tasksByMainIndex: [], tasksByLeadUnit: [], targets: [], comparison: null });
  });

  it('has no comparison for a plan whose basis names no period (a file), and no error either', async () => {
    const created = await t.call(manager, 'POST', '/api/v1/plans', {
      year: 2023,
      date: '2023-02-01',
      title: 'Kế hoạch từ tệp kết quả',
      basis: [{ frameworkId: 'dienbien-2022-district', source: 'ket-qua-2022.xlsx' }],
    });
    const id = created.json().id as string;
    const task = await t.call(manager, 'POST', `/api/v1/plans/${id}/tasks`, {
      text: 'Rà soát chỉ số 1.1',
      indicators: ['1.1', '2.1'],
      lead: 'DBI',
      coordinating: [],
      startOn: null,
      dueOn: '2023-12-31',
    });
    expect(task.statusCode).toBe(201);
    const response = await t.call(manager, 'GET', `/api/v1/plans/${id}/dashboard`);
    expect(response.statusCode).toBe(200);
    expect(response.json().comparison).toBeNull();
    // A task serving indicators of two main indices counts under each.
    expect(response.json().tasksByMainIndex.map((row: { code: string; overdue: number }) => [row.code, row.overdue])).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
  });
});
