import { reminderDue } from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { assessments, periods, units } from '../../db/schema/index.js';
import { type NotificationDraft, notify, unitMembers } from './notify.js';

/**
 * Deadline reminders (issue 12): each hour from 07:00 to 20:00 Vietnam time. A reminder's key names
 * the period, the deadline and the day count, so the runs after the first, a retry, or a second
 * process notify nobody twice; a server that was down at 07:00 still reminds that day.
 */
export const REMINDER_QUEUE = 'deadline-reminders';
export const REMINDER_SCHEDULE = '0 7-20 * * *';

/**
 * Reminds the units of every period open for self-assessment that have not submitted (still a
 * draft, taking part), when today is one of the period's reminder days before the unit's deadline
 * (its extension, if it has one). Returns how many notifications were written.
 */
export async function sendDeadlineReminders(db: Database, now: Date): Promise<number> {
  const open = await db.select().from(periods).where(eq(periods.state, 'selfAssessment'));
  let written = 0;
  for (const period of open) {
    if (period.reminderDays.length === 0) continue;
    const waiting = await db
      .select({
        assessmentId: assessments.id,
        unitId: units.id,
        unitName: units.name,
        deadlineExtendedTo: assessments.deadlineExtendedTo,
      })
      .from(assessments)
      .innerJoin(units, eq(units.id, assessments.unitId))
      .where(
        and(eq(assessments.periodId, period.id), eq(assessments.state, 'draft'), eq(assessments.participation, 'participating')),
      );
    const due = waiting.flatMap((unit) => {
      const deadline = unit.deadlineExtendedTo ?? period.selfAssessmentDeadline;
      const daysLeft = reminderDue(deadline, period.reminderDays, now);
      return daysLeft === undefined ? [] : [{ ...unit, deadline, daysLeft }];
    });
    if (due.length === 0) continue;
    written += await db.transaction(async (tx) => {
      const members = await unitMembers(
        tx,
        due.map((unit) => unit.unitId),
      );
      return notify(
        tx,
        due.map(
          (unit): NotificationDraft => ({
            event: 'deadline.approaching',
            key: `deadline.approaching:${period.id}:${unit.deadline}:${unit.daysLeft}`,
            recipients: members.get(unit.unitId) ?? [],
            params: { periodName: period.name, unitName: unit.unitName, deadline: unit.deadline, daysLeft: unit.daysLeft },
            link: `/don-vi/${unit.assessmentId}`,
          }),
        ),
      );
    });
  }
  return written;
}
