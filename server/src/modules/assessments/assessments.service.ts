import {
  type Actor,
  applyTransition,
  assessmentStateLabel,
  assignmentCovers,
  awaitingUnitCodes,
  DomainError,
  decide,
  evaluateAssessmentActions,
  evaluateIndicatorActions,
  isScoredFromValue,
  type Locale,
  named,
  presentActions,
  presentVerdict,
  rebuttalBlock,
  rebuttalWindowPassed,
  undecidedIndicators,
  unitDeadline,
  vietnamDay,
} from '@opendti/core';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, appraisals, assessments, evidence, periods, supplementationRequests, units } from '../../db/schema/index.js';
import { recordAudit } from '../audit/audit.service.js';
import { raiseSupplementationAnswered } from '../notifications/raise-events.js';
import { type DecisionInput, decideIndicator, moveAssessment } from './appraisal.service.js';
import { type AssessmentContext, mainIndexCodeOf } from './assessment-context.js';
import { assignmentsOf } from './council-work.service.js';
import {
  type ContestRow,
  currentContests,
  indicatorRebuttalFactsOf,
  presentContest,
  rebuttalFactsOf,
  sendContests,
} from './rebuttal.service.js';
import { computeSelfTotal } from './self-total.js';

/** Indicators (and main indices scored from values) a unit answers, in framework order. */
export function answerableCodes(context: AssessmentContext): string[] {
  const { framework } = context;
  const codes: string[] = [];
  for (const mainIndex of framework.mainIndexNodes) {
    const node = framework.nodes[mainIndex];
    if (!node || node.unscored) continue;
    // Frameworks that publish no indicator points (national DTI) are answered per main index.
    if (isScoredFromValue(framework, mainIndex)) codes.push(node.code);
    else codes.push(...node.children.flatMap((child) => framework.nodes[child]?.code ?? []));
  }
  return codes;
}

/**
 * One indicator's progress: answered (points, a value or "not assessed"), and, answered with points,
 * still without any evidence (tài liệu kiểm chứng). One rule for the unit's page and the manager's board.
 */
export function answerProgress(
  answer: { value: string | null; selfPoints: number | null; notAssessed: boolean } | undefined,
  evidenceCount: number,
): { answered: boolean; evidenceMissing: boolean } {
  const answered = answer !== undefined && (answer.notAssessed || answer.value !== null || answer.selfPoints !== null);
  return { answered, evidenceMissing: answered && !answer?.notAssessed && evidenceCount === 0 };
}

export interface MainIndexProgress {
  code: string;
  name: string;
  indicators: number;
  answered: number;
  evidenceMissing: number;
}

/**
 * What the reader may do with the assessment now and on each indicator, decided by core from the
 * state, the period, the policy and the data its guards need; the pages render it.
 */
export function assessmentActionsFor(
  actor: Actor,
  context: AssessmentContext,
  data: {
    decisions: readonly { indicatorCode: string; decision: string }[];
    requests: readonly { indicatorCode: string; status: string }[];
    /** The current rebuttal round's contests; none when not given. */
    contests?: readonly ContestRow[];
  },
  locale: Locale,
  now: Date,
) {
  const codes = answerableCodes(context);
  const facts = {
    state: context.assessment.state,
    periodState: context.period.state,
    unitId: context.unit.id,
    now,
    deadline: unitDeadline(context.period.selfAssessmentDeadline, context.assessment.deadlineExtendedTo),
    undecidedCodes: undecidedIndicators(codes, data.decisions),
    openRequestCodes: data.requests.filter((row) => row.status === 'open').map((row) => row.indicatorCode),
    awaitingUnitCodes: awaitingUnitCodes(context.assessment.state, data.requests),
    rebuttal: rebuttalFactsOf(context, data.contests ?? []),
  };
  const indicatorRebuttal = indicatorRebuttalFactsOf(context, data.decisions, data.contests ?? []);
  return {
    ...presentActions(evaluateAssessmentActions(actor, facts), locale),
    indicators: codes.map((code) => {
      const verdicts = evaluateIndicatorActions(actor, {
        ...facts,
        indicatorCode: code,
        mainIndexCode: mainIndexCodeOf(context.framework, code),
        rebuttal: indicatorRebuttal,
      });
      return {
        code,
        answer: presentVerdict(verdicts.answer, locale),
        supplement: presentVerdict(verdicts.supplement, locale),
        decide: presentVerdict(verdicts.decide, locale),
        requestSupplementation: presentVerdict(verdicts.requestSupplementation, locale),
        contest: presentVerdict(verdicts.contest, locale),
        answerContest: presentVerdict(verdicts.answerContest, locale),
        withdrawSupplementation: presentVerdict(verdicts.withdrawSupplementation, locale),
      };
    }),
  };
}

