import {
  type Actor,
  type CompiledFramework,
  DomainError,
  deadlineExtensionProblems,
  evaluateAssessmentActions,
  evaluateUnitActions,
  isSubmittedLate,
  type Locale,
  named,
  type Participation,
  presentActions,
  type UnitAction,
  unitDeadline,
  unitProgressStatus,
} from '@opendti/core';
import { and, eq, inArray, isNull, like, max } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, assessments, auditLog, evidence, periodCohorts, periods, periodUnits, units } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import type { AssessmentContext } from './assessment-context.js';
import { answerableCodes, answerProgress } from './assessments.service.js';
import { computeSelfTotal } from './self-total.js';

const latest = (...dates: (Date | string | null | undefined)[]): Date | null => {
  let found: Date | null = null;
  for (const value of dates) {
    if (value === null || value === undefined) continue;
    const date = new Date(value);
    if (found === null || date > found) found = date;
  }
  return found;
};

/**
 * The period manager's status board: every unit of the period with its assessment's state, how much
 * it answered, the evidence still missing, its self points (the leader's total, so weighted-mean
 * frameworks come out right), its last activity, the deadline that applies to it, whether it
 * submitted late, its progress status (core's `unitProgressStatus`) and what the manager may do.
 * One query per table for the whole period.
 */
export async function getStatusBoard(db: Database, actor: Actor, periodId: string, locale: Locale, now = new Date()) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  const cohortRows = await db.select().from(periodCohorts).where(eq(periodCohorts.periodId, periodId));
  const frameworks = new Map<string, CompiledFramework>();
  for (const cohort of cohortRows) frameworks.set(cohort.frameworkId, await getCompiledFramework(db, cohort.frameworkId));
  const frameworkOfKind = new Map(cohortRows.map((cohort) => [cohort.unitKind, cohort.frameworkId]));
  const codesOf = new Map([...frameworks].map(([id, framework]) => [id, answerableCodes({ framework } as AssessmentContext)]));

  const rows = await db
    .select({ unit: units, assessment: assessments })
    .from(periodUnits)
    .innerJoin(units, eq(units.id, periodUnits.unitId))
    .leftJoin(assessments, and(eq(assessments.periodId, periodUnits.periodId), eq(assessments.unitId, periodUnits.unitId)))
    .where(eq(periodUnits.periodId, periodId))
    .orderBy(units.code);
  const ids = rows.flatMap((row) => (row.assessment ? [row.assessment.id] : []));
  const [answerRows, evidenceRows, transitionRows] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db.select().from(answers).where(inArray(answers.assessmentId, ids)),
          db
            .select({ assessmentId: evidence.assessmentId, indicatorCode: evidence.indicatorCode, createdAt: evidence.createdAt })
            .from(evidence)
            .where(and(inArray(evidence.assessmentId, ids), isNull(evidence.deletedAt))),
          db
            .select({ assessmentId: auditLog.assessmentId, at: max(auditLog.at) })
            .from(auditLog)
            .where(and(inArray(auditLog.assessmentId, ids), like(auditLog.action, 'assessment.%')))
            .groupBy(auditLog.assessmentId),
        ]);
  const answersOf = new Map<string, (typeof answerRows)[number][]>();
  for (const row of answerRows) answersOf.set(row.assessmentId, [...(answersOf.get(row.assessmentId) ?? []), row]);
  const evidenceCount = new Map<string, number>();
  const lastEvidence = new Map<string, Date>();
  for (const row of evidenceRows) {
    const key = `${row.assessmentId}\u0000${row.indicatorCode}`;
    evidenceCount.set(key, (evidenceCount.get(key) ?? 0) + 1);
    const seen = lastEvidence.get(row.assessmentId);
    if (!seen || row.createdAt > seen) lastEvidence.set(row.assessmentId, row.createdAt);
  }
  const lastTransition = new Map(transitionRows.map((row) => [row.assessmentId, row.at]));

  const items = rows.map(({ unit, assessment }) => {
    const frameworkId = assessment?.frameworkId ?? frameworkOfKind.get(unit.kind);
    const framework = frameworkId === undefined ? undefined : frameworks.get(frameworkId);
    const codes = frameworkId === undefined ? [] : (codesOf.get(frameworkId) ?? []);
    const own = assessment ? (answersOf.get(assessment.id) ?? []) : [];
    const byCode = new Map(own.map((row) => [row.indicatorCode, row]));
    let answered = 0;
    let evidenceMissing = 0;
    for (const code of codes) {
      const progress = answerProgress(byCode.get(code), evidenceCount.get(`${assessment?.id}\u0000${code}`) ?? 0);
      if (progress.answered) answered++;
      if (progress.evidenceMissing) evidenceMissing++;
    }
    const participation = assessment?.participation ?? 'participating';
    const facts = {
      periodState: period.state,
      assessmentState: assessment?.state,
      participation,
      answered,
      submittedAt: assessment?.submittedAt ?? null,
      submittedAtClose: assessment?.submittedAtClose ?? false,
      periodDeadline: period.selfAssessmentDeadline,
    };
    const deadline = unitDeadline(period.selfAssessmentDeadline, assessment?.deadlineExtendedTo);
    const workflow = assessment
      ? presentActions(
          evaluateAssessmentActions(actor, {
            state: assessment.state,
            periodState: period.state,
            unitId: unit.id,
            now,
            deadline,
          }),
          locale,
        )
      : { allowedActions: [], reasonRequired: [], deniedActions: [] };
    const unitActions = presentActions(
      evaluateUnitActions(actor, {
        periodState: period.state,
        assessmentState: assessment?.state,
        participation,
        answered,
        unitId: unit.id,
      }),
      locale,
    );
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
      assessmentId: assessment?.id ?? null,
      state: assessment?.state ?? null,
      status: unitProgressStatus(facts),
      participation,
      participationReason: assessment?.participationReason ?? null,
      answered,
      indicators: codes.length,
      evidenceMissing,
      selfTotal: framework ? computeSelfTotal(framework, own) : null,
      lastActivity: latest(
        ...own.map((row) => row.updatedAt),
        assessment ? lastEvidence.get(assessment.id) : null,
        assessment ? lastTransition.get(assessment.id) : null,
      ),
      deadline,
      deadlineExtended: assessment?.deadlineExtendedTo != null,
      submittedAt: assessment?.submittedAt ?? null,
      submittedAtClose: assessment?.submittedAtClose ?? false,
      submittedLate: isSubmittedLate(facts),
      ...workflow,
      unitActions: unitActions.allowedActions,
      unitActionsDenied: unitActions.deniedActions,
    };
  });

  return {
    period: {
      id: period.id,
      year: period.year,
      name: period.name,
      state: period.state,
      selfAssessmentDeadline: period.selfAssessmentDeadline,
    },
    items,
  };
}

