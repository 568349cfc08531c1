import { addDays, vietnamDay } from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, periods } from '../../db/schema/index.js';
import { createTestApp, type Session, type TestApp } from '../../test-support/test-app.js';
import { TEST_DATABASE_KINDS } from '../../test-support/test-databases.js';
import { sendPlanReminders } from './plan-reminders.js';

/** Noon in Vietnam on a calendar day, as the hourly job would run. */
const at = (day: string) => new Date(`${day}T05:00:00Z`);

/**
 * Improvement plans notify (issues 11 and 12): issuing tells each lead and coordinating unit what it
 * owes; the hourly job reminds of tasks due in 7 and 1 days, of overdue tasks (the managers once per
 * plan and due day), of a report round opening and of missing reports — each once, whatever the runs.
 */
describe.each(TEST_DATABASE_KINDS)('plan notifications on %s', (kind) => {
  let t: TestApp;
  let manager: Session;
  let dbp: Session;
  let planId = '';
  const today = vietnamDay(new Date());
  const round = addDays(today, 20);
  const taskDue = addDays(today, 10);

  const eventsOf = async (userId: string, event: string) =>
    t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.event, event)));

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.signIn('quanly');
    dbp = await t.signIn('nhaplieu.dbp');
    const published2022 = (await t.database.db.select().from(periods)).find((period) => period.year === 2022)?.id;
    const created = await t.call(manager, 'POST', '/api/v1/plans', {
      year: 2023,
      date: addDays(today, -30),
      title: 'Kế hoạch thử thông báo',
      documentNumber: '9/KH-UBND',
      reportingSchedule: [round],
      basis: [{ frameworkId: 'dienbien-2022-district', source: published2022 }],
    });
    planId = created.json().id;
    for (const [text, lead, coordinating] of [
      ['Nhiệm vụ một của thành phố', 'DBP', ['DBI']],
      ['Nhiệm vụ hai của thành phố', 'DBP', []],
      ['Nhiệm vụ của huyện, thành phố phối hợp', 'DBI', ['DBP']],
    ] as const) {
      const added = await t.call(manager, 'POST', `/api/v1/plans/${planId}/tasks`, {
        text,
        indicators: ['1.1'],
        lead,
        coordinating,
        startOn: null,
        dueOn: taskDue,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('tells each unit on issue how many tasks it leads and coordinates, once', async () => {
    expect(await eventsOf(dbp.userId, 'plan.tasksAssigned')).toHaveLength(0);
    const issued = await t.call(manager, 'POST', `/api/v1/plans/${planId}/transitions`, { action: 'issue' });
    expect(issued.statusCode).toBe(200);
    const [assigned, ...more] = await eventsOf(dbp.userId, 'plan.tasksAssigned');
    expect(more).toHaveLength(0);
    expect(assigned?.params).toMatchObject({ planTitle: 'Kế hoạch thử thông báo', leadCount: 2, coordinatingCount: 1 });
    expect(assigned?.link).toBe('/ke-hoach/nhiem-vu');
    const bell = await t.call(dbp, 'GET', '/api/v1/notifications');
    expect(JSON.stringify(bell.json())).toContain('chủ trì 2 nhiệm vụ và phối hợp 1 nhiệm vụ');
  });

  it('announces the open round today and reminds of tasks 7 and 1 days before their due date, each once', async () => {
    await sendPlanReminders(t.database.db, at(today));
    await sendPlanReminders(t.database.db, at(today));
    const opened = await eventsOf(dbp.userId, 'plan.reportRoundOpen');
    expect(opened.map((row) => row.params)).toEqual([expect.objectContaining({ dueOn: round, count: 2 })]);
    expect(await eventsOf(dbp.userId, 'plan.taskDueSoon')).toHaveLength(0);

    await sendPlanReminders(t.database.db, at(addDays(taskDue, -7)));
    await sendPlanReminders(t.database.db, at(addDays(taskDue, -7)));
    await sendPlanReminders(t.database.db, at(addDays(taskDue, -1)));
    const dueSoon = await eventsOf(dbp.userId, 'plan.taskDueSoon');
    expect(dueSoon.map((row) => row.params.daysLeft).sort()).toEqual([1, 1, 7, 7]);
  });

  it('marks overdue tasks for their lead unit and tells the managers once per plan and due day, counting every task (a lead unit without accounts too)', async () => {
    const dayAfter = addDays(taskDue, 1);
    await sendPlanReminders(t.database.db, at(dayAfter));
    await sendPlanReminders(t.database.db, at(dayAfter));
    expect(await eventsOf(dbp.userId, 'plan.taskOverdue')).toHaveLength(2);
    const summary = await eventsOf(manager.userId, 'plan.tasksOverdue');
    expect(summary.map((row) => row.params.count)).toEqual([3]);
    // Long after, nothing new: a task is announced overdue once.
    await sendPlanReminders(t.database.db, at(addDays(taskDue, 5)));
    expect(await eventsOf(dbp.userId, 'plan.taskOverdue')).toHaveLength(2);
    expect(await eventsOf(manager.userId, 'plan.tasksOverdue')).toHaveLength(1);
  });

  it('says a report is late the day after the round, to the unit and once to the managers; a report sent stops it', async () => {
    const tasks = (await t.call(manager, 'GET', `/api/v1/plans/${planId}`)).json().tasks as { id: string; lead: string }[];
    const [first] = tasks.filter((task) => task.lead === 'DBP');
    const report = await t.call(dbp, 'PUT', `/api/v1/plans/${planId}/tasks/${first?.id}/reports/${round}`, {
      text: 'Đang thực hiện',
      percent: 50,
      state: 'inProgress',
      links: [],
      evidenceIds: [],
    });
    expect(report.statusCode, report.body).toBe(200);
    await sendPlanReminders(t.database.db, at(addDays(round, 1)));
    await sendPlanReminders(t.database.db, at(addDays(round, 2)));
    const late = await eventsOf(dbp.userId, 'plan.reportLate');
    // DBP reported one of its two tasks: one still missing.
    expect(late.map((row) => row.params.count)).toEqual([1]);
    const managers = await eventsOf(manager.userId, 'plan.reportsLate');
    expect(managers.map((row) => row.params)).toEqual([expect.objectContaining({ dueOn: round, count: 2 })]);
    expect(managers[0]?.link).toBe(`/ke-hoach/${planId}/bao-cao`);
  });
});
