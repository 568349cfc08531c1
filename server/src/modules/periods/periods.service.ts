import type { Static } from '@fastify/type-provider-typebox';
import {
  type Actor,
  applyPeriodTransition,
  DomainError,
  earlyCloseWarning,
  evaluatePeriodActions,
  type Locale,
  named,
  normalisePublicationDecision,
  type PublicationDecision,
  type PublicationDecisionInput,
  type PublishCandidate,
  periodScheduleIssues,
  periodScheduleProblems,
  presentActions,
  publicationDecisionIssues,
  publicationDecisionProblems,
  publishBlock,
  vietnamDay,
} from '@opendti/core';
import { and, count, eq, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import {
  answers,
  assessments,
  frameworks,
  periodCohorts,
  periods,
  periodUnits,
  resultSnapshots,
  units,
} from '../../db/schema/index.js';
import { strongEtag } from '../../http/etag.js';
import { recordAudit } from '../audit/audit.service.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import { raiseResultsPublished, raiseSelfAssessmentOpened } from '../notifications/raise-events.js';
import { buildPublishedTables } from '../results/published-snapshot.js';
import { forgetPublishedPeriod } from '../results/published-versions.js';
import type { NewPeriodBody } from './period-schemas.js';

export type PeriodRow = typeof periods.$inferSelect;

export type PeriodInput = Static<typeof NewPeriodBody>;

/**
 * Creates a period in `draft`. Defaults follow seed 001: units submit by 30 January of the following
 * year; results are published in the first quarter (31 March).
 */
export async function createPeriod(db: Database, actor: Actor, input: PeriodInput): Promise<PeriodRow> {
  if (input.cohorts.length === 0) {
    throw new DomainError('invalid-input', [
      { code: 'http.validation', params: { detail: 'cần ít nhất một nhóm đơn vị với bộ chỉ số' } },
    ]);
  }
  const kinds = new Set<string>();
  for (const cohort of input.cohorts) {
    if (kinds.has(cohort.unitKind)) {
      throw new DomainError('invalid-input', [
        { code: 'http.validation', params: { detail: `nhóm "${cohort.unitKind}" được khai báo hai lần` } },
      ]);
    }
    kinds.add(cohort.unitKind);
    await getCompiledFramework(db, cohort.frameworkId); // 404 for an unknown framework
  }
  const selfAssessmentDeadline = input.selfAssessmentDeadline ?? `${input.year + 1}-01-30`;
  const appraisalDeadline = input.appraisalDeadline ?? null;
  // The default publication day (end of the next year's first quarter) is planned only where it
  // follows the deadlines given; a period whose deadlines run later has no planned day until one is set.
  const defaultPublication = `${input.year + 1}-03-31`;
  const publicationDue =
    input.publicationDue ??
    (periodScheduleIssues({ selfAssessmentDeadline, appraisalDeadline, publicationDue: defaultPublication }).length === 0
      ? defaultPublication
      : null);
  // The dates run one way (core's rule): self-assessment, appraisal, publication.
  const scheduleProblems = periodScheduleProblems({ selfAssessmentDeadline, appraisalDeadline, publicationDue });
  if (scheduleProblems.length > 0) throw new DomainError('invalid-input', scheduleProblems);
  return db.transaction(async (tx) => {
    // The cohorts' frameworks freeze with this period: an edit running in another process finishes
    // first (it holds the row), or waits and then sees the period and refuses (framework-editing).
    await tx
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(
        inArray(
          frameworks.id,
          input.cohorts.map((cohort) => cohort.frameworkId),
        ),
      )
      .for('share');
    const [period] = await tx
      .insert(periods)
      .values({
        year: input.year,
        name: input.name ?? `Đánh giá chỉ số chuyển đổi số năm ${input.year}`,
        selfAssessmentDeadline,
        appraisalDeadline,
        publicationDue,
        // A new period holds the rebuttal round unless the manager switches it off.
        rebuttalEnabled: input.rebuttalEnabled ?? true,
        rebuttalWorkingDays: input.rebuttalWorkingDays ?? 5,
      })
      .returning();
    if (!period) throw new Error('insert returned nothing');
    await tx.insert(periodCohorts).values(input.cohorts.map((cohort) => ({ periodId: period.id, ...cohort })));
    const yearStart = `${input.year}-01-01`;
    const yearEnd = `${input.year}-12-31`;
    const participants = input.unitIds
      ? await tx.select().from(units).where(inArray(units.id, input.unitIds))
      : await tx
          .select()
          .from(units)
          .where(
            and(
              inArray(units.kind, [...kinds]),
              or(isNull(units.activeFrom), lte(units.activeFrom, yearEnd)),
              or(isNull(units.activeTo), gte(units.activeTo, yearStart)),
            ),
          );
    // Unknown ids once gave a period with fewer participants than asked for, or none (201, 0 units).
    const unknown = input.unitIds?.filter((id) => !participants.some((unit) => unit.id === id)) ?? [];
    if (unknown.length > 0) {
      throw new DomainError('invalid-input', [{ code: 'period.unknown-units', params: { ids: unknown.join(', ') } }]);
    }
    const outsideCohorts = participants.filter((unit) => !kinds.has(unit.kind));
    if (outsideCohorts.length > 0) {
      throw new DomainError('invalid-input', [
        {
          code: 'http.validation',
          params: { detail: `đơn vị ${outsideCohorts.map((unit) => unit.code).join(', ')} không thuộc nhóm nào của kỳ đánh giá` },
        },
      ]);
    }
    if (participants.length > 0)
      await tx.insert(periodUnits).values(participants.map((unit) => ({ periodId: period.id, unitId: unit.id })));
    await recordAudit(tx, {
      actor,
      action: 'period.created',
      entityType: 'period',
      entityId: period.id,
      periodId: period.id,
      newValue: input,
    });
    return period;
  });
}

export async function getPeriod(db: Database, periodId: string) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  const cohorts = await db.select().from(periodCohorts).where(eq(periodCohorts.periodId, periodId));
  const participants = await db
    .select({ id: units.id, code: units.code, name: units.name, kind: units.kind })
    .from(periodUnits)
    .innerJoin(units, eq(units.id, periodUnits.unitId))
    .where(eq(periodUnits.periodId, periodId))
    .orderBy(units.code);
  const candidates = await publishCandidates(db, periodId);
  const assessmentStates: Record<string, number> = {};
  for (const { state } of candidates) assessmentStates[state] = (assessmentStates[state] ?? 0) + 1;
  return {
    ...period,
    cohorts: cohorts.map(({ unitKind, frameworkId }) => ({ unitKind, frameworkId })),
    units: participants,
    assessmentStates,
    candidates,
  };
}