/**
 * The whole assessment as its reader may see it: answers, evidence counts, progress per main index
 * (answered, evidence missing), the council's decisions — with council-internal notes removed for
 * anyone who may not read them — open supplementation requests, and what the reader may do.
 */
export async function getAssessmentView(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  locale: Locale = 'vi',
  now = new Date(),
) {
  const { assessment, framework } = context;
  const [answerRows, decisionRows, evidenceRows, requestRows, contestRows] = await Promise.all([
    db.select().from(answers).where(eq(answers.assessmentId, assessment.id)),
    db.select().from(appraisals).where(eq(appraisals.assessmentId, assessment.id)),
    db
      .select({ indicatorCode: evidence.indicatorCode })
      .from(evidence)
      .where(and(eq(evidence.assessmentId, assessment.id), isNull(evidence.deletedAt))),
    db.select().from(supplementationRequests).where(eq(supplementationRequests.assessmentId, assessment.id)),
    currentContests(db, context),
  ]);
  const evidenceCount = new Map<string, number>();
  for (const row of evidenceRows) evidenceCount.set(row.indicatorCode, (evidenceCount.get(row.indicatorCode) ?? 0) + 1);
  const answerByCode = new Map(answerRows.map((row) => [row.indicatorCode, row]));
  const seesCouncilNotes = decide(actor, 'appraisal.readCouncilNotes', { unitId: context.unit.id }).allowed;
  // Who of the council appraises what is the council's own organisation, not shown to the unit.
  const assignees = seesCouncilNotes
    ? (await assignmentsOf(db, context.period.id))
        .filter((assignment) => assignmentCovers(assignment, { unitId: context.unit.id }))
        .map(({ userId, displayName, mainIndexCode }) => ({ userId, displayName, mainIndexCode }))
    : [];

  const progress: MainIndexProgress[] = [];
  for (const code of answerableCodes(context)) {
    const mainCode = mainIndexCodeOf(framework, code) ?? code;
    let entry = progress.find((item) => item.code === mainCode);
    if (!entry) {
      const mainNode = framework.nodes[framework.nodeByCode.get(mainCode) ?? -1];
      entry = { code: mainCode, name: mainNode?.name ?? mainCode, indicators: 0, answered: 0, evidenceMissing: 0 };
      progress.push(entry);
    }
    entry.indicators++;
    const { answered, evidenceMissing } = answerProgress(answerByCode.get(code), evidenceCount.get(code) ?? 0);
    if (answered) entry.answered++;
    if (evidenceMissing) entry.evidenceMissing++;
  }

  return {
    id: assessment.id,
    state: assessment.state,
    version: assessment.version,
    ...assessmentActionsFor(
      actor,
      context,
      { decisions: decisionRows, requests: requestRows, contests: contestRows },
      locale,
      now,
    ),
    submittedAt: assessment.submittedAt,
    submittedAtClose: assessment.submittedAtClose,
    deadline: unitDeadline(context.period.selfAssessmentDeadline, assessment.deadlineExtendedTo),
    finalisedAt: assessment.finalisedAt,
    period: {
      id: context.period.id,
      year: context.period.year,
      name: context.period.name,
      state: context.period.state,
      selfAssessmentDeadline: context.period.selfAssessmentDeadline,
    },
    unit: { id: context.unit.id, code: context.unit.code, name: context.unit.name, kind: context.unit.kind },
    framework: { id: framework.document.id, name: framework.document.name, maxPoints: framework.maxPoints },
    progress,
    selfTotal: computeSelfTotal(framework, answerRows),
    answers: answerRows.map((row) => ({
      indicatorCode: row.indicatorCode,
      value: row.value,
      selfPoints: row.selfPoints,
      notAssessed: row.notAssessed,
      notAssessedReason: row.notAssessedReason,
      explanation: row.explanation,
      version: row.version,
      updatedAt: row.updatedAt,
      evidenceCount: evidenceCount.get(row.indicatorCode) ?? 0,
    })),
    appraisals: decisionRows.map((row) => ({
      indicatorCode: row.indicatorCode,
      decision: row.decision,
      appraisedPoints: row.appraisedPoints,
      reason: row.reason,
      ...(seesCouncilNotes ? { councilNote: row.councilNote } : {}),
      decidedAt: row.decidedAt,
      version: row.version,
    })),
    assignees,
    supplementationRequests: requestRows.map((row) => ({
      id: row.id,
      indicatorCode: row.indicatorCode,
      comment: row.comment,
      dueOn: row.dueOn,
      status: row.status,
      response: row.response,
      respondedAt: row.respondedAt,
      // Past its due day (Vietnam time) without an answer, or answered after it: shown to the council.
      overdue: row.status === 'open' && vietnamDay(now) > row.dueOn,
      answeredLate: row.respondedAt !== null && vietnamDay(row.respondedAt) > row.dueOn,
    })),
    rebuttal: {
      enabled: context.period.rebuttalEnabled,
      workingDays: context.period.rebuttalWorkingDays,
      resultsSentAt: assessment.resultsSentAt,
      dueOn: assessment.rebuttalDueOn,
      windowPassed: rebuttalWindowPassed(assessment.rebuttalDueOn, now),
      contests: contestRows.map(presentContest),
    },
  };
}

