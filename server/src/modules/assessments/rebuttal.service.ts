import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  awaitingUnitCodes,
  DomainError,
  evaluateIndicatorActions,
  type IndicatorRebuttalFacts,
  named,
  type Problem,
  type RebuttalFacts,
  readPoints,
} from '@opendti/core';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, appraisals, rebuttalContests, supplementationRequests } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { type AssessmentContext, mainIndexCodeOf, requireAnswerableNode } from './assessment-context.js';
import type { ContestAnswerBody } from './rebuttal-schemas.js';

/**
 * The rebuttal round (giải trình, kiến nghị): once the chair has sent the council's results, the unit
 * contests adjusted indicators with an explanation (and evidence) within the period's window of
 * working days; its leader sends them (`submitRebuttal`); the council answers each, keeping or
 * changing the points with a reason; the chair finalises only then (core's `rebuttalBlock`).
 */

export type ContestRow = typeof rebuttalContests.$inferSelect;
export type ContestAnswerInput = Static<typeof ContestAnswerBody>;
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The contests of the current round: those of the last time the results were sent. */
export async function currentContests(db: Database | Transaction, context: AssessmentContext): Promise<ContestRow[]> {
  const sentAt = context.assessment.resultsSentAt;
  if (sentAt === null) return [];
  return db
    .select()
    .from(rebuttalContests)
    .where(and(eq(rebuttalContests.assessmentId, context.assessment.id), eq(rebuttalContests.roundSentAt, sentAt)));
}

/** What core's assessment guards need to know of the round. */
export function rebuttalFactsOf(context: AssessmentContext, contests: readonly ContestRow[]): RebuttalFacts {
  return {
    enabled: context.period.rebuttalEnabled,
    dueOn: context.assessment.rebuttalDueOn,
    unansweredCodes: contests.filter((row) => row.status === 'submitted').map((row) => row.indicatorCode),
  };
}

/** What core's indicator verdicts need: the adjusted indicators (contestable) and those contested. */
export function indicatorRebuttalFactsOf(
  context: AssessmentContext,
  decisions: readonly { indicatorCode: string; decision: string }[],
  contests: readonly ContestRow[],
): IndicatorRebuttalFacts {
  return {
    dueOn: context.assessment.rebuttalDueOn,
    contestableCodes: decisions.filter((row) => row.decision === 'adjusted').map((row) => row.indicatorCode),
    contestedCodes: contests.filter((row) => row.status !== 'draft').map((row) => row.indicatorCode),
  };
}

/** Core's verdicts on one indicator now, with the data they need read in the caller's transaction. */
async function indicatorVerdicts(tx: Transaction, actor: Actor, context: AssessmentContext, code: string, now: Date) {
  const [decisions, requests, contests] = await Promise.all([
    tx.select().from(appraisals).where(eq(appraisals.assessmentId, context.assessment.id)),
    tx.select().from(supplementationRequests).where(eq(supplementationRequests.assessmentId, context.assessment.id)),
    currentContests(tx, context),
  ]);
  const verdicts = evaluateIndicatorActions(actor, {
    state: context.assessment.state,
    periodState: context.period.state,
    unitId: context.unit.id,
    indicatorCode: code,
    mainIndexCode: mainIndexCodeOf(context.framework, code),
    openRequestCodes: requests.filter((row) => row.status === 'open').map((row) => row.indicatorCode),
    awaitingUnitCodes: awaitingUnitCodes(context.assessment.state, requests),
    rebuttal: indicatorRebuttalFactsOf(context, decisions, contests),
    now,
  });
  return { verdicts, decisions, contests };
}

function refuse(verdict: { allowed: false; reason: string; problem: Problem }): never {
  throw new DomainError(verdict.reason === 'missing-capability' ? 'forbidden' : 'conflict', [verdict.problem]);
}

/**
 * The unit writes (or rewrites) its contest of one adjusted indicator while the window is open: a
 * draft its leader sends with `submitRebuttal`. Audited.
 */
export async function saveContest(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  code: string,
  explanation: string,
  now: Date,
): Promise<ContestRow> {
  requireAnswerableNode(context.framework, code);
  if (!explanation.trim()) {
    throw new DomainError('invalid-input', [{ code: 'rebuttal.explanation-required', params: { indicator: code } }]);
  }
  return db.transaction(async (tx) => {
    const { verdicts, contests } = await indicatorVerdicts(tx, actor, context, code, now);
    if (!verdicts.contest.allowed) refuse(verdicts.contest);
    const current = contests.find((row) => row.indicatorCode === code);
    const [saved] = current
      ? await tx
          .update(rebuttalContests)
          .set({ explanation, updatedAt: now, createdBy: actor.userId })
          .where(eq(rebuttalContests.id, current.id))
          .returning()
      : await tx
          .insert(rebuttalContests)
          .values({
            assessmentId: context.assessment.id,
            indicatorCode: code,
            roundSentAt: context.assessment.resultsSentAt as Date,
            explanation,
            createdBy: actor.userId,
            updatedAt: now,
          })
          .returning();
    if (!saved) throw new Error('contest not saved');
    await recordAudit(tx, {
      actor,
      action: 'rebuttal.contested',
      entityType: 'rebuttal',
      entityId: saved.id,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      indicatorCode: code,
      oldValue: current ? { explanation: current.explanation } : null,
      newValue: { explanation },
    });
    return saved;
  });
}