/** An answer counts when it says something: points, a value, or "not assessed". */
export const answerSaysSomething: SQL = or(
  isNotNull(answers.value),
  isNotNull(answers.selfPoints),
  eq(answers.notAssessed, true),
) as SQL;

/** How many indicators each assessment of the period has answered (absent = none). */
export async function answeredCounts(db: Pick<Database, 'select'>, periodId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ assessmentId: answers.assessmentId, answered: count() })
    .from(answers)
    .innerJoin(assessments, eq(assessments.id, answers.assessmentId))
    .where(and(eq(assessments.periodId, periodId), answerSaysSomething))
    .groupBy(answers.assessmentId);
  return new Map(rows.map((row) => [row.assessmentId, Number(row.answered)]));
}

/** The period's assessments as the publish guard sees them (core's `publishBlock`). */
async function publishCandidates(
  db: Pick<Database, 'select'>,
  periodId: string,
): Promise<(PublishCandidate & { submitted: boolean })[]> {
  const rows = await db
    .select({ id: assessments.id, state: assessments.state, participation: assessments.participation })
    .from(assessments)
    .where(eq(assessments.periodId, periodId));
  const answered = await answeredCounts(db, periodId);
  return rows.map((row) => ({
    state: row.state,
    participation: row.participation,
    answered: answered.get(row.id) ?? 0,
    submitted: row.state !== 'draft',
  }));
}

