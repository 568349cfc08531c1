import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  allowedPlanActions,
  allowedTaskActions,
  DomainError,
  displayedTaskState,
  draftPlan,
  draftToPlan,
  named,
  type PlanStatus,
  reportingScheduleProblems,
  resolvePlanTransition,
  resolveTaskTransition,
  type TaskInput,
  type TaskParty,
  type TaskState,
  targetProblems,
  taskMoveProblem,
  taskPartyOf,
  taskProblems,
  vietnamDay,
} from '@opendti/core';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { periods, plans, planTargets, planTasks, resultSnapshots, units } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { raisePlanIssued } from '../notifications/raise-events.js';
import { isPublishedSnapshot } from '../results/published-snapshot.js';
import { scoresFromSnapshot } from '../results/snapshot-scores.js';
import { readOwnership } from './ownership.service.js';
import type {
  PlanBody,
  PlanDraftBody,
  PlanTargetsBody,
  PlanTaskBody,
  PlanTaskUpdateBody,
  PlanUpdateBody,
} from './plan-schemas.js';

type PlanRow = typeof plans.$inferSelect;
type TaskRow = typeof planTasks.$inferSelect;
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Unit codes and ids, both ways, with the activity dates core's validation needs, and names to show. */
export interface UnitRegister {
  codeOf: Map<string, string>;
  nameOf: Map<string, string>;
  byCode: Map<string, { id: string; code: string; activeFrom: string | null; activeTo: string | null }>;
}

export async function unitRegister(db: Pick<Database, 'select'>): Promise<UnitRegister> {
  const rows = await db
    .select({ id: units.id, code: units.code, name: units.name, activeFrom: units.activeFrom, activeTo: units.activeTo })
    .from(units);
  return {
    codeOf: new Map(rows.map((row) => [row.id, row.code])),
    nameOf: new Map(rows.map((row) => [row.id, row.name])),
    byCode: new Map(rows.map((row) => [row.code, row])),
  };
}

const notFound = (kind: 'plan' | 'planTask', id: string) =>
  new DomainError('not-found', [{ code: 'http.not-found', params: { what: named(kind, id) } }]);

/** A task as the API shows it; its moves are offered only while the plan is issued (core's taskMoveProblem). */
function presentTask(task: TaskRow, planStatus: string, register: UnitRegister, actor: Actor, today: string) {
  const lead = task.leadUnitId === null ? null : (register.codeOf.get(task.leadUnitId) ?? null);
  const coordinating = task.coordinatingUnitIds.map((id) => register.codeOf.get(id) ?? id);
  const party = taskPartyOf(actor, { lead, coordinating }, (unitId) => register.codeOf.get(unitId));
  const state = task.state as TaskState;
  return {
    id: task.id,
    planId: task.planId,
    position: task.position,
    text: task.text,
    indicators: task.indicators,
    lead,
    coordinating,
    product: task.product,
    startOn: task.startOn,
    dueOn: task.dueOn,
    state,
    displayedState: displayedTaskState({ state, dueOn: task.dueOn }, today),
    cancelReason: task.cancelReason,
    version: task.version,
    allowedActions: taskMoveProblem(planStatus) ? [] : allowedTaskActions(state, party),
  };
}

export function presentSummary(plan: PlanRow) {
  return { ...plan, status: plan.status as PlanStatus, allowedActions: allowedPlanActions(plan) };
}

/** Every plan, newest year first, with its tasks counted by displayed state (one read of the task columns, not each plan). */
export async function listPlans(db: Database, now = new Date()) {
  const rows = await db.select().from(plans).orderBy(desc(plans.year), desc(plans.createdAt));
  const tasks = await db
    .select({ planId: planTasks.planId, state: planTasks.state, dueOn: planTasks.dueOn, leadUnitId: planTasks.leadUnitId })
    .from(planTasks);
  const today = vietnamDay(now);
  const countsOf = new Map(rows.map((plan) => [plan.id, emptyTaskCounts()]));
  for (const task of tasks) {
    const counts = countsOf.get(task.planId);
    if (!counts) continue;
    const shown = displayedTaskState({ state: task.state as TaskState, dueOn: task.dueOn }, today);
    counts.total += 1;
    counts[shown] += 1;
    if (task.leadUnitId === null && shown !== 'cancelled') counts.withoutLead += 1;
  }
  return rows.map((plan) => ({ ...presentSummary(plan), taskCounts: countsOf.get(plan.id) ?? emptyTaskCounts() }));
}

