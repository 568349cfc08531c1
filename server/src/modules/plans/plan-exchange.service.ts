import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  carryOwnership,
  DomainError,
  formatMessage,
  named,
  type PlanTask,
  type Problem,
  TASK_STATE_LABELS,
  type TaskState,
  taskImportProblem,
} from '@opendti/core';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { frameworks, indicatorOwnership, plans, planTasks, units } from '../../db/schema/index.js';
import { readPlanTasksWorkbook } from '../../spreadsheets/read-plan-workbook.js';
import { writePlanTasksWorkbook } from '../../spreadsheets/write-plan-workbook.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { readOwnership } from './ownership.service.js';
import type { CarryOverBody, PlanTasksImportBody } from './plan-dashboard-schemas.js';
import { loadPlan, unitRegister, validationContext } from './plans.service.js';

/**
 * A plan's task table in and out as the official workbook (issue 11: "Import and export of a plan
 * as XLSX … round-trips without loss, with a per-row report on bad rows and nothing imported
 * half"), and the ownership table carried from one framework to the next ("carried into next
 * year's framework by indicator code, and by a mapping where codes change").
 */

type TaskRow = typeof planTasks.$inferSelect;

/** A plan's tasks in core's shape (unit codes, not ids), in STT order. */
async function planTasksOf(db: Pick<Database, 'select'>, planId: string): Promise<{ rows: TaskRow[]; tasks: PlanTask[] }> {
  const register = await unitRegister(db);
  const rows = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const tasks = rows.map(
    (row): PlanTask => ({
      id: row.id,
      text: row.text,
      indicators: row.indicators,
      lead: row.leadUnitId === null ? null : (register.codeOf.get(row.leadUnitId) ?? null),
      coordinating: row.coordinatingUnitIds.map((id) => register.codeOf.get(id) ?? id),
      product: row.product,
      startOn: row.startOn,
      dueOn: row.dueOn,
      state: row.state as TaskState,
      ...(row.cancelReason ? { cancelReason: row.cancelReason } : {}),
    }),
  );
  return { rows, tasks };
}