/**
 * What the reader may do with the period now (core decides; the page renders it), publication's
 * guard included, and, before the self-assessment deadline, how many participating units have not
 * submitted (the page asks to confirm an early close).
 */
export function periodActionsFor(
  actor: Actor,
  period: { state: string; selfAssessmentDeadline: string; candidates: readonly (PublishCandidate & { submitted: boolean })[] },
  locale: Locale,
  now = new Date(),
) {
  const notSubmitted = period.candidates.filter((row) => row.participation === 'participating' && !row.submitted).length;
  return {
    ...presentActions(evaluatePeriodActions(actor, period.state, { assessments: period.candidates }), locale),
    earlyClose:
      period.state === 'selfAssessment'
        ? (earlyCloseWarning({ deadline: period.selfAssessmentDeadline, now, notSubmitted }) ?? null)
        : null,
  };
}

export async function listPeriods(db: Database, onlyPublished: boolean) {
  const rows = await db.select().from(periods).orderBy(periods.year);
  return rows.filter((period) => !onlyPublished || period.state === 'published' || period.state === 'archived');
}

/**
 * The publication decision a `publish` carries (required, checked by core's rule, one problem per
 * field), stored trimmed with its date as yyyy-mm-dd.
 */
function publicationDecisionOf(input: PublicationDecisionInput | undefined, now: Date): PublicationDecision {
  const issues = publicationDecisionIssues(input, vietnamDay(now));
  if (issues.length > 0) throw new DomainError('invalid-input', publicationDecisionProblems(issues));
  return normalisePublicationDecision(input ?? {});
}

/**
 * Period workflow (core decides who may do what from which state). Opening the self-assessment
 * creates every participant's assessment with its cohort's framework; publishing scores every
 * cohort from the appraised points and freezes the results, which public endpoints then serve.
 */
