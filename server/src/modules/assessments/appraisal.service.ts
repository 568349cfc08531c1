import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  addWorkingDays,
  applyTransition,
  awaitingUnitCodes,
  DomainError,
  evaluateIndicatorActions,
  formatCalendarDay,
  isCalendarDay,
  named,
  readPoints,
  unitDeadline,
  vietnamDay,
} from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, appraisals, assessments, supplementationRequests } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { raiseCouncilFinalised, raiseRebuttalOpened, raiseSupplementationRequested } from '../notifications/raise-events.js';
import { type AssessmentContext, mainIndexCodeOf, requireAnswerableNode } from './assessment-context.js';
import type { DecisionBody } from './assessment-schemas.js';

export type AppraisalRow = typeof appraisals.$inferSelect;

export type DecisionInput = Static<typeof DecisionBody>;

function invalid(
  code: 'appraisal.points-required' | 'appraisal.reason-required' | 'appraisal.request-text-required',
  indicator: string,
) {
  return new DomainError('invalid-input', [{ code, params: { indicator } }]);
}

/**
 * The council's decision on one indicator (seed 001: "công nhận hoặc điều chỉnh điểm tự chấm"):
 * accept the self points, adjust them with a reason, or ask the unit to add evidence or explain.
 * The first decision starts the appraisal; a request for supplementation makes only that indicator
 * wait for the unit (seed 001 §1.3 b, "đối với từng chỉ số thành phần"): the rest stay open to their
 * appraisers. Whether this actor may decide this indicator now is core's `evaluateIndicatorActions`,
 * the verdict the page rendered. Audited with old → new points.
 */
export async function decideIndicator(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  code: string,
  input: DecisionInput,
  now: Date,
): Promise<AppraisalRow> {
  const { assessment } = context;
  const node = requireAnswerableNode(context.framework, code);
  const requests = await db
    .select({ indicatorCode: supplementationRequests.indicatorCode, status: supplementationRequests.status })
    .from(supplementationRequests)
    .where(eq(supplementationRequests.assessmentId, assessment.id));
  const verdicts = evaluateIndicatorActions(actor, {
    state: assessment.state,
    periodState: context.period.state,
    unitId: context.unit.id,
    indicatorCode: code,
    mainIndexCode: mainIndexCodeOf(context.framework, code),
    openRequestCodes: requests.filter((row) => row.status === 'open').map((row) => row.indicatorCode),
    awaitingUnitCodes: awaitingUnitCodes(assessment.state, requests),
  });
  const verdict = input.decision === 'supplementationRequested' ? verdicts.requestSupplementation : verdicts.decide;
  if (!verdict.allowed) {
    throw new DomainError(verdict.reason === 'missing-capability' ? 'forbidden' : 'conflict', [verdict.problem]);
  }
  if (input.decision === 'adjusted') {
    if (input.appraisedPoints === undefined || input.appraisedPoints === null) throw invalid('appraisal.points-required', code);
    // The same bounds as the unit's own points (core's readPoints): 0 … the indicator's maximum.
    const read = readPoints(node, input.appraisedPoints);
    if ('problems' in read) throw new DomainError('invalid-input', read.problems);
    if (!input.reason?.trim()) throw invalid('appraisal.reason-required', code);
  }
  if (input.decision === 'supplementationRequested') {
    if (!input.comment?.trim()) throw invalid('appraisal.request-text-required', code);
    // Checked for every request, not only by the transition the first one takes: a request added
    // while others are open takes none, and the due day is stored as a date.
    const dueOn = input.dueOn?.trim();
    if (!dueOn) throw new DomainError('invalid-input', [{ code: 'workflow.due-date-required' }]);
    if (!isCalendarDay(dueOn)) {
      throw new DomainError('invalid-input', [{ code: 'workflow.due-date-invalid', params: { value: dueOn } }]);
    }
    if (dueOn < vietnamDay(now)) {
      throw new DomainError('invalid-input', [{ code: 'workflow.due-date-past', params: { dueOn: formatCalendarDay(dueOn) } }]);
    }
  }

  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.assessmentId, assessment.id), eq(appraisals.indicatorCode, code)));
    const currentVersion = current?.version ?? 0;
    if (input.baseVersion !== currentVersion) {
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: { what: named('appraisal', code), current: currentVersion, based: input.baseVersion },
        },
      ]);
    }
    const [answer] = await tx
      .select()
      .from(answers)
      .where(and(eq(answers.assessmentId, assessment.id), eq(answers.indicatorCode, code)));
    const values = {
      decision: input.decision,
      appraisedPoints: input.decision === 'adjusted' ? (input.appraisedPoints ?? null) : null,
      reason: input.reason ?? null,
      councilNote: input.councilNote ?? null,
      decidedBy: actor.userId,
      decidedAt: now,
      version: currentVersion + 1,
    };
    const [saved] = current
      ? await tx
          .update(appraisals)
          .set(values)
          .where(
            and(
              eq(appraisals.assessmentId, assessment.id),
              eq(appraisals.indicatorCode, code),
              eq(appraisals.version, currentVersion),
            ),
          )
          .returning()
      : await tx
          .insert(appraisals)
          .values({ assessmentId: assessment.id, indicatorCode: code, ...values })
          .onConflictDoNothing()
          .returning();
    if (!saved) {
      throw new DomainError('conflict', [
        {
          code: 'http.stale-version',
          params: { what: named('appraisal', code), current: currentVersion + 1, based: input.baseVersion },
        },
      ]);
    }
    // In points throughout: a main index's answer holds its 0–1 value, its adjustment points.
    const stored = answer?.selfPoints ?? null;
    const selfPoints = stored !== null && node.level === 'mainIndex' ? stored * node.maxPoints : stored;
    const officialBefore = current?.decision === 'adjusted' ? current.appraisedPoints : selfPoints;
    const officialAfter = saved.decision === 'adjusted' ? saved.appraisedPoints : selfPoints;
    const audit = {
      actor,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: assessment.id,
      indicatorCode: code,
    };
    await recordAudit(tx, {
      ...audit,
      action: `appraisal.${saved.decision}`,
      entityType: 'appraisal',
      entityId: `${assessment.id}/${code}`,
      oldValue: current
        ? { decision: current.decision, points: officialBefore }
        : { decision: null, points: answer?.selfPoints ?? null },
      newValue: { decision: saved.decision, points: officialAfter },
      reason: input.reason ?? input.comment ?? undefined,
    });

    let state = assessment.state;
    if (state === 'submitted' || state === 'supplemented') {
      state = await moveAssessment(tx, actor, context, 'startAppraisal', state, undefined, now);
    }
    if (input.decision === 'supplementationRequested') {
      const [request] = await tx
        .insert(supplementationRequests)
        .values({
          assessmentId: assessment.id,
          indicatorCode: code,
          comment: input.comment as string,
          dueOn: input.dueOn as string,
          requestedBy: actor.userId,
          requestedAt: now,
        })
        .returning({ id: supplementationRequests.id });
      if (request)
        await raiseSupplementationRequested(tx, {
          requestId: request.id,
          assessmentId: assessment.id,
          periodName: context.period.name,
          unitId: context.unit.id,
          unitName: context.unit.name,
          indicatorCode: code,
          dueOn: input.dueOn,
        });
      if (state !== 'supplementationRequested') {
        await moveAssessment(
          tx,
          actor,
          context,
          'requestSupplementation',
          state,
          input.comment ?? undefined,
          now,
          input.dueOn ?? undefined,
        );
      }
    }
    return saved;
  });
}

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Applies a workflow transition checked by core (role, state, reason), with optimistic locking on
 * the assessment row and an audit entry, inside the caller's transaction. Returns the new state.
 */
