import {
  type Actor,
  type AssessmentAction,
  assignmentCovers,
  awaitingUnitCodes,
  type CompiledFramework,
  councilCanDecide,
  type DeniedAction,
  DomainError,
  decide,
  englishNamesOf,
  evaluateAssessmentActions,
  type Locale,
  named,
  presentActions,
  unitDeadline,
  vietnamDay,
} from '@opendti/core';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import {
  answers,
  appraisals,
  assessments,
  periodCohorts,
  periods,
  supplementationRequests,
  units,
} from '../../db/schema/index.js';
import { getCompiledFramework } from '../frameworks/frameworks.service.js';
import type { AssessmentContext } from './assessment-context.js';
import { mainIndexCodeOf } from './assessment-context.js';
import { answerableCodes } from './assessments.service.js';
import { assignmentsOf } from './council-work.service.js';

/** Decisions on the indicators of one main index (or of a whole assessment). */
export interface DecisionCounts {
  /** Indicators the unit answers (a main index scored from its own value counts as one). */
  indicators: number;
  accepted: number;
  adjusted: number;
  /** Adjusted below the unit's self points: where the council cut the score. */
  lowered: number;
  /** Decision is a supplementation request still waiting for the unit or for re-appraisal. */
  awaitingSupplementation: number;
  /** Neither accepted nor adjusted (core's `undecidedIndicators`): what blocks finalising. */
  undecided: number;
}

export interface MainIndexDecisions extends DecisionCounts {
  code: string;
  /** Codes still to decide, in framework order: for appraisers assigned to single indicators. */
  undecidedCodes: string[];
}

export interface AssessmentDecisions extends DecisionCounts {
  id: string;
  state: string;
  submittedAt: Date | null;
  /** Submitted by the system at the close of the self-assessment, not by the unit. */
  submittedAtClose: boolean;
  finalisedAt: Date | null;
  frameworkId: string;
  unit: { id: string; code: string; name: string; kind: string };
  supplementation: { open: number; answered: number; overdue: number; latestDueOn: string | null };
  mainIndices: MainIndexDecisions[];
  /** The council has work on it: its state lets the council decide (core's `councilCanDecide`). */
  awaitsCouncil: boolean;
  /** Council members whose assignment covers this unit (whole, or one main index; or a main index everywhere). */
  assignees: { userId: string; displayName: string; mainIndexCode: string | null }[];
  /** Some of this unit is assigned to the reader. */
  assignedToYou: boolean;
  /** Indicators waiting for the unit (core's `awaitingUnitCodes`). */
  awaitingUnit: number;
  /** Undecided indicators the reader may decide (the policy: an appraiser's assignment, the chair's everything). */
  undecidedForYou: number;
  /** What the reader may do with the assessment now (finalise, reopen…), and why not. */
  allowedActions: AssessmentAction[];
  reasonRequired: AssessmentAction[];
  deniedActions: DeniedAction<AssessmentAction>[];
}

const emptyCounts = (): DecisionCounts => ({
  indicators: 0,
  accepted: 0,
  adjusted: 0,
  lowered: 0,
  awaitingSupplementation: 0,
  undecided: 0,
});

/** Counts one indicator's decision into a tally (and its undecided code, where the tally keeps them). */
function tally(
  counts: DecisionCounts,
  decision: { decision: string; appraisedPoints: number | null } | undefined,
  selfPoints: number | null,
): boolean {
  counts.indicators++;
  if (decision?.decision === 'accepted') {
    counts.accepted++;
    return false;
  }
  if (decision?.decision === 'adjusted') {
    counts.adjusted++;
    if ((decision.appraisedPoints ?? 0) < (selfPoints ?? 0)) counts.lowered++;
    return false;
  }
  if (decision?.decision === 'supplementationRequested') counts.awaitingSupplementation++;
  counts.undecided++;
  return true;
}

/**
 * The council's working view of a period: for every assessment, its state and how far the council
 * has got — per main index, how many indicators were accepted, adjusted (and cut), are waiting for
 * supplementation or still undecided — and the unit's open and answered supplementation requests.
 * One query per table for the whole period, so that a queue of 3,000 communes is one request.
 * Points and ranks are not repeated here: the provisional results route computes them.
 */