export async function transitionPeriod(
  db: Database,
  actor: Actor,
  periodId: string,
  action: string,
  reason: string | undefined,
  now: Date,
  decisionInput?: PublicationDecisionInput,
): Promise<PeriodRow> {
  const transitioned = await db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, periodId));
    if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
    const { to } = applyPeriodTransition({ action, from: period.state, actor, reason });
    if (action !== 'publish' && decisionInput !== undefined) {
      throw new DomainError('invalid-input', [
        { code: 'http.validation', params: { detail: 'chỉ thao tác "publish" kèm quyết định công bố (decision)' } },
      ]);
    }
    let decision: PublicationDecision | undefined;
    const cohorts = await tx.select().from(periodCohorts).where(eq(periodCohorts.periodId, periodId));
    const frameworkByKind = new Map(cohorts.map((cohort) => [cohort.unitKind, cohort.frameworkId]));

    if (action === 'openSelfAssessment') {
      const participants = await tx
        .select({ id: units.id, kind: units.kind })
        .from(periodUnits)
        .innerJoin(units, eq(units.id, periodUnits.unitId))
        .where(eq(periodUnits.periodId, periodId));
      const rows = participants.flatMap((unit) => {
        const frameworkId = frameworkByKind.get(unit.kind);
        return frameworkId ? [{ periodId, unitId: unit.id, frameworkId }] : [];
      });
      if (rows.length > 0) await tx.insert(assessments).values(rows).onConflictDoNothing();
    }
    if (action === 'startAppraisal') {
      // Closing the self-assessment: what a unit entered by then is what the council appraises
      // (seed 001 fixes the deadline), so a unit that never pressed "submit" cannot block publication.
      // The system's submission is flagged (`submittedAtClose`) and never shown as the unit's own. A
      // unit that entered nothing stays a draft with no data: it is neither appraised nor ranked as 0
      // until the manager decides (not participating, or scored as zero); one taken out stays out.
      const answered = await answeredCounts(tx, periodId);
      const withData = [...answered.keys()];
      const drafts =
        withData.length === 0
          ? []
          : await tx
              .update(assessments)
              .set({ state: 'submitted', submittedAt: now, submittedAtClose: true, version: sql`${assessments.version} + 1` })
              .where(
                and(
                  eq(assessments.periodId, periodId),
                  eq(assessments.state, 'draft'),
                  eq(assessments.participation, 'participating'),
                  inArray(assessments.id, withData),
                ),
              )
              .returning({ id: assessments.id, unitId: assessments.unitId });
      for (const draft of drafts) {
        await recordAudit(tx, {
          actor,
          action: 'assessment.submittedAtClose',
          entityType: 'assessment',
          entityId: draft.id,
          periodId,
          unitId: draft.unitId,
          assessmentId: draft.id,
          oldValue: { state: 'draft' },
          newValue: { state: 'submitted', submittedAtClose: true },
          reason: 'Hết thời hạn tự đánh giá: hệ thống nộp phần đã nhập',
        });
      }
    }
    if (action === 'publish') {
      const block = publishBlock(await publishCandidates(tx, periodId));
      if (block) throw new DomainError('conflict', [block.problem]);
      // What cannot be published yet is said first; then the decision that publishes it is checked.
      decision = publicationDecisionOf(decisionInput, now);
      await tx.delete(resultSnapshots).where(eq(resultSnapshots.periodId, periodId));
      for (const { unitKind, frameworkId, results, detail } of await buildPublishedTables(
        tx as unknown as Database,
        periodId,
        cohorts,
      )) {
        // The decision is part of what is published: republishing the same table under another decision changes the ETag.
        const etag = strongEtag(JSON.stringify({ results, decision }));
        await tx.insert(resultSnapshots).values({
          periodId,
          unitKind,
          frameworkId,
          results,
          detail,
          etag,
          publishedAt: now,
          publishedBy: actor.userId,
        });
      }
    }
    const [updated] = await tx
      .update(periods)
      .set({
        state: to,
        version: period.version + 1,
        ...(action === 'publish' ? { publishedAt: now, publicationDecision: decision } : {}),
      })
      .where(and(eq(periods.id, periodId), eq(periods.state, period.state)))
      .returning();
    if (!updated)
      throw new DomainError('conflict', [
        { code: 'http.stale-version', params: { what: named('period'), current: '?', based: period.version } },
      ]);
    await recordAudit(tx, {
      actor,
      action: `period.${action}`,
      entityType: 'period',
      entityId: periodId,
      periodId,
      oldValue: {
        state: period.state,
        ...(decision && period.publicationDecision ? { decision: period.publicationDecision } : {}),
      },
      newValue: { state: to, ...(decision ? { decision } : {}) },
      reason,
    });
    if (action === 'openSelfAssessment') await raiseSelfAssessmentOpened(tx, updated);
    if (action === 'publish') await raiseResultsPublished(tx, updated, now);
    return updated;
  });
  // Committed: the public portal of this process shows the change at once (others within a second).
  forgetPublishedPeriod(periodId);
  return transitioned;
}

/** The period's rebuttal settings, changed by the manager (audited); assessments already in a round keep theirs. */
export async function changeRebuttalSettings(
  db: Database,
  actor: Actor,
  periodId: string,
  input: { rebuttalEnabled: boolean; rebuttalWorkingDays: number },
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(periods).where(eq(periods.id, periodId)).for('update');
    if (!current) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
    const [saved] = await tx
      .update(periods)
      .set({ rebuttalEnabled: input.rebuttalEnabled, rebuttalWorkingDays: input.rebuttalWorkingDays })
      .where(eq(periods.id, periodId))
      .returning();
    if (!saved) throw new Error('period not updated');
    await recordAudit(tx, {
      actor,
      action: 'period.rebuttalSettings',
      entityType: 'period',
      entityId: periodId,
      periodId,
      oldValue: { rebuttalEnabled: current.rebuttalEnabled, rebuttalWorkingDays: current.rebuttalWorkingDays },
      newValue: input,
    });
    return saved;
  });
}