const emptyTaskCounts = () => ({ total: 0, notStarted: 0, inProgress: 0, done: 0, overdue: 0, cancelled: 0, withoutLead: 0 });

export async function loadPlan(db: Pick<Database, 'select'>, planId: string): Promise<PlanRow> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('plan', planId);
  return plan;
}

export async function getPlan(db: Database, actor: Actor, planId: string, now = new Date()) {
  const plan = await loadPlan(db, planId);
  const register = await unitRegister(db);
  const targets = await db.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position));
  const tasks = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const today = vietnamDay(now);
  return {
    ...presentSummary(plan),
    targets: targets.map((target) => ({
      id: target.id,
      code: target.code,
      level: target.level as 'indicator' | 'mainIndex',
      baseline: target.baseline,
      target: target.target,
      unit: target.unit as 'points' | 'value' | 'percent',
      dueOn: target.dueOn,
    })),
    tasks: tasks.map((task) => presentTask(task, plan.status, register, actor, today)),
  };
}

function refuseClosed(plan: PlanRow): void {
  if (plan.status === 'closed') throw new DomainError('conflict', [{ code: 'plan.closed' }]);
}

/** The plan as the caller last read it must still be the stored one (the same check as a task's). */
export function refuseStale(plan: Pick<PlanRow, 'version'>, based: number): void {
  if (plan.version !== based) {
    throw new DomainError('conflict', [
      { code: 'http.stale-version', params: { what: named('plan'), current: plan.version, based } },
    ]);
  }
}

/** The reporting schedule must give rounds (core's reporting-rounds): 400 at reportingSchedule[i] otherwise. */
function checkReportingSchedule(plan: { year: number; date: string; reportingSchedule: string[] }): void {
  const problems = reportingScheduleProblems(plan);
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
}

export async function createPlan(db: Database, actor: Actor, body: Static<typeof PlanBody>) {
  checkReportingSchedule({ ...body, reportingSchedule: body.reportingSchedule ?? [] });
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        year: body.year,
        date: body.date,
        title: body.title,
        purpose: body.purpose ?? '',
        documentNumber: body.documentNumber ?? '',
        reportingSchedule: body.reportingSchedule ?? [],
        basis: body.basis ?? [],
      })
      .returning();
    const created = plan as PlanRow;
    await recordAudit(tx, { actor, action: 'plan.create', entityType: 'plan', entityId: created.id, newValue: body });
    return presentSummary(created);
  });
}

export async function updatePlan(db: Database, actor: Actor, planId: string, body: Static<typeof PlanUpdateBody>) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseClosed(plan);
    refuseStale(plan, body.version);
    const { version: _version, ...changes } = body;
    checkReportingSchedule({ ...plan, ...changes });
    if (changes.date !== undefined || changes.year !== undefined) await checkTasksAgainst(tx, { ...plan, ...changes });
    const [updated] = await tx
      .update(plans)
      .set({ ...changes, version: plan.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, planId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'plan.update',
      entityType: 'plan',
      entityId: planId,
      oldValue: Object.fromEntries(Object.keys(changes).map((key) => [key, plan[key as keyof PlanRow]])),
      newValue: changes,
    });
    return presentSummary(updated as PlanRow);
  });
}

/** A new plan date or year must not leave a task due before the plan or led by a unit inactive that year. */
async function checkTasksAgainst(tx: Tx, plan: PlanRow): Promise<void> {
  const register = await unitRegister(tx);
  const tasks = await planTaskInputs(tx, plan.id, register);
  const context = await validationContext(tx, plan, register);
  const problems = taskProblems(
    tasks.map((task) => task.input),
    context,
  ).filter((problem) => problem.code === 'plan.task-due-before-plan' || problem.code === 'plan.task-lead-inactive');
  if (problems.length === 0) return;
  throw new DomainError(
    'invalid-input',
    problems.map((problem) => {
      const location = problem.location ?? {};
      return { ...problem, location: { ...location, path: `tasks[${(location.row ?? 1) - 1}].${location.column ?? ''}` } };
    }),
  );
}

export async function transitionPlan(db: Database, actor: Actor, planId: string, action: string) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    const status = resolvePlanTransition(plan, action);
    const [updated] = await tx
      .update(plans)
      .set({ status, version: plan.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, planId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: `plan.${action}`,
      entityType: 'plan',
      entityId: planId,
      oldValue: { status: plan.status },
      newValue: { status, documentNumber: plan.documentNumber },
    });
    // Issuing tells each lead and coordinating unit what it now owes (issue 12), in this transaction.
    if (action === 'issue') {
      await raisePlanIssued(tx, plan, await tx.select().from(planTasks).where(eq(planTasks.planId, planId)));
    }
    return presentSummary(updated as PlanRow);
  });
}