/** Assessments of a period the actor may read: its own unit's for a unit role, all for the council and managers. */
export async function listAssessments(db: Database, actor: Actor, periodId: string) {
  const rows = await db
    .select({ assessment: assessments, unit: units })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(eq(assessments.periodId, periodId))
    .orderBy(units.code);
  return rows
    .filter((row) => decide(actor, 'assessment.read', { unitId: row.unit.id }).allowed)
    .map((row) => ({
      id: row.assessment.id,
      state: row.assessment.state,
      frameworkId: row.assessment.frameworkId,
      submittedAt: row.assessment.submittedAt,
      submittedAtClose: row.assessment.submittedAtClose,
      finalisedAt: row.assessment.finalisedAt,
      unit: { id: row.unit.id, code: row.unit.code, name: row.unit.name, kind: row.unit.kind },
    }));
}

/**
 * Workflow actions on the whole assessment. Guards that need data are checked here: submission needs
 * the period open and its deadline not passed; finalising needs a decision on every indicator and no
 * open supplementation request.
 */
export async function transitionAssessment(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  action: string,
  reason: string | undefined,
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(assessments).where(eq(assessments.id, context.assessment.id));
    if (!fresh) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('assessment') } }]);
    context.assessment = fresh;
    // Core's checks (role, state, period, deadline, reason) come before the guards that need data, so
    // that finalising a draft is told it is out of order, not that its indicators are undecided.
    applyTransition({
      action,
      from: fresh.state,
      actor,
      reason,
      now,
      periodState: context.period.state,
      deadline: unitDeadline(context.period.selfAssessmentDeadline, context.assessment.deadlineExtendedTo),
    });
    if (action === 'finalise' || action === 'sendResults') {
      const decisions = await tx.select().from(appraisals).where(eq(appraisals.assessmentId, fresh.id));
      const missing = undecidedIndicators(answerableCodes(context), decisions);
      if (missing.length > 0) {
        throw new DomainError('conflict', [
          { code: 'workflow.undecided-indicators', params: { count: missing.length, codes: missing.slice(0, 10).join(', ') } },
        ]);
      }
    }
    // The rebuttal round's guards (core's `rebuttalBlock`): results sent only where the period holds
    // a round, contests sent within the window, finalising only once the round is over.
    const contests = await currentContests(tx, context);
    const rebuttal = rebuttalBlock(action, fresh.state, rebuttalFactsOf(context, contests), now);
    if (rebuttal) throw new DomainError('conflict', [rebuttal.problem]);
    if (action === 'submitRebuttal') {
      const sent = await sendContests(tx, context, now);
      return moveAssessment(tx, actor, context, action, fresh.state, reason, now, undefined, { contested: sent });
    }
    if (action === 'submitSupplementation') {
      const open = await tx
        .select()
        .from(supplementationRequests)
        .where(and(eq(supplementationRequests.assessmentId, fresh.id), eq(supplementationRequests.status, 'open')));
      if (open.length > 0) {
        throw new DomainError('conflict', [
          {
            code: 'workflow.unanswered-requests',
            params: { count: open.length, codes: open.map((row) => row.indicatorCode).join(', ') },
          },
        ]);
      }
      // Sent back: the answered indicators return to the council (core's `awaitingUnitCodes`), and a
      // later request on another indicator does not make them wait again.
      await tx
        .update(supplementationRequests)
        .set({ status: 'closed' })
        .where(and(eq(supplementationRequests.assessmentId, fresh.id), eq(supplementationRequests.status, 'answered')));
    }
    return moveAssessment(tx, actor, context, action, fresh.state, reason, now);
  });
}

