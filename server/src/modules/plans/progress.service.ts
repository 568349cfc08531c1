import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  currentRound,
  DomainError,
  displayedTaskState,
  formatCalendarDay,
  named,
  type Problem,
  progressReportProblems,
  type ReportingRound,
  type ReportStatus,
  reportExpected,
  reportedStateAction,
  reportingRounds,
  reportStatus,
  roundIsOpen,
  type TaskParty,
  type TaskState,
  taskMoveProblem,
  taskPartyOf,
  taskStateLabel,
  taskTransitionProblem,
  vietnamDay,
} from '@opendti/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import {
  planProgressReports,
  plans,
  planTaskComments,
  planTaskEvidence,
  planTasks,
  units,
  users,
} from '../../db/schema/index.js';
import type { EvidenceStorage } from '../../storage/evidence-storage.js';
import { inspectEvidenceFile, isInlineMediaType } from '../../storage/file-type.js';
import { recordAudit } from '../audit/audit.service.js';
import { parseLink, type UploadedFile } from '../evidence/evidence.service.js';
import { sanitiseFileName } from '../evidence/evidence-file-name.js';
import type { CommentBody, ProgressReportBody } from './progress-schemas.js';

/**
 * A plan's progress (issue 11): reporting rounds derived from the schedule (core), the lead unit's
 * report per task and round, files attached as evidence, and comments. The manager (provincial
 * office) sees every task of every plan; a unit sees the tasks it leads or coordinates of issued
 * (and closed) plans, and anything else is "not found" to it. Every change is audited.
 */

type PlanRow = typeof plans.$inferSelect;
type TaskRow = typeof planTasks.$inferSelect;
type ReportRow = typeof planProgressReports.$inferSelect;
type EvidenceRow = typeof planTaskEvidence.$inferSelect;
type Reader = Pick<Database, 'select'>;
type ProgressActor = Actor & { displayName?: string };

const isManager = (actor: Actor) => actor.role === 'administrator' || actor.role === 'periodManager';

const planNotFound = (planId: string) =>
  new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('plan', planId) } }]);
const taskNotFound = (taskId: string) =>
  new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('planTask', taskId) } }]);

interface UnitNames {
  byId: Map<string, { code: string; name: string }>;
}

async function unitNames(db: Reader): Promise<UnitNames> {
  const rows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units);
  return { byId: new Map(rows.map((row) => [row.id, { code: row.code, name: row.name }])) };
}

function partyOf(actor: Actor, task: TaskRow, names: UnitNames): TaskParty | undefined {
  const codeOf = (id: string) => names.byId.get(id)?.code;
  const lead = task.leadUnitId === null ? null : (codeOf(task.leadUnitId) ?? null);
  const coordinating = task.coordinatingUnitIds.map((id) => codeOf(id) ?? id);
  return taskPartyOf(actor, { lead, coordinating }, codeOf);
}

/** What the actor may see of a plan: the plan and the tasks it is party to, each with its party. */
interface Visible {
  plan: PlanRow;
  names: UnitNames;
  tasks: { row: TaskRow; party: TaskParty }[];
}

async function visiblePlan(db: Reader, actor: Actor, planId: string): Promise<Visible> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  // A unit is not told that a draft exists; it sees issued plans, and closed ones for the record.
  if (!plan || (!isManager(actor) && plan.status === 'draft')) throw planNotFound(planId);
  const names = await unitNames(db);
  const rows = await db.select().from(planTasks).where(eq(planTasks.planId, planId)).orderBy(asc(planTasks.position));
  const tasks = rows.flatMap((row) => {
    const party = partyOf(actor, row, names);
    return party === undefined ? [] : [{ row, party }];
  });
  if (!isManager(actor) && tasks.length === 0) throw planNotFound(planId);
  return { plan, names, tasks };
}

/** One task of a plan the actor is party to (a unit that is not is told it does not exist). */
async function visibleTask(db: Reader, actor: Actor, planId: string, taskId: string) {
  const visible = await visiblePlan(db, actor, planId).catch((error: unknown) => {
    throw error instanceof DomainError && error.kind === 'not-found' ? taskNotFound(taskId) : error;
  });
  const task = visible.tasks.find((candidate) => candidate.row.id === taskId);
  if (!task) throw taskNotFound(taskId);
  return { ...visible, task };
}