/** The manager's control, checked by core for this unit now: refused with the reason core gives. */
function requireUnitAction(actor: Actor, context: AssessmentContext, answered: number, action: UnitAction): void {
  const verdict = evaluateUnitActions(actor, {
    periodState: context.period.state,
    assessmentState: context.assessment.state,
    participation: context.assessment.participation,
    answered,
    unitId: context.unit.id,
  }).find((judged) => judged.action === action)?.verdict;
  if (verdict && !verdict.allowed) {
    throw new DomainError(verdict.reason === 'missing-capability' ? 'forbidden' : 'conflict', [verdict.problem]);
  }
}

async function answeredOf(db: Pick<Database, 'select'>, context: AssessmentContext): Promise<number> {
  const rows = await db.select().from(answers).where(eq(answers.assessmentId, context.assessment.id));
  const byCode = new Map(rows.map((row) => [row.indicatorCode, row]));
  return answerableCodes(context).filter((code) => answerProgress(byCode.get(code), 1).answered).length;
}

/**
 * Gives one unit its own last day to submit (after the period's deadline), with a reason, audited.
 * The submit guard then uses it (core's `unitDeadline`) instead of the period's.
 */
export async function extendDeadline(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  input: { date: string; reason: string },
  now: Date,
) {
  requireUnitAction(actor, context, 0, 'extendDeadline');
  const problems = deadlineExtensionProblems({ ...input, periodDeadline: context.period.selfAssessmentDeadline, now });
  if (problems.length > 0) throw new DomainError('invalid-input', problems);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(assessments)
      .set({ deadlineExtendedTo: input.date, version: context.assessment.version + 1 })
      .where(and(eq(assessments.id, context.assessment.id), eq(assessments.version, context.assessment.version)))
      .returning();
    if (!updated) throw staleAssessment(context);
    await recordAudit(tx, {
      actor,
      action: 'assessment.deadlineExtended',
      entityType: 'assessment',
      entityId: context.assessment.id,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      oldValue: { deadline: unitDeadline(context.period.selfAssessmentDeadline, context.assessment.deadlineExtendedTo) },
      newValue: { deadline: input.date },
      reason: input.reason.trim(),
    });
    return { id: updated.id, deadline: input.date };
  });
}

function staleAssessment(context: AssessmentContext): DomainError {
  return new DomainError('conflict', [
    { code: 'http.stale-version', params: { what: named('assessment'), current: '?', based: context.assessment.version } },
  ]);
}

const PARTICIPATION_ACTION: Record<Participation, UnitAction> = {
  participating: 'restoreParticipation',
  notParticipating: 'markNotParticipating',
  scoredAsZero: 'scoreAsZero',
};

/**
 * The manager takes a unit out of the period, scores a unit that entered nothing as zero, or undoes
 * either; always with a reason, audited. A unit taken out is left out of the publish guard, the
 * results and the ranking.
 */
export async function setParticipation(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  input: { participation: Participation; reason: string },
) {
  requireUnitAction(actor, context, await answeredOf(db, context), PARTICIPATION_ACTION[input.participation]);
  if (!input.reason.trim()) throw new DomainError('invalid-input', [{ code: 'unit-action.reason-required' }]);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(assessments)
      .set({
        participation: input.participation,
        participationReason: input.participation === 'participating' ? null : input.reason.trim(),
        version: context.assessment.version + 1,
      })
      .where(and(eq(assessments.id, context.assessment.id), eq(assessments.version, context.assessment.version)))
      .returning();
    if (!updated) throw staleAssessment(context);
    await recordAudit(tx, {
      actor,
      action: 'assessment.participationChanged',
      entityType: 'assessment',
      entityId: context.assessment.id,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      oldValue: { participation: context.assessment.participation },
      newValue: { participation: input.participation },
      reason: input.reason.trim(),
    });
    return { id: updated.id, participation: input.participation };
  });
}
