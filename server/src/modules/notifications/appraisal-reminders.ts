import { addDays, vietnamDay } from '@opendti/core';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { appraisals, assessments, periods, supplementationRequests, units } from '../../db/schema/index.js';
import { type NotificationDraft, notify, unitMembers } from './notify.js';
import { CATCH_UP_DAYS } from './plan-reminders.js';

/** Days before the end of a rebuttal window that the unit is reminded (the last day included). */
export const REBUTTAL_CLOSING_DAYS: readonly number[] = [1];

/**
 * The council's time-based events (issue 12), run with the deadline reminders each hour 07–20:
 *
 * - a supplementation request still open after its due day → the unit's reporters and leader, and the
 *   appraiser who asked (`supplementation.overdue`), once per request;
 * - a rebuttal window (`rebuttalOpen`, at least one adjusted indicator) ending tomorrow → the unit
 *   (`rebuttal.windowClosing`), once per round and day count.
 *
 * Keys name the request or the round, so later runs, retries and a second process notify nobody
 * twice; what fell due more than CATCH_UP_DAYS ago is not announced. Returns how many were written.
 */
export async function sendAppraisalReminders(db: Database, now: Date): Promise<number> {
  const today = vietnamDay(now);
  const overdue = await db
    .select({
      requestId: supplementationRequests.id,
      indicatorCode: supplementationRequests.indicatorCode,
      dueOn: supplementationRequests.dueOn,
      requestedBy: supplementationRequests.requestedBy,
      assessmentId: assessments.id,
      unitId: units.id,
      unitName: units.name,
      periodName: periods.name,
    })
    .from(supplementationRequests)
    .innerJoin(assessments, eq(assessments.id, supplementationRequests.assessmentId))
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(
      and(
        eq(supplementationRequests.status, 'open'),
        lt(supplementationRequests.dueOn, today),
        gte(supplementationRequests.dueOn, addDays(today, -CATCH_UP_DAYS)),
      ),
    );
  const closingDays = REBUTTAL_CLOSING_DAYS.map((days) => addDays(today, days));
  const closing = await db
    .select({
      assessmentId: assessments.id,
      unitId: units.id,
      unitName: units.name,
      periodName: periods.name,
      dueOn: assessments.rebuttalDueOn,
      roundSentAt: assessments.resultsSentAt,
      adjusted: sql<number>`(select count(*)::int from ${appraisals} where ${appraisals.assessmentId} = ${assessments.id} and ${appraisals.decision} = 'adjusted')`,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .innerJoin(periods, eq(periods.id, assessments.periodId))
    .where(and(eq(assessments.state, 'rebuttalOpen'), inArray(assessments.rebuttalDueOn, closingDays)));
  if (overdue.length === 0 && closing.length === 0) return 0;
  return db.transaction(async (tx) => {
    const members = await unitMembers(tx, [...new Set([...overdue, ...closing].map((row) => row.unitId))]);
    const drafts: NotificationDraft[] = [];
    for (const request of overdue) {
      const params = {
        periodName: request.periodName,
        unitName: request.unitName,
        indicatorCode: request.indicatorCode,
        dueOn: request.dueOn,
      };
      const key = `supplementation.overdue:${request.requestId}`;
      drafts.push({
        event: 'supplementation.overdue',
        key,
        recipients: members.get(request.unitId) ?? [],
        params,
        link: `/don-vi/${request.assessmentId}`,
      });
      if (request.requestedBy)
        drafts.push({
          event: 'supplementation.overdue',
          key,
          recipients: [request.requestedBy],
          params,
          link: `/tham-dinh/${request.assessmentId}`,
        });
    }
    for (const round of closing) {
      if (!round.dueOn || round.adjusted === 0) continue;
      const daysLeft = REBUTTAL_CLOSING_DAYS.find((days) => addDays(today, days) === round.dueOn) ?? 1;
      drafts.push({
        event: 'rebuttal.windowClosing',
        key: `rebuttal.windowClosing:${round.assessmentId}:${round.roundSentAt?.toISOString()}:${daysLeft}`,
        recipients: members.get(round.unitId) ?? [],
        params: {
          periodName: round.periodName,
          unitName: round.unitName,
          dueOn: round.dueOn,
          daysLeft,
          count: round.adjusted,
        },
        link: `/don-vi/${round.assessmentId}`,
      });
    }
    return notify(tx, drafts);
  });
}