/** The context core's task validation needs: the plan's frameworks' indicators and the unit register. */
export async function validationContext(db: Pick<Database, 'select'>, plan: PlanRow, register: UnitRegister) {
  const indicatorCodes = new Set<string>();
  const frameworkIds = [...new Set(plan.basis.map((basis) => basis.frameworkId))];
  for (const frameworkId of frameworkIds) {
    const framework = await getCompiledFramework(db, frameworkId);
    for (const node of framework.nodes) indicatorCodes.add(node.code);
  }
  return {
    frameworkId: frameworkIds.join(', ') || '–',
    indicatorCodes,
    units: register.byCode,
    plan: { year: plan.year, date: plan.date },
  };
}

async function planTaskInputs(db: Pick<Database, 'select'>, planId: string, register: UnitRegister, except?: string) {
  const rows = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  return rows.filter((row) => row.id !== except).map((row) => ({ row, input: taskInputOf(row, register) }));
}

function taskInputOf(row: TaskRow, register: UnitRegister): TaskInput {
  return {
    text: row.text,
    indicators: row.indicators,
    lead: row.leadUnitId === null ? null : (register.codeOf.get(row.leadUnitId) ?? null),
    coordinating: row.coordinatingUnitIds.map((id) => register.codeOf.get(id) ?? id),
    startOn: row.startOn,
    dueOn: row.dueOn,
  };
}

/** Validates `candidate` as the last of the plan's tasks (so a duplicate of another is found), reported at its own fields. */
async function checkOneTask(tx: Tx, plan: PlanRow, register: UnitRegister, candidate: TaskInput, except?: string) {
  const others = await planTaskInputs(tx, plan.id, register, except);
  const context = await validationContext(tx, plan, register);
  const all = [...others.map((other) => other.input), candidate];
  const problems = taskProblems(all, context).filter(
    (problem) =>
      problem.location?.row === all.length &&
      !(context.indicatorCodes.size === 0 && problem.code === 'plan.task-unknown-indicator'),
  );
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      problems.map((problem) => {
        const { row: _row, ...location } = problem.location ?? {};
        return { ...problem, location: { ...location, ...(location.column ? { path: location.column } : {}) } };
      }),
    );
  }
}

const idsOf = (codes: readonly string[], register: UnitRegister) => codes.map((code) => register.byCode.get(code)?.id as string);

export async function addPlanTask(db: Database, actor: Actor, planId: string, body: Static<typeof PlanTaskBody>) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseClosed(plan);
    const register = await unitRegister(tx);
    const candidate: TaskInput = { ...body };
    await checkOneTask(tx, plan, register, candidate);
    const [{ last }] = (await tx
      .select({ last: sql<number>`coalesce(max(${planTasks.position}), 0)` })
      .from(planTasks)
      .where(eq(planTasks.planId, planId))) as [{ last: number }];
    const [task] = await tx
      .insert(planTasks)
      .values({
        planId,
        position: Number(last) + 1,
        text: body.text,
        indicators: body.indicators,
        leadUnitId: body.lead === null ? null : (register.byCode.get(body.lead)?.id ?? null),
        coordinatingUnitIds: idsOf(body.coordinating, register),
        product: body.product ?? '',
        startOn: body.startOn,
        dueOn: body.dueOn,
      })
      .returning();
    const created = task as TaskRow;
    await recordAudit(tx, { actor, action: 'plan.task.create', entityType: 'planTask', entityId: created.id, newValue: body });
    return presentTask(created, plan.status, register, actor, vietnamDay(new Date()));
  });
}

async function loadTask(db: Pick<Database, 'select'>, planId: string, taskId: string): Promise<TaskRow> {
  const [task] = await db
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.id, taskId), eq(planTasks.planId, planId)));
  if (!task) throw notFound('planTask', taskId);
  return task;
}