function presentEvidence(row: EvidenceRow, planId: string) {
  return {
    id: row.id,
    fileName: row.fileName,
    size: row.sizeBytes,
    mimeType: row.mediaType,
    uploadedAt: row.uploadedAt,
    inline: isInlineMediaType(row.mediaType),
    contentUrl: `/api/v1/plans/${planId}/tasks/${row.taskId}/evidence/${row.id}`,
  };
}

type ReportWithAuthor = { report: ReportRow; authorId: string | null; authorName: string | null };

async function reportsOf(db: Reader, planId: string): Promise<ReportWithAuthor[]> {
  return db
    .select({ report: planProgressReports, authorId: users.id, authorName: users.displayName })
    .from(planProgressReports)
    .leftJoin(users, eq(users.id, planProgressReports.submittedBy))
    .where(eq(planProgressReports.planId, planId))
    .orderBy(asc(planProgressReports.roundDueOn));
}

async function evidenceOf(db: Reader, planId: string): Promise<Map<string, EvidenceRow>> {
  const rows = await db.select().from(planTaskEvidence).where(eq(planTaskEvidence.planId, planId));
  return new Map(rows.map((row) => [row.id, row]));
}

function presentReport(entry: ReportWithAuthor, names: UnitNames, evidence: Map<string, EvidenceRow>) {
  const { report } = entry;
  return {
    id: report.id,
    taskId: report.taskId,
    roundDueOn: report.roundDueOn,
    unit: names.byId.get(report.unitId) ?? { code: '', name: '' },
    text: report.text,
    percent: report.percent,
    state: report.state as 'notStarted' | 'inProgress' | 'done',
    links: report.links,
    evidence: report.evidenceIds.flatMap((id) => {
      const row = evidence.get(id);
      return row ? [presentEvidence(row, report.planId)] : [];
    }),
    submittedAt: report.submittedAt,
    submittedBy:
      entry.authorId !== null && entry.authorName !== null ? { id: entry.authorId, displayName: entry.authorName } : null,
    updatedAt: report.updatedAt,
    version: report.version,
  };
}

type PresentedReport = ReturnType<typeof presentReport>;

interface RoundEntry {
  taskId: string;
  /** Always true for a row: the task owes a report in the round, or wrote one anyway. */
  expected: boolean;
  status: ReportStatus;
  report: PresentedReport | null;
}

/**
 * Per round, each task's status: every task owing a report, and any task that reported anyway.
 * `reportExpected` (core) drops cancelled tasks and tasks whose completion an earlier round reported.
 */
function roundEntries(
  round: ReportingRound,
  tasks: readonly TaskRow[],
  reports: readonly ReportWithAuthor[],
  present: (entry: ReportWithAuthor) => PresentedReport,
  today: string,
): RoundEntry[] {
  return tasks.flatMap((task) => {
    const own = reports.filter((entry) => entry.report.taskId === task.id);
    const found = own.find((entry) => entry.report.roundDueOn === round.dueOn);
    const doneEarlier = own.some((entry) => entry.report.roundDueOn < round.dueOn && entry.report.state === 'done');
    const expected = reportExpected({ state: task.state as TaskState }, doneEarlier);
    if (!expected && !found) return [];
    const submittedOn = found ? vietnamDay(found.report.submittedAt) : null;
    return [
      { taskId: task.id, expected: true, status: reportStatus(round, submittedOn, today), report: found ? present(found) : null },
    ];
  });
}

function countsOf(entries: readonly RoundEntry[]) {
  const count = (status: ReportStatus) => entries.filter((entry) => entry.status === status).length;
  return {
    expected: entries.length,
    submitted: count('submitted'),
    late: count('late'),
    missing: count('missing'),
    pending: count('pending'),
  };
}

function presentRound(round: ReportingRound, rounds: readonly ReportingRound[], today: string) {
  return {
    dueOn: round.dueOn,
    opensOn: round.opensOn,
    title: round.title,
    open: roundIsOpen(round, today),
    current: currentRound(rounds, today)?.dueOn === round.dueOn,
  };
}

