import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  type CompiledFramework,
  type DisplayedTaskState,
  DomainError,
  displayedTaskState,
  named,
  PUBLISHABLE_PLAN_STATUSES,
  planPublicationProblem,
  type TaskState,
  targetCurrent,
  targetMet,
  vietnamDay,
} from '@opendti/core';
import { and, asc, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { periodCohorts, periods, plans, planTargets, planTasks, resultSnapshots, units } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { PUBLIC_PERIOD_STATES } from '../results/published-snapshot.js';
import { scoresFromSnapshot } from '../results/snapshot-scores.js';
import type { PlanPublicationBody } from './plan-dashboard-schemas.js';
import { loadPlan, presentSummary, refuseStale } from './plans.service.js';

/**
 * The plan's dashboard (issue 11, Progress → Dashboard): per main index and per lead unit the tasks
 * not started, in progress, done, overdue and cancelled; the targets with their baseline, target
 * and — once the next period is published — the current value and whether it was met ("did the
 * plan work?"); and the summary the manager publishes for the public, which shows the counts and
 * the targets and nothing of the units' own reports.
 */

type PlanRow = typeof plans.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Counts = Record<DisplayedTaskState, number>;

const emptyCounts = (): Counts => ({ notStarted: 0, inProgress: 0, done: 0, overdue: 0, cancelled: 0 });

interface Comparison {
  periodId: string;
  year: number;
  name: string;
  framework: CompiledFramework;
  scores: ReturnType<typeof scoresFromSnapshot>;
}

/**
 * The period a plan is judged against: the first published period after the basis period (a later
 * year) that published a cohort of the same unit kind. The basis cohort's unit kind is the basis
 * period's cohort scored with the basis framework. None yet: null.
 */
async function comparisonOf(db: Pick<Database, 'select'>, plan: PlanRow): Promise<Comparison | null> {
  const basis = plan.basis[0];
  // A plan written by hand may name its source freely (a file, a document): only a period can be compared.
  if (!basis || !UUID.test(basis.source)) return null;
  const [base] = await db
    .select({ year: periods.year, unitKind: periodCohorts.unitKind })
    .from(periods)
    .innerJoin(periodCohorts, eq(periodCohorts.periodId, periods.id))
    .where(and(eq(periods.id, basis.source), eq(periodCohorts.frameworkId, basis.frameworkId)));
  if (!base) return null;
  const [next] = await db
    .select({
      periodId: periods.id,
      year: periods.year,
      name: periods.name,
      frameworkId: resultSnapshots.frameworkId,
      results: resultSnapshots.results,
      detail: resultSnapshots.detail,
    })
    .from(resultSnapshots)
    .innerJoin(periods, eq(periods.id, resultSnapshots.periodId))
    .where(
      and(eq(resultSnapshots.unitKind, base.unitKind), inArray(periods.state, PUBLIC_PERIOD_STATES), gt(periods.year, base.year)),
    )
    .orderBy(asc(periods.year), asc(resultSnapshots.publishedAt))
    .limit(1);
  if (!next) return null;
  const framework = await getCompiledFramework(db, next.frameworkId);
  return {
    periodId: next.periodId,
    year: next.year,
    name: next.name,
    framework,
    scores: scoresFromSnapshot(framework, next.results, next.detail),
  };
}

/** The basis framework (for names and main indices), or undefined for a plan written without one. */
async function basisFramework(db: Pick<Database, 'select'>, plan: PlanRow): Promise<CompiledFramework | undefined> {
  const basis = plan.basis[0];
  return basis ? getCompiledFramework(db, basis.frameworkId) : undefined;
}

/** The targets, each with its current value in the comparison period (measured as the baseline was) and met/missed. */
async function targetProgress(db: Pick<Database, 'select'>, plan: PlanRow, framework: CompiledFramework | undefined) {
  const rows = await db.select().from(planTargets).where(eq(planTargets.planId, plan.id)).orderBy(asc(planTargets.position));
  const comparison = await comparisonOf(db, plan);
  const unitCode = plan.basis[0]?.unitCode;
  const targets = rows.map((row) => {
    const unit = row.unit as 'points' | 'value' | 'percent';
    const current = comparison ? targetCurrent(comparison.scores, { code: row.code, unit }, unitCode) : null;
    const nameOf = (source: CompiledFramework | undefined) => {
      const index = source?.nodeByCode.get(row.code);
      return index === undefined ? undefined : source?.nodes[index]?.name;
    };
    return {
      code: row.code,
      level: row.level as 'indicator' | 'mainIndex',
      name: nameOf(framework) ?? nameOf(comparison?.framework) ?? '',
      baseline: row.baseline,
      target: row.target,
      unit,
      dueOn: row.dueOn,
      current,
      met: targetMet(row, current),
    };
  });
  return {
    targets,
    comparison: comparison ? { periodId: comparison.periodId, year: comparison.year, name: comparison.name } : null,
  };
}

async function taskStates(db: Pick<Database, 'select'>, planId: string, today: string) {
  const rows = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  return rows.map((row) => ({ row, shown: displayedTaskState({ state: row.state as TaskState, dueOn: row.dueOn }, today) }));
}

export async function getPlanDashboard(db: Database, planId: string, now = new Date()) {
  const plan = await loadPlan(db, planId);
  const today = vietnamDay(now);
  const framework = await basisFramework(db, plan);
  const tasks = await taskStates(db, planId, today);
  const unitRows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units);
  const unitById = new Map(unitRows.map((unit) => [unit.id, unit]));

  const totals = emptyCounts();
  // Main indices in the framework's order; a task counts once under each main index its indicators belong to.
  const mainOrder = (framework?.mainIndexNodes ?? []).map((index) => framework?.nodes[index]);
  const byMain = new Map<string, Counts>();
  const byLead = new Map<string | null, Counts>();
  for (const { row, shown } of tasks) {
    totals[shown] += 1;
    const mains = new Set<string>();
    for (const code of row.indicators) {
      const index = framework?.nodeByCode.get(code);
      let node = index === undefined ? undefined : framework?.nodes[index];
      while (node && node.level !== 'mainIndex') node = framework?.nodes[node.parent];
      if (node) mains.add(node.code);
    }
    if (mains.size === 0) mains.add('');
    for (const main of mains) {
      const counts = byMain.get(main) ?? emptyCounts();
      counts[shown] += 1;
      byMain.set(main, counts);
    }
    const lead = row.leadUnitId;
    const counts = byLead.get(lead) ?? emptyCounts();
    counts[shown] += 1;
    byLead.set(lead, counts);
  }
  const tasksByMainIndex = [
    ...mainOrder.flatMap((node) => {
      const counts = node ? byMain.get(node.code) : undefined;
      return node && counts ? [{ code: node.code, name: node.name, ...counts }] : [];
    }),
    ...(byMain.has('') ? [{ code: '', name: 'Không gắn chỉ số của bộ chỉ số', ...(byMain.get('') as Counts) }] : []),
  ];
  const total = (counts: Counts) => Object.values(counts).reduce((sum, value) => sum + value, 0);
  const tasksByLeadUnit = [...byLead.entries()]
    .map(([id, counts]) => {
      const unit = id === null ? undefined : unitById.get(id);
      return { unitCode: unit?.code ?? null, unitName: unit?.name ?? 'Chưa phân công', ...counts };
    })
    .sort(
      (a, b) =>
        Number(a.unitCode === null) - Number(b.unitCode === null) ||
        total(b) - total(a) ||
        (a.unitCode ?? '').localeCompare(b.unitCode ?? ''),
    );
  const { targets, comparison } = await targetProgress(db, plan, framework);
  return { planId, today, totals, tasksByMainIndex, tasksByLeadUnit, targets, comparison };
}