export async function updatePlanTask(
  db: Database,
  actor: Actor,
  planId: string,
  taskId: string,
  body: Static<typeof PlanTaskUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseClosed(plan);
    const task = await loadTask(tx, planId, taskId);
    if (task.version !== body.version) {
      throw new DomainError('conflict', [
        { code: 'http.stale-version', params: { what: named('planTask'), current: task.version, based: body.version } },
      ]);
    }
    const register = await unitRegister(tx);
    const { version: _version, ...changes } = body;
    const candidate: TaskInput = { ...taskInputOf(task, register), ...changes };
    await checkOneTask(tx, plan, register, candidate, taskId);
    const [updated] = await tx
      .update(planTasks)
      .set({
        text: candidate.text,
        indicators: candidate.indicators,
        leadUnitId: candidate.lead === null ? null : (register.byCode.get(candidate.lead)?.id ?? null),
        coordinatingUnitIds: idsOf(candidate.coordinating, register),
        ...(changes.product === undefined ? {} : { product: changes.product }),
        startOn: candidate.startOn,
        dueOn: candidate.dueOn,
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(planTasks.id, taskId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'plan.task.update',
      entityType: 'planTask',
      entityId: taskId,
      oldValue: taskInputOf(task, register),
      newValue: changes,
    });
    return presentTask(updated as TaskRow, plan.status, register, actor, vietnamDay(new Date()));
  });
}

export async function deletePlanTask(db: Database, actor: Actor, planId: string, taskId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseClosed(plan);
    const task = await loadTask(tx, planId, taskId);
    const register = await unitRegister(tx);
    await tx.delete(planTasks).where(eq(planTasks.id, taskId));
    await recordAudit(tx, {
      actor,
      action: 'plan.task.delete',
      entityType: 'planTask',
      entityId: taskId,
      oldValue: taskInputOf(task, register),
    });
  });
}

/** The caller's relation to the task (manager, lead or coordinating unit), or a 404 for anyone else. */
export async function taskParty(db: Pick<Database, 'select'>, actor: Actor, planId: string, taskId: string) {
  const task = await loadTask(db, planId, taskId);
  const register = await unitRegister(db);
  const input = taskInputOf(task, register);
  const party = taskPartyOf(actor, input, (unitId) => register.codeOf.get(unitId));
  // A unit that is no party to the task is not told it exists.
  if (party === undefined) throw notFound('planTask', taskId);
  return party;
}

export async function transitionPlanTask(
  db: Database,
  actor: Actor,
  party: TaskParty,
  planId: string,
  taskId: string,
  body: { action: string; reason?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    const task = await loadTask(tx, planId, taskId);
    const notIssued = taskMoveProblem(plan.status);
    if (notIssued) throw new DomainError('conflict', [notIssued]);
    const state = resolveTaskTransition({ action: body.action, from: task.state, party, reason: body.reason });
    const [updated] = await tx
      .update(planTasks)
      .set({
        state,
        cancelReason: state === 'cancelled' ? (body.reason ?? null) : null,
        version: task.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(planTasks.id, taskId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: `plan.task.${body.action}`,
      entityType: 'planTask',
      entityId: taskId,
      unitId: task.leadUnitId ?? undefined,
      oldValue: { state: task.state },
      newValue: { state },
      ...(body.reason ? { reason: body.reason } : {}),
    });
    return presentTask(updated as TaskRow, plan.status, await unitRegister(tx), actor, vietnamDay(new Date()));
  });
}

/** A unit's tasks in issued plans, as lead or coordinating unit. */
export async function listUnitPlanTasks(db: Database, actor: Actor, unitId: string, now = new Date()) {
  const rows = await db
    .select({ task: planTasks, plan: plans })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(eq(plans.status, 'issued'))
    .orderBy(desc(plans.year), asc(plans.id), asc(planTasks.position));
  const register = await unitRegister(db);
  const today = vietnamDay(now);
  return rows
    .filter(({ task }) => task.leadUnitId === unitId || task.coordinatingUnitIds.includes(unitId))
    .map(({ task, plan }) => ({
      ...presentTask(task, plan.status, register, actor, today),
      planTitle: plan.title,
      planDocumentNumber: plan.documentNumber,
      role: task.leadUnitId === unitId ? ('leadUnit' as const) : ('coordinatingUnit' as const),
      leadName: task.leadUnitId === null ? null : (register.nameOf.get(task.leadUnitId) ?? null),
      coordinatingNames: task.coordinatingUnitIds.map((id) => register.nameOf.get(id) ?? id),
    }));
}

/**
 * A draft plan from a published period's cohort: core's `draftPlan` over the published snapshot
 * (never live answers), owners pre-filled from the framework's ownership table, tasks and targets
 * in gain order.
 */