/** The unit's answer to a supplementation request (giải trình); evidence is added through the evidence routes. */
export async function respondToSupplementation(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  requestId: string,
  response: string,
  now: Date,
): Promise<void> {
  if (context.assessment.state !== 'supplementationRequested') {
    throw new DomainError('conflict', [
      { code: 'workflow.locked', params: { state: assessmentStateLabel(context.assessment.state) } },
    ]);
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(supplementationRequests)
      .set({ response, respondedBy: actor.userId, respondedAt: now, status: 'answered' })
      .where(
        and(
          eq(supplementationRequests.id, requestId),
          eq(supplementationRequests.assessmentId, context.assessment.id),
          // A request already sent back is the council's again.
          ne(supplementationRequests.status, 'closed'),
        ),
      )
      .returning();
    const request = updated[0];
    if (!request)
      throw new DomainError('not-found', [
        { code: 'http.not-found', params: { what: named('supplementationRequest', requestId) } },
      ]);
    await recordAudit(tx, {
      actor,
      action: 'supplementation.answered',
      entityType: 'supplementation',
      entityId: requestId,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: context.assessment.id,
      indicatorCode: request.indicatorCode,
      newValue: { response },
    });
    if (request.requestedBy)
      await raiseSupplementationAnswered(tx, {
        requestId,
        assessmentId: context.assessment.id,
        periodName: context.period.name,
        unitId: context.unit.id,
        unitName: context.unit.name,
        indicatorCode: request.indicatorCode,
        appraiserId: request.requestedBy,
      });
  });
}

/** The request to withdraw, for the route's authorization (its indicator and main index). */
export async function findSupplementationRequest(db: Database, context: AssessmentContext, requestId: string) {
  const [request] = await db
    .select()
    .from(supplementationRequests)
    .where(and(eq(supplementationRequests.id, requestId), eq(supplementationRequests.assessmentId, context.assessment.id)));
  if (!request) {
    throw new DomainError('not-found', [
      { code: 'http.not-found', params: { what: named('supplementationRequest', requestId) } },
    ]);
  }
  return request;
}

/**
 * The council takes back a request the unit has not answered (asked by mistake, or the evidence was
 * found meanwhile): the request and its pending decision go, so that the indicator is the council's
 * to decide again (core's verdict `withdrawSupplementation`). When nothing waits for the unit any
 * more, the assessment returns to appraisal and the unit's banner goes. Audited.
 */
