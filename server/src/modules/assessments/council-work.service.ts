import {
  type ActionVerdict,
  type Actor,
  assignmentScopeProblems,
  COUNCIL_ROLES,
  councilMinutesProblems,
  DomainError,
  evaluateAssignAction,
  evaluateMinutesAction,
  type Locale,
  named,
  presentVerdict,
} from '@opendti/core';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import {
  appraisalAssignments,
  councilMinutes,
  periodCohorts,
  periods,
  periodUnits,
  units,
  users,
} from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';

/**
 * The council's organisation of its work in a period: who appraises which unit or main index, and
 * the minutes of the sign-off meeting. Whether the actor may change them now is core's
 * (`evaluateAssignAction`, `evaluateMinutesAction`); every change is audited.
 */

async function requirePeriod(db: Database, periodId: string) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  return period;
}

function enforce(verdict: ActionVerdict): void {
  if (!verdict.allowed)
    throw new DomainError(verdict.reason === 'missing-capability' ? 'forbidden' : 'conflict', [verdict.problem]);
}

/** The council's active accounts, the chair first, then by name: whom to assign and to list as present. */
export async function listCouncilMembers(db: Database) {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, disabled: users.disabled })
    .from(users)
    .where(inArray(users.role, [...COUNCIL_ROLES]))
    .orderBy(asc(users.displayName));
  return rows
    .filter((row) => !row.disabled)
    .sort((a, b) => Number(b.role === 'councilChair') - Number(a.role === 'councilChair'))
    .map(({ id, displayName, role }) => ({ id, displayName, role }));
}

/** A period's assignments with the names they show, oldest first. */
export async function assignmentsOf(db: Database, periodId: string) {
  const rows = await db
    .select({ assignment: appraisalAssignments, displayName: users.displayName, unitName: units.name })
    .from(appraisalAssignments)
    .innerJoin(users, eq(users.id, appraisalAssignments.userId))
    .leftJoin(units, eq(units.id, appraisalAssignments.unitId))
    .where(eq(appraisalAssignments.periodId, periodId))
    .orderBy(asc(appraisalAssignments.assignedAt));
  return rows.map(({ assignment, displayName, unitName }) => ({
    id: assignment.id,
    userId: assignment.userId,
    displayName,
    unitId: assignment.unitId,
    unitName: unitName ?? null,
    mainIndexCode: assignment.mainIndexCode,
    assignedAt: assignment.assignedAt,
  }));
}

export async function getAssignments(db: Database, actor: Actor, periodId: string, locale: Locale) {
  const period = await requirePeriod(db, periodId);
  return {
    members: await listCouncilMembers(db),
    items: await assignmentsOf(db, periodId),
    assign: presentVerdict(evaluateAssignAction(actor, period.state), locale),
  };
}

export interface AssignmentInput {
  userId: string;
  unitId?: string | null | undefined;
  mainIndexCode?: string | null | undefined;
}

/** Gives a council member a unit, a main index of a unit, or a main index in every unit. */
export async function createAssignment(db: Database, actor: Actor, periodId: string, input: AssignmentInput, now: Date) {
  const period = await requirePeriod(db, periodId);
  enforce(evaluateAssignAction(actor, period.state));
  const unitId = input.unitId || null;
  const mainIndexCode = input.mainIndexCode?.trim() || null;
  const scope = assignmentScopeProblems({ unitId, mainIndexCode });
  if (scope.length > 0) throw new DomainError('invalid-input', scope);
  const members = await listCouncilMembers(db);
  const member = members.find((entry) => entry.id === input.userId);
  if (!member) throw new DomainError('invalid-input', [{ code: 'assignment.not-council-member' }]);
  if (unitId !== null) {
    const [participant] = await db
      .select()
      .from(periodUnits)
      .where(and(eq(periodUnits.periodId, periodId), eq(periodUnits.unitId, unitId)));
    if (!participant) throw new DomainError('invalid-input', [{ code: 'assignment.unknown-unit' }]);
  }
  if (mainIndexCode !== null) {
    const cohorts = await db.select().from(periodCohorts).where(eq(periodCohorts.periodId, periodId));
    const codes = new Set<string>();
    for (const cohort of cohorts) {
      const framework = await getCompiledFramework(db, cohort.frameworkId);
      for (const index of framework.mainIndexNodes) codes.add(framework.nodes[index]?.code ?? '');
    }
    if (!codes.has(mainIndexCode)) {
      throw new DomainError('invalid-input', [{ code: 'assignment.unknown-main-index', params: { code: mainIndexCode } }]);
    }
  }
  const existing = await db.select().from(appraisalAssignments).where(eq(appraisalAssignments.periodId, periodId));
  if (existing.some((row) => row.userId === member.id && row.unitId === unitId && row.mainIndexCode === mainIndexCode)) {
    throw new DomainError('conflict', [{ code: 'assignment.duplicate' }]);
  }
  const id = await db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(appraisalAssignments)
      .values({ periodId, userId: member.id, unitId, mainIndexCode, assignedBy: actor.userId, assignedAt: now })
      .returning();
    const row = saved as typeof appraisalAssignments.$inferSelect;
    await recordAudit(tx, {
      actor,
      action: 'appraisal.assigned',
      entityType: 'appraisalAssignment',
      entityId: row.id,
      periodId,
      ...(unitId ? { unitId } : {}),
      newValue: { member: member.displayName, userId: member.id, unitId, mainIndexCode },
    });
    return row.id;
  });
  const listed = (await assignmentsOf(db, periodId)).find((entry) => entry.id === id);
  return listed as Awaited<ReturnType<typeof assignmentsOf>>[number];
}