/** "Kế hoạch 187-KH-UBND năm 2023 - nhiệm vụ.xlsx": readable in Vietnamese, no path separators. */
export function planTasksFileName(plan: { documentNumber: string; year: number }): string {
  const number = plan.documentNumber.trim().replace(/[\\/:*?"<>|]+/g, '-');
  return `Kế hoạch ${number || 'dự thảo'} năm ${plan.year} - nhiệm vụ.xlsx`;
}

export async function exportPlanTasks(db: Database, planId: string) {
  const plan = await loadPlan(db, planId);
  const { tasks } = await planTasksOf(db, planId);
  const bytes = await writePlanTasksWorkbook(tasks, { title: plan.title, documentNumber: plan.documentNumber, date: plan.date });
  return { fileName: planTasksFileName(plan), bytes };
}

/** A problem as the import report shows it: where, and the message in both languages (no location prefix). */
function rowProblem(problem: Problem) {
  return {
    row: problem.location?.row ?? null,
    column: problem.location?.column ?? null,
    code: problem.code,
    message: { vi: formatMessage(problem, 'vi'), en: formatMessage(problem, 'en') },
  };
}

/**
 * Replaces a DRAFT plan's task table with the workbook's, all or nothing. Rows carrying the id of
 * one of the plan's tasks update it (so an exported table read back is the same tasks, ids and
 * all); rows without one (or with another plan's) are added; tasks not in the file are removed.
 * A draft's tasks have not started: the workflow moves them only once the plan is issued, so a
 * row in another state is refused at its state cell. An issued or closed plan is refused (409).
 */
export async function importPlanTasks(db: Database, actor: Actor, planId: string, body: Static<typeof PlanTasksImportBody>) {
  const plan = await loadPlan(db, planId);
  refuseNotDraft(plan);
  const register = await unitRegister(db);
  const unitRows = await db
    .select({ code: units.code, name: units.name, activeFrom: units.activeFrom, activeTo: units.activeTo })
    .from(units);
  const context = await validationContext(db, plan, register);
  const bytes = Buffer.from(body.contentBase64, 'base64');
  const read = await readPlanTasksWorkbook(bytes, {
    framework: { id: context.frameworkId, indicatorCodes: context.indicatorCodes },
    units: unitRows.map((unit) => ({
      code: unit.code,
      name: unit.name,
      ...(unit.activeFrom ? { activeFrom: unit.activeFrom } : {}),
      ...(unit.activeTo ? { activeTo: unit.activeTo } : {}),
    })),
    planDate: plan.date,
    planYear: plan.year,
    file: body.fileName,
  });
  // A plan with no framework in its basis has no indicator list to check against (as when a task is added by hand).
  const problems = read.problems.filter(
    (problem) => !(context.indicatorCodes.size === 0 && problem.code === 'plan.task-unknown-indicator'),
  );
  read.tasks.forEach((task, index) => {
    if (task.state === 'notStarted') return;
    problems.push({
      code: 'plan.import-state-in-draft',
      params: { state: TASK_STATE_LABELS[task.state].vi, stateEn: TASK_STATE_LABELS[task.state].en },
      location: { file: body.fileName, row: read.rows[index] ?? 0, column: 'Trạng thái' },
    });
  });
  const tasks = problems.length > 0 ? [] : read.tasks;
  const report = { rows: tasks.length, imported: false, added: 0, updated: 0, removed: 0, problems: problems.map(rowProblem) };
  if (problems.length > 0) return report;
  const idOf = (code: string) => register.byCode.get(code)?.id as string;
  if (body.dryRun === true) {
    const changes = taskTableChanges(await planTaskRows(db, planId), tasks, idOf);
    return { ...report, added: changes.add.length, updated: changes.update.length, removed: changes.remove.length };
  }

  return db.transaction(async (tx) => {
    const current = await loadPlan(tx, planId);
    refuseNotDraft(current);
    const { tasks: before } = await planTasksOf(tx, planId);
    const rows = await planTaskRows(tx, planId);
    const changes = taskTableChanges(rows, tasks, idOf);
    for (const row of changes.remove) await tx.delete(planTasks).where(eq(planTasks.id, row.id));
    for (const { row, values } of changes.update) {
      await tx
        .update(planTasks)
        .set({ ...values, version: row.version + 1, updatedAt: new Date() })
        .where(eq(planTasks.id, row.id));
    }
    if (changes.add.length > 0) await tx.insert(planTasks).values(changes.add.map((values) => ({ ...values, planId })));
    await tx
      .update(plans)
      .set({ version: current.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, planId));
    const known = new Set(rows.map((row) => row.id));
    await recordAudit(tx, {
      actor,
      action: 'plan.tasks.import',
      entityType: 'plan',
      entityId: planId,
      oldValue: before,
      newValue: { file: body.fileName, tasks: tasks.map(({ id, ...task }) => ({ ...(known.has(id) ? { id } : {}), ...task })) },
    });
    return {
      ...report,
      imported: true,
      added: changes.add.length,
      updated: changes.update.length,
      removed: changes.remove.length,
    };
  });
}

const planTaskRows = (db: Pick<Database, 'select'>, planId: string) =>
  db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));

/**
 * What replacing the stored tasks by the read ones changes: the stored tasks the file no longer
 * names are removed, those it names and changes are updated (unchanged ones are left, version and
 * all), and rows without a stored id are added. Every task ends not started (a draft's).
 */
function taskTableChanges(rows: readonly TaskRow[], tasks: readonly PlanTask[], idOf: (code: string) => string) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const listed = new Set(tasks.map((task) => task.id));
  const update: { row: TaskRow; values: ReturnType<typeof valuesOf> }[] = [];
  const add: ReturnType<typeof valuesOf>[] = [];
  function valuesOf(task: PlanTask, position: number) {
    return {
      position,
      text: task.text,
      indicators: task.indicators,
      leadUnitId: task.lead === null ? null : idOf(task.lead),
      coordinatingUnitIds: task.coordinating.map(idOf),
      product: task.product,
      startOn: task.startOn,
      dueOn: task.dueOn,
      state: 'notStarted',
      cancelReason: null,
    };
  }
  tasks.forEach((task, index) => {
    const values = valuesOf(task, index + 1);
    const row = byId.get(task.id);
    if (!row) {
      add.push(values);
      return;
    }
    const same = (Object.keys(values) as (keyof typeof values)[]).every(
      (key) => JSON.stringify(row[key]) === JSON.stringify(values[key]),
    );
    if (!same) update.push({ row, values });
  });
  return { remove: rows.filter((row) => !listed.has(row.id)), update, add };
}