/** The unit withdraws a contest it has not sent yet. Audited. */
export async function withdrawContest(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  code: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { verdicts, contests } = await indicatorVerdicts(tx, actor, context, code, now);
    if (!verdicts.contest.allowed) refuse(verdicts.contest);
    const current = contests.find((row) => row.indicatorCode === code);
    if (!current) {
      throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('rebuttalContest', code) } }]);
    }
    await tx.delete(rebuttalContests).where(eq(rebuttalContests.id, current.id));
    await recordAudit(tx, {
      actor,
      action: 'rebuttal.withdrawn',
      entityType: 'rebuttal',
      entityId: current.id,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      indicatorCode: code,
      oldValue: { explanation: current.explanation },
    });
  });
}

/** Sent by the leader (`submitRebuttal`): the drafts of this round go to the council. */
export async function sendContests(tx: Transaction, context: AssessmentContext, now: Date): Promise<string[]> {
  const sent = await tx
    .update(rebuttalContests)
    .set({ status: 'submitted', submittedAt: now })
    .where(
      and(
        eq(rebuttalContests.assessmentId, context.assessment.id),
        eq(rebuttalContests.roundSentAt, context.assessment.resultsSentAt as Date),
        eq(rebuttalContests.status, 'draft'),
      ),
    )
    .returning({ indicatorCode: rebuttalContests.indicatorCode });
  return sent.map((row) => row.indicatorCode);
}

/**
 * The council answers one contest: keep the points, or change them (validated like a decision:
 * 0 … the indicator's maximum), always with a reason the unit reads. A change is a change of the
 * official score: the appraisal is adjusted to the new points and audited as every decision is.
 */
export async function answerContest(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  code: string,
  input: ContestAnswerInput,
  now: Date,
): Promise<ContestRow> {
  const node = requireAnswerableNode(context.framework, code);
  return db.transaction(async (tx) => {
    const { verdicts, decisions, contests } = await indicatorVerdicts(tx, actor, context, code, now);
    if (!verdicts.answerContest.allowed) refuse(verdicts.answerContest);
    const problems: Problem[] = [];
    if (!input.reason.trim()) problems.push({ code: 'rebuttal.reason-required', params: { indicator: code } });
    let newPoints: number | undefined;
    if (input.outcome === 'changed') {
      if (input.appraisedPoints === undefined || input.appraisedPoints === null) {
        problems.push({ code: 'rebuttal.points-required', params: { indicator: code } });
      } else {
        const read = readPoints(node, input.appraisedPoints);
        if ('problems' in read) problems.push(...read.problems);
        else newPoints = input.appraisedPoints;
      }
    }
    if (problems.length > 0) throw new DomainError('invalid-input', problems);
    const contest = contests.find((row) => row.indicatorCode === code && row.status !== 'draft');
    const decision = decisions.find((row) => row.indicatorCode === code);
    if (!contest || !decision) {
      throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('rebuttalContest', code) } }]);
    }
    const [answer] = await tx
      .select({ selfPoints: answers.selfPoints })
      .from(answers)
      .where(and(eq(answers.assessmentId, context.assessment.id), eq(answers.indicatorCode, code)));
    const pointsBefore = decision.decision === 'adjusted' ? decision.appraisedPoints : (answer?.selfPoints ?? null);
    const audit = {
      actor,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      indicatorCode: code,
    };
    if (newPoints !== undefined && newPoints !== pointsBefore) {
      const updated = await tx
        .update(appraisals)
        .set({
          decision: 'adjusted',
          appraisedPoints: newPoints,
          reason: input.reason,
          decidedBy: actor.userId,
          decidedAt: now,
          version: decision.version + 1,
        })
        .where(
          and(
            eq(appraisals.assessmentId, context.assessment.id),
            eq(appraisals.indicatorCode, code),
            eq(appraisals.version, decision.version),
          ),
        )
        .returning();
      if (updated.length === 0) {
        throw new DomainError('conflict', [
          { code: 'http.stale-version', params: { what: named('appraisal', code), current: '?', based: decision.version } },
        ]);
      }
      await recordAudit(tx, {
        ...audit,
        action: 'appraisal.adjusted',
        entityType: 'appraisal',
        entityId: `${context.assessment.id}/${code}`,
        oldValue: { decision: decision.decision, points: pointsBefore },
        newValue: { decision: 'adjusted', points: newPoints },
        reason: input.reason,
      });
    }
    const pointsAfter = newPoints ?? pointsBefore;
    const [saved] = await tx
      .update(rebuttalContests)
      .set({
        status: 'answered',
        outcome: input.outcome,
        answerReason: input.reason,
        pointsBefore: contest.status === 'answered' ? contest.pointsBefore : pointsBefore,
        pointsAfter,
        answeredBy: actor.userId,
        answeredAt: now,
      })
      .where(eq(rebuttalContests.id, contest.id))
      .returning();
    if (!saved) throw new Error('contest not answered');
    await recordAudit(tx, {
      ...audit,
      action: 'rebuttal.answered',
      entityType: 'rebuttal',
      entityId: contest.id,
      oldValue: { points: pointsBefore },
      newValue: { outcome: input.outcome, points: pointsAfter },
      reason: input.reason,
    });
    return saved;
  });
}

/** A contest as the assessment view shows it (unit and council alike). */
export function presentContest(row: ContestRow) {
  return {
    id: row.id,
    indicatorCode: row.indicatorCode,
    explanation: row.explanation,
    status: row.status as 'draft' | 'submitted' | 'answered',
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    outcome: row.outcome as 'kept' | 'changed' | null,
    answerReason: row.answerReason,
    pointsBefore: row.pointsBefore,
    pointsAfter: row.pointsAfter,
    answeredAt: row.answeredAt,
  };
}