export async function moveAssessment(
  tx: Transaction,
  actor: Actor,
  context: AssessmentContext,
  action: string,
  from: string,
  reason: string | undefined,
  now: Date,
  dueOn?: string,
  /** More of what the move did, for the audit entry (the contests a rebuttal sent). */
  extra: Record<string, unknown> = {},
): Promise<string> {
  const { to } = applyTransition({
    action,
    from,
    actor,
    reason,
    now,
    periodState: context.period.state,
    deadline: unitDeadline(context.period.selfAssessmentDeadline, context.assessment.deadlineExtendedTo),
    dueOn,
  });
  const timestamps =
    to === 'submitted'
      ? { submittedAt: now }
      : to === 'finalised'
        ? { finalisedAt: now }
        : action === 'sendResults'
          ? // A new rebuttal round: its window of working days starts the day after it is sent.
            { resultsSentAt: now, rebuttalDueOn: addWorkingDays(vietnamDay(now), context.period.rebuttalWorkingDays) }
          : {};
  const updated = await tx
    .update(assessments)
    .set({ state: to, ...timestamps, version: context.assessment.version + 1 })
    .where(and(eq(assessments.id, context.assessment.id), eq(assessments.state, from)))
    .returning({ version: assessments.version });
  if (updated.length === 0) {
    throw new DomainError('conflict', [
      { code: 'http.stale-version', params: { what: named('assessment'), current: '?', based: context.assessment.version } },
    ]);
  }
  context.assessment = {
    ...context.assessment,
    ...timestamps,
    state: to,
    version: updated[0]?.version ?? context.assessment.version,
  };
  await recordAudit(tx, {
    actor,
    action: `assessment.${action}`,
    entityType: 'assessment',
    entityId: context.assessment.id,
    periodId: context.period.id,
    unitId: context.unit.id,
    assessmentId: context.assessment.id,
    oldValue: { state: from },
    newValue: { state: to, ...extra, ...('rebuttalDueOn' in timestamps ? { rebuttalDueOn: timestamps.rebuttalDueOn } : {}) },
    reason,
  });
  const facts = {
    assessmentId: context.assessment.id,
    periodId: context.period.id,
    periodName: context.period.name,
    unitId: context.unit.id,
    unitName: context.unit.name,
  };
  if ('rebuttalDueOn' in timestamps && timestamps.rebuttalDueOn)
    await raiseRebuttalOpened(tx, { ...facts, roundSentAt: now, dueOn: timestamps.rebuttalDueOn });
  if (to === 'finalised') await raiseCouncilFinalised(tx, { ...facts, finalisedAt: now });
  return to;
}