/**
 * Publishes (or withdraws) the plan's public summary: an issued or closed plan only (409 otherwise),
 * on the version the manager edited (409 when stale), audited. The summary text may be saved
 * unpublished, to publish later.
 */
export async function setPlanPublication(db: Database, actor: Actor, planId: string, body: Static<typeof PlanPublicationBody>) {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, planId);
    refuseStale(plan, body.version);
    if (body.published) {
      const problem = planPublicationProblem(plan.status);
      if (problem) throw new DomainError('conflict', [problem]);
    }
    const publishedAt = body.published ? (plan.publishedAt ?? new Date()) : null;
    const [updated] = await tx
      .update(plans)
      .set({ publicSummary: body.summary, publishedAt, version: plan.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, planId))
      .returning();
    await recordAudit(tx, {
      actor,
      action: body.published ? 'plan.publish' : 'plan.unpublish',
      entityType: 'plan',
      entityId: planId,
      oldValue: { published: plan.publishedAt !== null, summary: plan.publicSummary },
      newValue: { published: body.published, summary: body.summary },
    });
    return presentSummary(updated as PlanRow);
  });
}

/** The condition "the public may see this plan": its summary is published and the plan is issued or closed. */
const isPublicPlan = () => and(isNotNull(plans.publishedAt), inArray(plans.status, [...PUBLISHABLE_PLAN_STATUSES]));

async function presentPublic(db: Pick<Database, 'select'>, plan: PlanRow, today: string) {
  const tasks = await taskStates(db, plan.id, today);
  const counts = emptyCounts();
  for (const { shown } of tasks) counts[shown] += 1;
  const { targets, comparison } = await targetProgress(db, plan, await basisFramework(db, plan));
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    documentNumber: plan.documentNumber,
    date: plan.date,
    status: plan.status as 'issued' | 'closed',
    summary: plan.publicSummary,
    publishedAt: (plan.publishedAt as Date).toISOString(),
    taskCounts: { total: tasks.length, ...counts },
    targetCounts: {
      total: targets.length,
      met: targets.filter((target) => target.met === true).length,
      missed: targets.filter((target) => target.met === false).length,
    },
    targets,
    comparison,
  };
}

export async function listPublicPlans(db: Database, now = new Date()) {
  const rows = await db.select().from(plans).where(isPublicPlan()).orderBy(desc(plans.year), desc(plans.date));
  const today = vietnamDay(now);
  const presented = [];
  for (const plan of rows) {
    const { targets: _targets, comparison: _comparison, ...summary } = await presentPublic(db, plan, today);
    presented.push(summary);
  }
  return { items: presented };
}

export async function getPublicPlan(db: Database, planId: string, now = new Date()) {
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), isPublicPlan()));
  // An unpublished plan is not told apart from one that does not exist.
  if (!plan) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('plan', planId) } }]);
  return presentPublic(db, plan, vietnamDay(now));
}