/** Takes an assignment back (the work goes to someone else, or to the council as a whole). */
export async function deleteAssignment(db: Database, actor: Actor, periodId: string, assignmentId: string) {
  const period = await requirePeriod(db, periodId);
  enforce(evaluateAssignAction(actor, period.state));
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(appraisalAssignments)
      .where(and(eq(appraisalAssignments.id, assignmentId), eq(appraisalAssignments.periodId, periodId)))
      .returning();
    if (!removed) {
      throw new DomainError('not-found', [
        { code: 'http.not-found', params: { what: named('appraisalAssignment', assignmentId) } },
      ]);
    }
    await recordAudit(tx, {
      actor,
      action: 'appraisal.unassigned',
      entityType: 'appraisalAssignment',
      entityId: removed.id,
      periodId,
      ...(removed.unitId ? { unitId: removed.unitId } : {}),
      oldValue: { userId: removed.userId, unitId: removed.unitId, mainIndexCode: removed.mainIndexCode },
    });
  });
}

export interface MinutesInput {
  meetingOn: string;
  memberIds: string[];
  otherAttendees?: string[] | undefined;
  decision: string;
}

/** The period's minutes, newest meeting first, with the names of the members present. */
export async function getMinutes(db: Database, actor: Actor, periodId: string, locale: Locale) {
  const period = await requirePeriod(db, periodId);
  const [rows, members, everyone] = await Promise.all([
    db
      .select()
      .from(councilMinutes)
      .where(eq(councilMinutes.periodId, periodId))
      .orderBy(desc(councilMinutes.meetingOn), desc(councilMinutes.recordedAt)),
    listCouncilMembers(db),
    db.select({ id: users.id, displayName: users.displayName }).from(users),
  ]);
  const nameOf = new Map(everyone.map((user) => [user.id, user.displayName]));
  return {
    members,
    record: presentVerdict(evaluateMinutesAction(actor, period.state), locale),
    items: rows.map((row) => ({
      id: row.id,
      meetingOn: row.meetingOn,
      members: row.memberIds.map((id) => ({ id, displayName: nameOf.get(id) ?? id })),
      otherAttendees: row.otherAttendees,
      decision: row.decision,
      recordedBy: row.recordedBy === null ? null : (nameOf.get(row.recordedBy) ?? null),
      recordedAt: row.recordedAt,
      updatedAt: row.updatedAt,
      version: row.version,
    })),
  };
}

async function checkMinutes(db: Database, input: MinutesInput, now: Date) {
  const cleaned = {
    meetingOn: input.meetingOn.trim(),
    memberIds: [...new Set(input.memberIds)],
    otherAttendees: (input.otherAttendees ?? []).map((name) => name.trim()).filter((name) => name !== ''),
    decision: input.decision.trim(),
  };
  const problems = councilMinutesProblems(cleaned, now);
  const members = new Set((await listCouncilMembers(db)).map((member) => member.id));
  if (cleaned.memberIds.some((id) => !members.has(id)))
    problems.push({ code: 'minutes.unknown-member', location: { path: '/memberIds' } });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return cleaned;
}

/** The chair records the sign-off meeting (date, members present, others, the decision). */
export async function createMinutes(db: Database, actor: Actor, periodId: string, input: MinutesInput, now: Date) {
  const period = await requirePeriod(db, periodId);
  enforce(evaluateMinutesAction(actor, period.state));
  const values = await checkMinutes(db, input, now);
  const id = await db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(councilMinutes)
      .values({ periodId, ...values, recordedBy: actor.userId, recordedAt: now, updatedAt: now })
      .returning();
    const row = saved as typeof councilMinutes.$inferSelect;
    await recordAudit(tx, {
      actor,
      action: 'council.minutesRecorded',
      entityType: 'councilMinutes',
      entityId: row.id,
      periodId,
      newValue: values,
    });
    return row.id;
  });
  return minutesItem(db, actor, periodId, id);
}

/** The chair corrects the minutes while the period is under appraisal; a stale version gets 409. */
export async function updateMinutes(
  db: Database,
  actor: Actor,
  periodId: string,
  minutesId: string,
  input: MinutesInput & { baseVersion: number },
  now: Date,
) {
  const period = await requirePeriod(db, periodId);
  enforce(evaluateMinutesAction(actor, period.state));
  const [current] = await db
    .select()
    .from(councilMinutes)
    .where(and(eq(councilMinutes.id, minutesId), eq(councilMinutes.periodId, periodId)));
  if (!current)
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('councilMinutes', minutesId) } }]);
  const values = await checkMinutes(db, input, now);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(councilMinutes)
      .set({ ...values, updatedAt: now, version: current.version + 1 })
      .where(and(eq(councilMinutes.id, minutesId), eq(councilMinutes.version, input.baseVersion)))
      .returning();
    if (updated.length === 0) {
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: { what: named('councilMinutes'), current: current.version, based: input.baseVersion },
        },
      ]);
    }
    await recordAudit(tx, {
      actor,
      action: 'council.minutesUpdated',
      entityType: 'councilMinutes',
      entityId: minutesId,
      periodId,
      oldValue: {
        meetingOn: current.meetingOn,
        memberIds: current.memberIds,
        otherAttendees: current.otherAttendees,
        decision: current.decision,
      },
      newValue: values,
    });
  });
  return minutesItem(db, actor, periodId, minutesId);
}

async function minutesItem(db: Database, actor: Actor, periodId: string, id: string) {
  const { items } = await getMinutes(db, actor, periodId, 'vi');
  return items.find((item) => item.id === id) as (typeof items)[number];
}