function refuseNotDraft(plan: { status: string }): void {
  const problem = taskImportProblem(plan.status);
  if (problem) throw new DomainError('conflict', [problem]);
}

const indicatorCodesOf = (framework: Awaited<ReturnType<typeof getCompiledFramework>>) =>
  framework.indicatorNodes.map((index) => framework.nodes[index]?.code ?? '');

/**
 * Carries another framework's ownership table (last year's) into this one: by indicator code, and
 * by `mapping` where codes changed (core's `carryOwnership`). Replaces this framework's table, all or
 * nothing, audited; `dryRun` shows the result only. Old codes with no place here are listed as not
 * carried; new indicators left without an owner as unowned.
 */
export async function carryOverOwnership(db: Database, actor: Actor, frameworkId: string, body: Static<typeof CarryOverBody>) {
  const target = await getCompiledFramework(db, frameworkId);
  if (body.fromFrameworkId === frameworkId) {
    throw new DomainError('invalid-input', [
      { code: 'plan.carry-over-same-framework', params: { framework: frameworkId }, location: { path: 'fromFrameworkId' } },
    ]);
  }
  const [known] = await db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.id, body.fromFrameworkId));
  if (!known) {
    throw new DomainError('invalid-input', [
      {
        code: 'http.not-found',
        params: { what: named('framework', body.fromFrameworkId) },
        location: { path: 'fromFrameworkId', column: 'fromFrameworkId' },
      },
    ]);
  }
  const source = await getCompiledFramework(db, body.fromFrameworkId);
  const oldCodes = new Set(indicatorCodesOf(source));
  const newCodes = indicatorCodesOf(target);
  const newSet = new Set(newCodes);
  const problems: Problem[] = [];
  (body.mapping ?? []).forEach((pair, index) => {
    if (!oldCodes.has(pair.from)) {
      problems.push({
        code: 'plan.carry-over-unknown-code',
        params: { field: `mapping[${index}].from`, code: pair.from, framework: body.fromFrameworkId },
        location: { path: `mapping[${index}].from` },
      });
    }
    if (!newSet.has(pair.to)) {
      problems.push({
        code: 'plan.carry-over-unknown-code',
        params: { field: `mapping[${index}].to`, code: pair.to, framework: frameworkId },
        location: { path: `mapping[${index}].to` },
      });
    }
  });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);

  const mapping = Object.fromEntries((body.mapping ?? []).map((pair) => [pair.from, pair.to]));
  const previous = await readOwnership(db, body.fromFrameworkId);
  const result = carryOwnership(previous, newCodes, mapping);
  const fromOf = new Map<string, string>();
  for (const owner of previous) {
    const to = Object.hasOwn(mapping, owner.indicator) ? (mapping[owner.indicator] as string) : owner.indicator;
    if (!fromOf.has(to)) fromOf.set(to, owner.indicator);
  }
  const carried = result.owners.map((owner) => ({ ...owner, from: fromOf.get(owner.indicator) ?? owner.indicator }));
  const response = { carried, notCarried: result.dropped, unowned: result.unowned, saved: false };
  if (body.dryRun === true) return response;

  const register = await unitRegister(db);
  const before = await readOwnership(db, frameworkId);
  await db.transaction(async (tx) => {
    await tx.delete(indicatorOwnership).where(eq(indicatorOwnership.frameworkId, frameworkId));
    if (result.owners.length > 0) {
      await tx.insert(indicatorOwnership).values(
        result.owners.map((owner) => ({
          frameworkId,
          indicatorCode: owner.indicator,
          leadUnitId: register.byCode.get(owner.lead)?.id as string,
          coordinatingUnitIds: owner.coordinating.flatMap((code) => register.byCode.get(code)?.id ?? []),
        })),
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'plan.ownership.carryOver',
      entityType: 'indicatorOwnership',
      entityId: frameworkId,
      oldValue: before,
      newValue: { fromFrameworkId: body.fromFrameworkId, mapping: body.mapping ?? [], owners: result.owners },
    });
  });
  return { ...response, saved: true };
}
