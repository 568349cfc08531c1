import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { appraisals, assessments, type periods, units } from '../../db/schema/index.js';
import { type NotificationDraft, notify, periodManagers, unitMembers } from './notify.js';

/**
 * The events of issue 12 as the services raise them, each inside the transaction of its change.
 * Links are the web app's paths: the unit's workspace, the council's page, the public results.
 */
type Tx = Pick<Database, 'insert' | 'execute' | 'select'>;
type Period = Pick<typeof periods.$inferSelect, 'id' | 'name' | 'selfAssessmentDeadline'>;

async function participants(tx: Tx, periodId: string) {
  return tx
    .select({
      assessmentId: assessments.id,
      unitId: units.id,
      unitName: units.name,
      unitKind: units.kind,
      state: assessments.state,
      deadlineExtendedTo: assessments.deadlineExtendedTo,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(and(eq(assessments.periodId, periodId), eq(assessments.participation, 'participating')));
}

/** The period opened for self-assessment → every participating unit's reporters and leader. */
export async function raiseSelfAssessmentOpened(tx: Tx, period: Period): Promise<number> {
  const units = await participants(tx, period.id);
  const members = await unitMembers(
    tx,
    units.map((unit) => unit.unitId),
  );
  return notify(
    tx,
    units.map(
      (unit): NotificationDraft => ({
        event: 'period.selfAssessmentOpened',
        key: `period.selfAssessmentOpened:${period.id}`,
        recipients: members.get(unit.unitId) ?? [],
        params: {
          periodName: period.name,
          unitName: unit.unitName,
          deadline: unit.deadlineExtendedTo ?? period.selfAssessmentDeadline,
        },
        link: `/don-vi/${unit.assessmentId}`,
      }),
    ),
  );
}

/** Results published → every participating unit and the period managers (again at a republication). */
export async function raiseResultsPublished(tx: Tx, period: Period, now: Date): Promise<number> {
  const units = await participants(tx, period.id);
  const members = await unitMembers(
    tx,
    units.map((unit) => unit.unitId),
  );
  const key = `results.published:${period.id}:${now.toISOString()}`;
  return notify(tx, [
    ...units.map(
      (unit): NotificationDraft => ({
        event: 'results.published',
        key,
        recipients: members.get(unit.unitId) ?? [],
        params: { periodName: period.name, unitName: unit.unitName },
        link: `/ket-qua/${period.id}/${unit.unitKind}`,
      }),
    ),
    {
      event: 'results.published',
      key,
      recipients: await periodManagers(tx),
      params: { periodName: period.name },
      link: `/quan-tri/ky-danh-gia/${period.id}`,
    },
  ]);
}

interface SupplementationFacts {
  requestId: string;
  assessmentId: string;
  periodName: string;
  unitId: string;
  unitName: string;
  indicatorCode: string;
  dueOn?: string | null;
}

/** The council asked a unit for supplementation → the unit's reporters and leader. */
export async function raiseSupplementationRequested(tx: Tx, facts: SupplementationFacts): Promise<number> {
  const members = await unitMembers(tx, [facts.unitId]);
  return notify(tx, {
    event: 'supplementation.requested',
    key: `supplementation.requested:${facts.requestId}`,
    recipients: members.get(facts.unitId) ?? [],
    params: {
      periodName: facts.periodName,
      unitName: facts.unitName,
      indicatorCode: facts.indicatorCode,
      ...(facts.dueOn ? { dueOn: facts.dueOn } : {}),
    },
    link: `/don-vi/${facts.assessmentId}`,
  });
}

/** The unit answered → the appraiser who asked (once per request; later edits of the answer do not repeat it). */
export async function raiseSupplementationAnswered(
  tx: Tx,
  facts: SupplementationFacts & { appraiserId: string },
): Promise<number> {
  return notify(tx, {
    event: 'supplementation.answered',
    key: `supplementation.answered:${facts.requestId}`,
    recipients: [facts.appraiserId],
    params: { periodName: facts.periodName, unitName: facts.unitName, indicatorCode: facts.indicatorCode },
    link: `/tham-dinh/${facts.assessmentId}`,
  });
}

/** An administrator (or the operator at the console) reset the password → the account holder, each time. */
export async function raisePasswordReset(tx: Tx, userId: string, now: Date): Promise<number> {
  return notify(tx, {
    event: 'account.passwordReset',
    key: `account.passwordReset:${now.toISOString()}`,
    recipients: [userId],
    params: {},
  });
}

/**
 * An improvement plan issued (issue 11) → each lead and coordinating unit's reporters and leader, one
 * notification per unit saying how many tasks it leads and coordinates.
 */
export async function raisePlanIssued(
  tx: Tx,
  plan: { id: string; title: string },
  tasks: readonly { leadUnitId: string | null; coordinatingUnitIds: readonly string[]; state: string }[],
): Promise<number> {
  const counts = new Map<string, { lead: number; coordinating: number }>();
  const countOf = (unitId: string) => counts.get(unitId) ?? counts.set(unitId, { lead: 0, coordinating: 0 }).get(unitId);
  for (const task of tasks) {
    if (task.state === 'cancelled') continue;
    if (task.leadUnitId) (countOf(task.leadUnitId) as { lead: number }).lead += 1;
    for (const unitId of new Set(task.coordinatingUnitIds)) {
      if (unitId !== task.leadUnitId) (countOf(unitId) as { coordinating: number }).coordinating += 1;
    }
  }
  if (counts.size === 0) return 0;
  const unitIds = [...counts.keys()];
  const members = await unitMembers(tx, unitIds);
  const names = new Map(
    (await tx.select({ id: units.id, name: units.name }).from(units)).map((unit) => [unit.id, unit.name] as const),
  );
  return notify(
    tx,
    unitIds.map(
      (unitId): NotificationDraft => ({
        event: 'plan.tasksAssigned',
        key: `plan.tasksAssigned:${plan.id}:${unitId}`,
        recipients: members.get(unitId) ?? [],
        params: {
          planTitle: plan.title,
          unitName: names.get(unitId) ?? '',
          leadCount: counts.get(unitId)?.lead ?? 0,
          coordinatingCount: counts.get(unitId)?.coordinating ?? 0,
        },
        link: '/ke-hoach/nhiem-vu',
      }),
    ),
  );
}

/** An account locked after repeated wrong passwords → the account holder, once per lock. */
export async function raiseLockedOut(tx: Tx, userId: string, lockedUntil: Date, minutes: number): Promise<number> {
  return notify(tx, {
    event: 'account.lockedOut',
    key: `account.lockedOut:${lockedUntil.toISOString()}`,
    recipients: [userId],
    params: { minutes },
  });
}

interface AssessmentFacts {
  assessmentId: string;
  periodId: string;
  periodName: string;
  unitId: string;
  unitName: string;
}

/**
 * The chair sent the results with a rebuttal window (`sendResults`) → the unit's reporters and leader,
 * when the council adjusted at least one indicator (nothing to contest otherwise). Once per round.
 */
export async function raiseRebuttalOpened(
  tx: Tx,
  facts: AssessmentFacts & { roundSentAt: Date; dueOn: string },
): Promise<number> {
  const [row] = await tx
    .select({ adjusted: sql<number>`count(*)::int` })
    .from(appraisals)
    .where(and(eq(appraisals.assessmentId, facts.assessmentId), eq(appraisals.decision, 'adjusted')));
  const count = row?.adjusted ?? 0;
  if (count === 0) return 0;
  const members = await unitMembers(tx, [facts.unitId]);
  return notify(tx, {
    event: 'rebuttal.windowOpened',
    key: `rebuttal.windowOpened:${facts.assessmentId}:${facts.roundSentAt.toISOString()}`,
    recipients: members.get(facts.unitId) ?? [],
    params: { periodName: facts.periodName, unitName: facts.unitName, dueOn: facts.dueOn, count },
    link: `/don-vi/${facts.assessmentId}`,
  });
}

/** The chair finalised a unit's appraisal → the unit's reporters and leader, and the period managers. */
export async function raiseCouncilFinalised(tx: Tx, facts: AssessmentFacts & { finalisedAt: Date }): Promise<number> {
  const members = await unitMembers(tx, [facts.unitId]);
  const key = `council.finalised:${facts.assessmentId}:${facts.finalisedAt.toISOString()}`;
  const params = { periodName: facts.periodName, unitName: facts.unitName };
  return notify(tx, [
    {
      event: 'council.finalised',
      key,
      recipients: members.get(facts.unitId) ?? [],
      params,
      link: `/don-vi/${facts.assessmentId}`,
    },
    {
      event: 'council.finalised',
      key,
      recipients: await periodManagers(tx),
      params,
      link: `/quan-tri/ky-danh-gia/${facts.periodId}`,
    },
  ]);
}