/** The plan's rounds, each with the counts of the caller's tasks: expected, submitted on time, late, missing, not due yet. */
export async function listReportingRounds(db: Database, actor: Actor, planId: string, now = new Date()) {
  const { plan, names, tasks } = await visiblePlan(db, actor, planId);
  const today = vietnamDay(now);
  const rounds = reportingRounds(plan);
  const reports = await reportsOf(db, planId);
  const evidence = await evidenceOf(db, planId);
  const present = (entry: ReportWithAuthor) => presentReport(entry, names, evidence);
  const rows = tasks.map((task) => task.row);
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      documentNumber: plan.documentNumber,
      date: plan.date,
      status: plan.status,
      reportingSchedule: plan.reportingSchedule,
    },
    today,
    rounds: rounds.map((round) => ({
      ...presentRound(round, rounds, today),
      counts: countsOf(roundEntries(round, rows, reports, present, today)),
    })),
  };
}

function findRound(rounds: readonly ReportingRound[], dueOn: string): ReportingRound {
  const round = rounds.find((candidate) => candidate.dueOn === dueOn);
  if (round) return round;
  throw new DomainError('not-found', [
    {
      code: 'plan.unknown-round',
      params: {
        dueOn: formatCalendarDay(dueOn),
        dueOnEn: dueOn,
        known: rounds.map((candidate) => formatCalendarDay(candidate.dueOn)).join(', ') || '–',
        knownEn: rounds.map((candidate) => candidate.dueOn).join(', ') || '–',
      },
    },
  ]);
}

/** One round: a row per task owing a report (or having written one), with its status and the report. */
export async function listRoundReports(db: Database, actor: Actor, planId: string, dueOn: string, now = new Date()) {
  const { plan, names, tasks } = await visiblePlan(db, actor, planId);
  const today = vietnamDay(now);
  const rounds = reportingRounds(plan);
  const round = findRound(rounds, dueOn);
  const reports = await reportsOf(db, planId);
  const evidence = await evidenceOf(db, planId);
  const entries = roundEntries(
    round,
    tasks.map((task) => task.row),
    reports,
    (entry) => presentReport(entry, names, evidence),
    today,
  );
  const unit = (id: string) => names.byId.get(id) ?? { code: id, name: id };
  return {
    round: { ...presentRound(round, rounds, today), counts: countsOf(entries) },
    items: entries.map((entry) => {
      const { row, party } = tasks.find((task) => task.row.id === entry.taskId) as Visible['tasks'][number];
      return {
        task: {
          id: row.id,
          position: row.position,
          text: row.text,
          indicators: row.indicators,
          product: row.product,
          lead: row.leadUnitId === null ? null : unit(row.leadUnitId),
          coordinating: row.coordinatingUnitIds.map(unit),
          dueOn: row.dueOn,
          state: row.state as TaskState,
          displayedState: displayedTaskState({ state: row.state as TaskState, dueOn: row.dueOn }, today),
        },
        role: party,
        reportStatus: entry.status,
        report: entry.report,
      };
    }),
  };
}

/**
 * What `GET /units/me/plan-tasks` adds to each of the unit's tasks: every round of its plan with
 * the task's status and report, and the round being reported now.
 */
export async function taskReportingOf(db: Database, tasks: readonly { id: string; planId: string }[], now = new Date()) {
  const today = vietnamDay(now);
  const planIds = [...new Set(tasks.map((task) => task.planId))];
  const result = new Map<string, { currentRound: string | null; rounds: unknown[] }>();
  if (planIds.length === 0) return result;
  const names = await unitNames(db);
  const planRows = await db.select().from(plans).where(inArray(plans.id, planIds));
  const taskRows = await db.select().from(planTasks).where(inArray(planTasks.planId, planIds));
  for (const plan of planRows) {
    const rounds = reportingRounds(plan);
    const reports = await reportsOf(db, plan.id);
    const evidence = await evidenceOf(db, plan.id);
    const present = (entry: ReportWithAuthor) => presentReport(entry, names, evidence);
    for (const task of tasks.filter((candidate) => candidate.planId === plan.id)) {
      const row = taskRows.find((candidate) => candidate.id === task.id);
      if (!row) continue;
      result.set(task.id, {
        currentRound: currentRound(rounds, today)?.dueOn ?? null,
        rounds: rounds.map((round) => {
          const [entry] = roundEntries(round, [row], reports, present, today);
          return {
            ...presentRound(round, rounds, today),
            expected: entry?.expected ?? false,
            status: entry?.status ?? reportStatus(round, null, today),
            report: entry?.report ?? null,
          };
        }),
      });
    }
  }
  return result;
}