export async function getCouncilOverview(db: Database, actor: Actor, periodId: string, locale: Locale = 'vi', now = new Date()) {
  const [period] = await db.select().from(periods).where(eq(periods.id, periodId));
  if (!period) throw new DomainError('not-found', [{ code: 'http.not-found', params: { what: named('period', periodId) } }]);
  const cohortRows = await db.select().from(periodCohorts).where(eq(periodCohorts.periodId, periodId));
  const frameworks = new Map<string, CompiledFramework>();
  for (const cohort of cohortRows) frameworks.set(cohort.frameworkId, await getCompiledFramework(db, cohort.frameworkId));

  const rows = await db
    .select({ assessment: assessments, unit: units })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(eq(assessments.periodId, periodId))
    .orderBy(units.code);
  const ids = rows.map((row) => row.assessment.id);
  const [decisionRows, answerRows, requestRows] =
    ids.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .select({
              assessmentId: appraisals.assessmentId,
              indicatorCode: appraisals.indicatorCode,
              decision: appraisals.decision,
              appraisedPoints: appraisals.appraisedPoints,
            })
            .from(appraisals)
            .where(inArray(appraisals.assessmentId, ids)),
          db
            .select({ assessmentId: answers.assessmentId, indicatorCode: answers.indicatorCode, selfPoints: answers.selfPoints })
            .from(answers)
            .where(inArray(answers.assessmentId, ids)),
          db
            .select({
              assessmentId: supplementationRequests.assessmentId,
              indicatorCode: supplementationRequests.indicatorCode,
              status: supplementationRequests.status,
              dueOn: supplementationRequests.dueOn,
            })
            .from(supplementationRequests)
            .where(inArray(supplementationRequests.assessmentId, ids)),
        ]);
  const key = (assessmentId: string, code: string) => `${assessmentId}\u0000${code}`;
  const decisionOf = new Map(decisionRows.map((row) => [key(row.assessmentId, row.indicatorCode), row]));
  const selfPointsOf = new Map(answerRows.map((row) => [key(row.assessmentId, row.indicatorCode), row.selfPoints]));
  const codesOf = new Map<string, { code: string; mainIndexCode: string }[]>();
  for (const [id, framework] of frameworks) {
    // answerableCodes reads the framework only.
    const codes = answerableCodes({ framework } as AssessmentContext);
    codesOf.set(
      id,
      codes.map((code) => ({ code, mainIndexCode: mainIndexCodeOf(framework, code) ?? code })),
    );
  }
  const requestsOf = new Map<string, typeof requestRows>();
  for (const row of requestRows) requestsOf.set(row.assessmentId, [...(requestsOf.get(row.assessmentId) ?? []), row]);
  const today = vietnamDay(now);
  const assignments = await assignmentsOf(db, periodId);

  const items: AssessmentDecisions[] = rows.map(({ assessment, unit }) => {
    const overall = emptyCounts();
    const mainIndices: MainIndexDecisions[] = [];
    for (const { code, mainIndexCode } of codesOf.get(assessment.frameworkId) ?? []) {
      let main = mainIndices.at(-1);
      if (main?.code !== mainIndexCode) {
        main = { code: mainIndexCode, ...emptyCounts(), undecidedCodes: [] };
        mainIndices.push(main);
      }
      const decision = decisionOf.get(key(assessment.id, code));
      const selfPoints = selfPointsOf.get(key(assessment.id, code)) ?? null;
      tally(overall, decision, selfPoints);
      if (tally(main, decision, selfPoints)) main.undecidedCodes.push(code);
    }
    const requests = requestsOf.get(assessment.id) ?? [];
    const open = requests.filter((row) => row.status === 'open');
    const assignees = assignments
      .filter((assignment) => assignmentCovers(assignment, { unitId: unit.id }))
      .map(({ userId, displayName, mainIndexCode }) => ({ userId, displayName, mainIndexCode }));
    return {
      id: assessment.id,
      state: assessment.state,
      submittedAt: assessment.submittedAt,
      submittedAtClose: assessment.submittedAtClose,
      finalisedAt: assessment.finalisedAt,
      frameworkId: assessment.frameworkId,
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
      ...overall,
      supplementation: {
        open: open.length,
        answered: requests.filter((row) => row.status !== 'open').length,
        overdue: open.filter((row) => row.dueOn < today).length,
        latestDueOn: requests.reduce<string | null>(
          (latest, row) => (latest === null || row.dueOn > latest ? row.dueOn : latest),
          null,
        ),
      },
      mainIndices,
      // The council decides, or answers the unit's contests.
      awaitsCouncil: councilCanDecide(assessment.state) || assessment.state === 'rebuttalSubmitted',
      assignees,
      assignedToYou: assignees.some((assignee) => assignee.userId === actor.userId),
      awaitingUnit: awaitingUnitCodes(assessment.state, requests).length,
      undecidedForYou: mainIndices.reduce(
        (count, main) =>
          count +
          main.undecidedCodes.filter(
            (code) =>
              decide(actor, 'appraisal.decide', { unitId: unit.id, indicatorCode: code, mainIndexCode: main.code }).allowed,
          ).length,
        0,
      ),
      ...presentActions(
        evaluateAssessmentActions(actor, {
          state: assessment.state,
          periodState: period.state,
          unitId: unit.id,
          now,
          deadline: unitDeadline(period.selfAssessmentDeadline, assessment.deadlineExtendedTo),
          undecidedCodes: mainIndices.flatMap((main) => main.undecidedCodes),
          openRequestCodes: open.map((row) => row.indicatorCode),
        }),
        locale,
      ),
    };
  });

  return {
    period: { id: period.id, year: period.year, name: period.name, state: period.state },
    cohorts: cohortRows.map((cohort) => {
      const framework = frameworks.get(cohort.frameworkId) as CompiledFramework;
      const english = englishNamesOf(framework.document);
      return {
        unitKind: cohort.unitKind,
        frameworkId: cohort.frameworkId,
        frameworkName: framework.document.name,
        frameworkNameEn: english.framework ?? null,
        maxPoints: Number.isFinite(framework.maxPoints) ? framework.maxPoints : null,
        mainIndices: framework.mainIndexNodes.flatMap((index) => {
          const node = framework.nodes[index];
          return node && !node.unscored
            ? [
                {
                  code: node.code,
                  name: node.name,
                  nameEn: english.byCode.get(node.code) ?? null,
                  maxPoints: Number.isFinite(node.maxPoints) ? node.maxPoints : null,
                },
              ]
            : [];
        }),
      };
    }),
    assessments: items,
  };
}