export async function generatePlanDraft(db: Database, actor: Actor, body: Static<typeof PlanDraftBody>) {
  const [snapshot] = await db
    .select({
      frameworkId: resultSnapshots.frameworkId,
      results: resultSnapshots.results,
      detail: resultSnapshots.detail,
      year: periods.year,
    })
    .from(resultSnapshots)
    .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
    .where(isPublishedSnapshot(body.periodId, body.unitKind));
  if (!snapshot) {
    throw new DomainError('not-found', [{ code: 'plan.no-published-cohort', params: { unitKind: body.unitKind } }]);
  }
  const framework = await getCompiledFramework(db, snapshot.frameworkId);
  const scores = scoresFromSnapshot(framework, snapshot.results, snapshot.detail);
  if (body.unitCode !== undefined && !scores.units.some((unit) => unit.code === body.unitCode)) {
    throw new DomainError('invalid-input', [
      { code: 'plan.unit-not-in-cohort', params: { unit: body.unitCode }, location: { column: 'unitCode', path: 'unitCode' } },
    ]);
  }
  const owners = await readOwnership(db, snapshot.frameworkId);
  const draft = draftPlan(scores, {
    ...(body.unitCode === undefined ? {} : { unitCode: body.unitCode }),
    owners,
    ...(body.dueOn === undefined ? {} : { dueOn: body.dueOn }),
  });
  const { tasks, targets } = draftToPlan(draft, 'vi');
  const register = await unitRegister(db);
  // Today, unless the draft is written after its tasks' due date (a past year's results, as in the demo):
  // then the plan's year's first day, so the drafted tasks stay valid when edited.
  const today = vietnamDay(new Date());
  const date = body.date ?? (today <= draft.dueOn ? today : `${draft.year}-01-01`);
  const title =
    body.title ?? `Kế hoạch nâng cao chỉ số chuyển đổi số năm ${draft.year}${draft.unit ? ` – ${draft.unit.name}` : ''}`;
  const planId = await db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(plans)
      .values({
        year: draft.year,
        date,
        title,
        basis: [
          {
            frameworkId: snapshot.frameworkId,
            source: body.periodId,
            ...(body.unitCode === undefined ? {} : { unitCode: body.unitCode }),
          },
        ],
      })
      .returning({ id: plans.id });
    const id = (plan as { id: string }).id;
    if (tasks.length > 0) {
      await tx.insert(planTasks).values(
        tasks.map((task, index) => ({
          planId: id,
          position: index + 1,
          text: task.text,
          indicators: task.indicators,
          leadUnitId: task.lead === null ? null : (register.byCode.get(task.lead)?.id ?? null),
          coordinatingUnitIds: task.coordinating.flatMap((code) => register.byCode.get(code)?.id ?? []),
          product: task.product,
          startOn: task.startOn,
          dueOn: task.dueOn,
        })),
      );
      await tx.insert(planTargets).values(
        targets.map((target, index) => ({
          planId: id,
          position: index + 1,
          code: target.code,
          level: target.level,
          baseline: target.baseline,
          target: target.target,
          unit: target.unit,
          dueOn: target.dueOn,
        })),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'plan.generate',
      entityType: 'plan',
      entityId: id,
      periodId: body.periodId,
      newValue: { ...body, tasks: tasks.length, order: draft.tasks.map((task) => task.code) },
    });
    return id;
  });
  return getPlan(db, actor, planId);
}

/** Replaces a plan's targets (chỉ tiêu) as a whole, checked by core (codes of the basis, due dates), audited. */
export async function replacePlanTargets(db: Database, actor: Actor, planId: string, body: Static<typeof PlanTargetsBody>) {
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseClosed(plan);
    refuseStale(plan, body.version);
    const context = await validationContext(tx, plan, await unitRegister(tx));
    const problems = targetProblems(body.targets, { frameworkId: context.frameworkId, codes: context.indicatorCodes, plan });
    if (problems.length > 0) {
      throw new DomainError(
        'invalid-input',
        problems.map((problem) => {
          const location = problem.location ?? {};
          return { ...problem, location: { ...location, path: `targets[${(location.row ?? 1) - 1}].${location.column ?? ''}` } };
        }),
      );
    }
    const before = await tx.select().from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.position));
    await tx.delete(planTargets).where(eq(planTargets.planId, planId));
    await tx
      .update(plans)
      .set({ version: plan.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, planId));
    if (body.targets.length > 0) {
      await tx.insert(planTargets).values(body.targets.map((target, index) => ({ ...target, planId, position: index + 1 })));
    }
    await recordAudit(tx, {
      actor,
      action: 'plan.targets.replace',
      entityType: 'plan',
      entityId: planId,
      oldValue: before.map(({ id: _id, planId: _plan, position: _position, ...target }) => target),
      newValue: body.targets,
    });
  });
  return getPlan(db, actor, planId);
}