/** Reports and files come from the task's lead unit only. */
function requireLead(party: TaskParty, action: { vi: string; en: string }): void {
  if (party !== 'leadUnit') {
    throw new DomainError('forbidden', [{ code: 'plan.report-lead-only', params: { action: action.vi, actionEn: action.en } }]);
  }
}

const REPORT_ACTION = { vi: 'báo cáo tiến độ', en: 'report progress' };
const UPLOAD_ACTION = { vi: 'tải lên tài liệu kiểm chứng của nhiệm vụ', en: 'upload evidence of the task' };

const at = (path: string) => ({ column: path.replace(/\[.*$/, ''), path });

/**
 * The lead unit's report on a task in a round (PUT: written, or edited with `version`). Refused: a
 * plan not issued, an unknown round or one not open yet, a cancelled task, bad fields (each at its
 * path, both languages), a state the task workflow does not allow the lead unit to reach. The
 * reported state moves the task (audited as the same move by transitionPlanTask would be).
 */
export async function saveProgressReport(
  db: Database,
  actor: ProgressActor,
  planId: string,
  taskId: string,
  dueOn: string,
  body: Static<typeof ProgressReportBody>,
  now = new Date(),
) {
  const today = vietnamDay(now);
  await db.transaction(async (tx) => {
    const { plan, task } = await visibleTask(tx, actor, planId, taskId);
    requireLead(task.party, REPORT_ACTION);
    const notIssued = taskMoveProblem(plan.status);
    if (notIssued) throw new DomainError('conflict', [notIssued]);
    const round = findRound(reportingRounds(plan), dueOn);
    if (!roundIsOpen(round, today)) {
      throw new DomainError('conflict', [
        {
          code: 'plan.round-not-open',
          params: {
            dueOn: formatCalendarDay(round.dueOn),
            dueOnEn: round.dueOn,
            opensOn: formatCalendarDay(round.opensOn),
            opensOnEn: round.opensOn,
          },
        },
      ]);
    }
    // Locked: a report and a task move of the same task do not interleave.
    const [fresh] = await tx.select().from(planTasks).where(eq(planTasks.id, taskId)).for('update');
    const row = fresh as TaskRow;
    const state = row.state as TaskState;

    const problems: Problem[] = progressReportProblems(
      { text: row.text, state, ...(row.cancelReason ? { cancelReason: row.cancelReason } : {}) },
      body,
    ).map((problem) => ({
      ...problem,
      location: problem.code === 'plan.report-bad-percent' ? at('percent') : at('state'),
    }));
    if (state === 'cancelled') throw new DomainError('invalid-input', problems);
    if (!body.text.trim()) problems.push({ code: 'plan.report-missing-text', location: at('text') });
    const links: string[] = [];
    body.links.forEach((link, index) => {
      const parsed = link.trim() ? parseLink(link) : undefined;
      if (parsed === undefined)
        problems.push({ code: 'plan.report-bad-link', params: { value: link }, location: at(`links[${index}]`) });
      else links.push(parsed);
    });
    const evidenceIds = [...new Set(body.evidenceIds)];
    if (evidenceIds.length > 0) {
      const owned = await tx
        .select({ id: planTaskEvidence.id })
        .from(planTaskEvidence)
        .where(and(eq(planTaskEvidence.taskId, taskId), inArray(planTaskEvidence.id, evidenceIds)));
      const ownedIds = new Set(owned.map((item) => item.id));
      body.evidenceIds.forEach((id, index) => {
        if (!ownedIds.has(id))
          problems.push({ code: 'plan.report-unknown-evidence', params: { id }, location: at(`evidenceIds[${index}]`) });
      });
    }
    const action = reportedStateAction(state, body.state);
    if (action === undefined) {
      problems.push({
        code: 'plan.report-state-backwards',
        params: {
          from: taskStateLabel(state, 'vi'),
          fromEn: taskStateLabel(state, 'en'),
          to: taskStateLabel(body.state, 'vi'),
          toEn: taskStateLabel(body.state, 'en'),
        },
        location: at('state'),
      });
    }
    if (problems.length > 0) throw new DomainError('invalid-input', problems);
    if (action) {
      const refusal = taskTransitionProblem({ action, from: state, party: 'leadUnit' });
      if (refusal) throw new DomainError(refusal.kind, [{ ...refusal.problem, location: at('state') }]);
    }

    const [existing] = await tx
      .select()
      .from(planProgressReports)
      .where(and(eq(planProgressReports.taskId, taskId), eq(planProgressReports.roundDueOn, dueOn)))
      .for('update');
    if (existing && existing.version !== body.version) {
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: {
            what: { vi: 'báo cáo tiến độ', en: 'progress report' },
            current: existing.version,
            based: body.version ?? '–',
          },
        },
      ]);
    }
    const values = { text: body.text.trim(), percent: body.percent, state: body.state, links, evidenceIds };
    const unitId = row.leadUnitId as string;
    let reportId: string;
    if (existing) {
      await tx
        .update(planProgressReports)
        .set({ ...values, unitId, updatedAt: now, updatedBy: actor.userId, version: existing.version + 1 })
        .where(eq(planProgressReports.id, existing.id));
      reportId = existing.id;
    } else {
      const [created] = await tx
        .insert(planProgressReports)
        .values({
          ...values,
          planId,
          taskId,
          roundDueOn: dueOn,
          unitId,
          submittedAt: now,
          submittedBy: actor.userId,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .returning({ id: planProgressReports.id });
      reportId = (created as { id: string }).id;
    }
    await recordAudit(tx, {
      actor,
      action: existing ? 'plan.report.update' : 'plan.report.submit',
      entityType: 'planProgressReport',
      entityId: reportId,
      unitId,
      oldValue: existing
        ? {
            text: existing.text,
            percent: existing.percent,
            state: existing.state,
            links: existing.links,
            evidenceIds: existing.evidenceIds,
          }
        : undefined,
      newValue: { taskId, roundDueOn: dueOn, ...values },
    });
    if (action) {
      await tx
        .update(planTasks)
        .set({ state: body.state, cancelReason: null, version: row.version + 1, updatedAt: now })
        .where(eq(planTasks.id, taskId));
      await recordAudit(tx, {
        actor,
        action: `plan.task.${action}`,
        entityType: 'planTask',
        entityId: taskId,
        unitId,
        oldValue: { state },
        newValue: { state: body.state, byReport: reportId, roundDueOn: dueOn },
      });
    }
  });
  const reports = await listRoundReports(db, actor, planId, dueOn, now);
  const item = reports.items.find((candidate) => candidate.task.id === taskId);
  return item?.report as PresentedReport;
}

