import { addDays, reportingRounds, reportStatus, vietnamDay } from '@opendti/core';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { planProgressReports, plans, planTasks, units } from '../../db/schema/index.js';
import { type NotificationDraft, notify, periodManagers, unitMembers } from './notify.js';

/**
 * The improvement plans' reminders (issues 11 and 12), run with the deadline reminders each hour
 * from 07:00 to 20:00 Vietnam time, for issued plans only:
 *
 * - a task due in 7 days and in 1 day → its lead unit (`plan.taskDueSoon`);
 * - a task past its due date, not done → its lead unit (`plan.taskOverdue`), and the managers one
 *   notification per plan and due day for the tasks that went overdue together (`plan.tasksOverdue`);
 * - a reporting round that has opened and is not due yet → each lead unit owing reports in it
 *   (`plan.reportRoundOpen`);
 * - a round past due with reports missing → each such lead unit (`plan.reportLate`), and the managers
 *   one per plan and round (`plan.reportsLate`).
 *
 * Every key names the task or round and the day it is about, so later runs, retries and a second
 * process notify nobody twice. Things that fell due more than `CATCH_UP_DAYS` ago are not announced:
 * a server down for a while still catches up, but a plan entered long after its dates (as the demo's)
 * does not flood anyone. A task owes reports while it is neither cancelled nor done. Returns how many
 * notifications were written.
 */
export const TASK_REMINDER_DAYS: readonly number[] = [7, 1];
export const CATCH_UP_DAYS = 14;

export async function sendPlanReminders(db: Database, now: Date): Promise<number> {
  const today = vietnamDay(now);
  const issued = await db.select().from(plans).where(eq(plans.status, 'issued'));
  if (issued.length === 0) return 0;
  const tasks = await db
    .select()
    .from(planTasks)
    .where(
      inArray(
        planTasks.planId,
        issued.map((plan) => plan.id),
      ),
    );
  const names = new Map((await db.select({ id: units.id, name: units.name }).from(units)).map((unit) => [unit.id, unit.name]));
  const oldest = addDays(today, -CATCH_UP_DAYS);
  let written = 0;
  for (const plan of issued) {
    const open = tasks.filter(
      (task) => task.planId === plan.id && task.leadUnitId !== null && task.state !== 'done' && task.state !== 'cancelled',
    );
    if (open.length === 0) continue;
    const leads = [...new Set(open.map((task) => task.leadUnitId as string))];
    const reports = await db
      .select({ taskId: planProgressReports.taskId, roundDueOn: planProgressReports.roundDueOn })
      .from(planProgressReports)
      .where(eq(planProgressReports.planId, plan.id));
    written += await db.transaction(async (tx) => {
      const members = await unitMembers(tx, leads);
      const drafts: NotificationDraft[] = [];
      const base = (unitId: string) => ({ planTitle: plan.title, unitName: names.get(unitId) ?? '' });
      const overdueByDueDay = new Map<string, number>();

      for (const task of open) {
        const unitId = task.leadUnitId as string;
        const about = { ...base(unitId), taskPosition: task.position, taskText: task.text, dueOn: task.dueOn };
        const daysLeft = TASK_REMINDER_DAYS.find((days) => addDays(today, days) === task.dueOn);
        if (daysLeft !== undefined) {
          drafts.push({
            event: 'plan.taskDueSoon',
            key: `plan.taskDueSoon:${task.id}:${task.dueOn}:${daysLeft}`,
            recipients: members.get(unitId) ?? [],
            params: { ...about, daysLeft },
            link: '/ke-hoach/nhiem-vu',
          });
        }
        if (task.dueOn < today && task.dueOn >= oldest) {
          drafts.push({
            event: 'plan.taskOverdue',
            key: `plan.taskOverdue:${task.id}:${task.dueOn}`,
            recipients: members.get(unitId) ?? [],
            params: about,
            link: '/ke-hoach/nhiem-vu',
          });
          overdueByDueDay.set(task.dueOn, (overdueByDueDay.get(task.dueOn) ?? 0) + 1);
        }
      }

      const managers = await periodManagers(tx);
      for (const [dueOn, count] of overdueByDueDay) {
        drafts.push({
          event: 'plan.tasksOverdue',
          key: `plan.tasksOverdue:${plan.id}:${dueOn}`,
          recipients: managers,
          params: { planTitle: plan.title, dueOn, count },
          link: `/ke-hoach/${plan.id}/tong-quan`,
        });
      }

      for (const round of reportingRounds(plan)) {
        const reported = new Set(reports.filter((report) => report.roundDueOn === round.dueOn).map((report) => report.taskId));
        const owing = new Map<string, number>();
        for (const task of open) {
          if (task.startOn !== null && task.startOn > round.dueOn) continue;
          if (reported.has(task.id)) continue;
          owing.set(task.leadUnitId as string, (owing.get(task.leadUnitId as string) ?? 0) + 1);
        }
        if (owing.size === 0) continue;
        const status = reportStatus(round, null, today);
        if (status === 'pending' && round.opensOn <= today) {
          for (const [unitId, count] of owing) {
            drafts.push({
              event: 'plan.reportRoundOpen',
              key: `plan.reportRoundOpen:${plan.id}:${round.dueOn}:${unitId}`,
              recipients: members.get(unitId) ?? [],
              params: { ...base(unitId), dueOn: round.dueOn, count },
              link: '/ke-hoach/nhiem-vu',
            });
          }
        }
        if (status === 'missing' && round.dueOn >= oldest) {
          for (const [unitId, count] of owing) {
            drafts.push({
              event: 'plan.reportLate',
              key: `plan.reportLate:${plan.id}:${round.dueOn}:${unitId}`,
              recipients: members.get(unitId) ?? [],
              params: { ...base(unitId), dueOn: round.dueOn, count },
              link: '/ke-hoach/nhiem-vu',
            });
          }
          drafts.push({
            event: 'plan.reportsLate',
            key: `plan.reportsLate:${plan.id}:${round.dueOn}`,
            recipients: managers,
            params: { planTitle: plan.title, dueOn: round.dueOn, count: owing.size },
            link: `/ke-hoach/${plan.id}/bao-cao`,
          });
        }
      }
      return notify(tx, drafts);
    });
  }
  return written;
}