export async function withdrawSupplementation(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  requestId: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(assessments).where(eq(assessments.id, context.assessment.id));
    if (!fresh) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('assessment') } }]);
    context.assessment = fresh;
    const requests = await tx.select().from(supplementationRequests).where(eq(supplementationRequests.assessmentId, fresh.id));
    const request = requests.find((row) => row.id === requestId);
    if (!request) {
      throw new DomainError('not-found', [
        { code: 'http.not-found', params: { what: named('supplementationRequest', requestId) } },
      ]);
    }
    const code = request.indicatorCode;
    const verdict = evaluateIndicatorActions(actor, {
      state: fresh.state,
      periodState: context.period.state,
      unitId: context.unit.id,
      indicatorCode: code,
      mainIndexCode: mainIndexCodeOf(context.framework, code),
      // This request only: another, older one on the same indicator does not make it withdrawable.
      openRequestCodes: request.status === 'open' ? [code] : [],
      awaitingUnitCodes: awaitingUnitCodes(fresh.state, requests),
    }).withdrawSupplementation;
    if (!verdict.allowed) {
      throw new DomainError(verdict.reason === 'missing-capability' ? 'forbidden' : 'conflict', [verdict.problem]);
    }
    await tx.delete(supplementationRequests).where(eq(supplementationRequests.id, request.id));
    const pending = await tx
      .delete(appraisals)
      .where(
        and(
          eq(appraisals.assessmentId, fresh.id),
          eq(appraisals.indicatorCode, code),
          eq(appraisals.decision, 'supplementationRequested'),
        ),
      )
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'supplementation.withdrawn',
      entityType: 'supplementation',
      entityId: request.id,
      periodId: context.period.id,
      unitId: context.unit.id,
      assessmentId: fresh.id,
      indicatorCode: code,
      oldValue: { comment: request.comment, dueOn: request.dueOn, decision: pending[0]?.decision ?? null },
      newValue: { decision: null },
    });
    const remaining = requests.filter((row) => row.id !== request.id);
    if (fresh.state === 'supplementationRequested' && awaitingUnitCodes(fresh.state, remaining).length === 0) {
      await moveAssessment(tx, actor, context, 'withdrawSupplementation', fresh.state, undefined, now);
    }
  });
}

/**
 * What accept-remaining is authorized on: the main index named, or, for the whole assessment, the
 * first main index this actor may decide (an appraiser assigned to some main indices accepts the
 * rest of those; one assigned to none of this framework's is refused as usual).
 */
export function acceptRemainingScope(actor: Actor | undefined, context: AssessmentContext, mainIndexCode: string | undefined) {
  const unit = { unitId: context.unit.id };
  if (mainIndexCode !== undefined) return { ...unit, mainIndexCode };
  const reachable = answerableCodes(context)
    .map((code) => ({ ...unit, indicatorCode: code, mainIndexCode: mainIndexCodeOf(context.framework, code) }))
    .find((resource) => decide(actor, 'appraisal.decide', resource).allowed);
  return reachable ?? unit;
}

/**
 * Accepts, in one go, every indicator of a main index (or of the whole assessment) that has no
 * decision yet and that this actor may decide now (core's verdicts: the appraiser's assignment, no
 * indicator waiting for the unit) — what a council does after checking the evidence. Each acceptance
 * is a decision of its own, audited.
 */
export async function acceptRemaining(
  db: Database,
  actor: Actor,
  context: AssessmentContext,
  mainIndexCode: string | undefined,
  now: Date,
) {
  const [decisions, requests] = await Promise.all([
    db.select().from(appraisals).where(eq(appraisals.assessmentId, context.assessment.id)),
    db.select().from(supplementationRequests).where(eq(supplementationRequests.assessmentId, context.assessment.id)),
  ]);
  const decided = new Set(decisions.map((row) => row.indicatorCode));
  const { indicators } = assessmentActionsFor(actor, context, { decisions, requests }, 'vi', now);
  const targets = indicators
    .filter(
      (row) =>
        row.decide.allowed &&
        !decided.has(row.code) &&
        (mainIndexCode === undefined || mainIndexCodeOf(context.framework, row.code) === mainIndexCode),
    )
    .map((row) => row.code);
  const accepted: string[] = [];
  for (const code of targets) {
    const input: DecisionInput = { decision: 'accepted', baseVersion: 0 };
    await decideIndicator(db, actor, context, code, input, now);
    accepted.push(code);
  }
  return accepted;
}

export async function periodOf(db: Database, periodId: string) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  return period;
}