/** Before an upload's body is read: the caller is the task's lead unit and the plan takes reports. */
export async function requireTaskEvidenceWritable(db: Reader, actor: Actor, planId: string, taskId: string): Promise<void> {
  const { plan, task } = await visibleTask(db, actor, planId, taskId);
  requireLead(task.party, UPLOAD_ACTION);
  const notIssued = taskMoveProblem(plan.status);
  if (notIssued) throw new DomainError('conflict', [notIssued]);
}

/**
 * Files the lead unit attaches to a task, checked by content with the assessment evidence's rules
 * (type, size, no programs or macros; the whole batch refused if one file is) and kept in the same
 * content-addressed storage. The same file uploaded again for the task is returned, not duplicated.
 */
export async function addTaskEvidence(
  db: Database,
  storage: EvidenceStorage,
  actor: ProgressActor,
  planId: string,
  taskId: string,
  files: UploadedFile[],
) {
  if (files.length === 0) throw new DomainError('invalid-input', [{ code: 'evidence.no-files' }]);
  const problems: Problem[] = [];
  const accepted: { fileName: string; bytes: Buffer; mediaType: string }[] = [];
  for (const file of files) {
    const fileName = sanitiseFileName(file.fileName);
    const outcome = inspectEvidenceFile(fileName, file.bytes);
    if ('problem' in outcome) problems.push(outcome.problem);
    else accepted.push({ fileName, bytes: file.bytes, mediaType: outcome.mediaType });
  }
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  // Stored before the rows are written: a row never points at missing content.
  const stored: { fileName: string; mediaType: string; sha256: string; size: number }[] = [];
  for (const file of accepted)
    stored.push({ fileName: file.fileName, mediaType: file.mediaType, ...(await storage.put(file.bytes)) });

  return db.transaction(async (tx) => {
    await requireTaskEvidenceWritable(tx, actor, planId, taskId);
    const [task] = await tx.select({ leadUnitId: planTasks.leadUnitId }).from(planTasks).where(eq(planTasks.id, taskId));
    const items: ReturnType<typeof presentEvidence>[] = [];
    for (const file of stored) {
      const [existing] = await tx
        .select()
        .from(planTaskEvidence)
        .where(and(eq(planTaskEvidence.taskId, taskId), eq(planTaskEvidence.sha256, file.sha256)))
        .limit(1);
      if (existing) {
        items.push(presentEvidence(existing, planId));
        continue;
      }
      const [row] = await tx
        .insert(planTaskEvidence)
        .values({
          planId,
          taskId,
          sha256: file.sha256,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.size,
          uploadedBy: actor.userId,
        })
        .returning();
      const created = row as EvidenceRow;
      await recordAudit(tx, {
        actor,
        action: 'plan.evidence.add',
        entityType: 'planTaskEvidence',
        entityId: created.id,
        ...(task?.leadUnitId ? { unitId: task.leadUnitId } : {}),
        newValue: {
          taskId,
          fileName: created.fileName,
          sha256: created.sha256,
          sizeBytes: created.sizeBytes,
          mediaType: created.mediaType,
        },
      });
      items.push(presentEvidence(created, planId));
    }
    return items;
  });
}

/** A task's file, for the manager, the lead and the coordinating units of the task. */
export async function loadTaskEvidence(db: Database, actor: Actor, planId: string, taskId: string, evidenceId: string) {
  await visibleTask(db, actor, planId, taskId);
  const [row] = await db
    .select()
    .from(planTaskEvidence)
    .where(and(eq(planTaskEvidence.id, evidenceId), eq(planTaskEvidence.taskId, taskId)));
  if (!row)
    throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('planTaskEvidence', evidenceId) } }]);
  return row;
}

function presentComment(
  row: typeof planTaskComments.$inferSelect,
  author: { id: string | null; displayName: string | null },
  task: TaskRow,
  names: UnitNames,
) {
  const party: TaskParty = row.unitId === null ? 'manager' : row.unitId === task.leadUnitId ? 'leadUnit' : 'coordinatingUnit';
  return {
    id: row.id,
    text: row.text,
    createdAt: row.createdAt,
    author: author.id !== null && author.displayName !== null ? { id: author.id, displayName: author.displayName } : null,
    unit: row.unitId === null ? null : (names.byId.get(row.unitId) ?? null),
    party,
  };
}

/** The task's comments (trao đổi), oldest first. */
export async function listTaskComments(db: Database, actor: Actor, planId: string, taskId: string) {
  const { names, task } = await visibleTask(db, actor, planId, taskId);
  const rows = await db
    .select({ comment: planTaskComments, authorId: users.id, authorName: users.displayName })
    .from(planTaskComments)
    .leftJoin(users, eq(users.id, planTaskComments.userId))
    .where(eq(planTaskComments.taskId, taskId))
    .orderBy(asc(planTaskComments.createdAt), asc(planTaskComments.id));
  return rows.map((entry) =>
    presentComment(entry.comment, { id: entry.authorId, displayName: entry.authorName }, task.row, names),
  );
}

/** A comment by the manager, the lead unit or a coordinating unit, on a task of an issued plan; audited. */
export async function addTaskComment(
  db: Database,
  actor: ProgressActor,
  planId: string,
  taskId: string,
  body: Static<typeof CommentBody>,
) {
  const text = body.text.trim();
  if (!text) throw new DomainError('invalid-input', [{ code: 'plan.comment-empty', location: at('text') }]);
  return db.transaction(async (tx) => {
    const { plan, names, task } = await visibleTask(tx, actor, planId, taskId);
    const notIssued = taskMoveProblem(plan.status);
    if (notIssued) throw new DomainError('conflict', [notIssued]);
    const unitId = task.party === 'manager' ? null : (actor.unitId ?? null);
    const [row] = await tx.insert(planTaskComments).values({ taskId, unitId, userId: actor.userId, text }).returning();
    const created = row as typeof planTaskComments.$inferSelect;
    await recordAudit(tx, {
      actor,
      action: 'plan.task.comment',
      entityType: 'planTaskComment',
      entityId: created.id,
      ...(unitId ? { unitId } : {}),
      newValue: { taskId, text },
    });
    const [author] = await tx
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, actor.userId));
    return presentComment(created, author ?? { id: null, displayName: null }, task.row, names);
  });
}
