import {
  type CohortScores,
  type CompiledFramework,
  createScoreSheet,
  ensureNodeArrays,
  isScoredFromValue,
  presentCohort,
  type ResultSet,
  type ScoreSheet,
  scoreCohort,
  sortByRank,
} from '@opendti/core';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { answers, appraisals, assessments, units } from '../../db/schema/index.js';

/** Per unit, per indicator: what was published, so a unit page can show its analysis later. */
export type IndicatorDetail = Record<
  string,
  Record<string, { points: number | null; selfPoints: number | null; notAssessed: boolean }>
>;

/**
 * Scores one cohort of a period with the core engine: self points from the answers, official points
 * from the council's decisions (an accepted indicator keeps the self points, an adjusted one takes the
 * appraised points), "không đánh giá" from the answers, main-index values where the framework is
 * scored from them. The same engine as `opendti score`, so the results are the same. Units the
 * manager took out of the period are not scored at all; a unit the manager decided to score as zero
 * (it entered nothing) gets zero points on everything it would have answered.
 */
export async function computeCohortScores(
  db: Database,
  input: { periodId: string; unitKind: string; framework: CompiledFramework },
): Promise<{ scores: CohortScores; results: ResultSet; detail: IndicatorDetail }> {
  const { framework } = input;
  const rows = await db
    .select({
      assessmentId: assessments.id,
      code: units.code,
      name: units.name,
      participation: assessments.participation,
      submittedAtClose: assessments.submittedAtClose,
    })
    .from(assessments)
    .innerJoin(units, eq(units.id, assessments.unitId))
    .where(
      and(
        eq(assessments.periodId, input.periodId),
        eq(units.kind, input.unitKind),
        ne(assessments.participation, 'notParticipating'),
      ),
    )
    .orderBy(units.code);
  const unitIndex = new Map(rows.map((row, index) => [row.assessmentId, index]));
  const ids = rows.map((row) => row.assessmentId);
  const answerRows = ids.length === 0 ? [] : await db.select().from(answers).where(inArray(answers.assessmentId, ids));
  const decisionRows = ids.length === 0 ? [] : await db.select().from(appraisals).where(inArray(appraisals.assessmentId, ids));
  const sheet = fillScoreSheet(framework, rows, unitIndex, answerRows, decisionRows);
  const indicatorCount = framework.indicatorNodes.length;
  const scores = scoreCohort(sheet);
  const detail: IndicatorDetail = {};
  rows.forEach((row, unit) => {
    const perIndicator: IndicatorDetail[string] = {};
    framework.indicatorNodes.forEach((nodeIndex, position) => {
      const node = framework.nodes[nodeIndex];
      if (!node) return;
      const cell = unit * indicatorCount + position;
      const points = scores.indicatorPoints[cell] as number;
      const self = scores.indicatorSelfPoints[cell] as number;
      perIndicator[node.code] = {
        points: Number.isNaN(points) ? null : points,
        selfPoints: Number.isNaN(self) ? null : self,
        notAssessed: scores.notAssessed[cell] === 1,
      };
    });
    detail[row.code] = perIndicator;
  });
  const presented = presentCohort(scores);
  const atClose = new Set(rows.filter((row) => row.submittedAtClose).map((row) => row.code));
  const flagged = presented.units.map((unit) => (atClose.has(unit.code) ? { ...unit, submittedAtClose: true } : unit));
  return { scores, results: { ...presented, units: sortByRank(flagged) }, detail };
}

type StoredAnswer = Pick<
  typeof answers.$inferSelect,
  'assessmentId' | 'indicatorCode' | 'notAssessed' | 'selfPoints' | 'rawNumber'
>;
type StoredDecision = Pick<typeof appraisals.$inferSelect, 'assessmentId' | 'indicatorCode' | 'decision' | 'appraisedPoints'>;

/**
 * The engine's score sheet from the stored answers and decisions of a cohort (`unitIndex`: assessment
 * id → row). An indicator's figures are points. A main index scored from its own value stores the
 * unit's 0–1 value (see answers.service) but the council's adjustment in points out of the main
 * index's maximum — the unit sees and the council types points, as `opendti score` reads them — so the
 * adjustment is divided by the maximum here, once.
 */
export function fillScoreSheet(
  framework: CompiledFramework,
  /** `participation: 'scoredAsZero'`: the manager's decision to score a unit that entered nothing as 0. */
  rows: readonly { code: string; name: string; participation?: string }[],
  unitIndex: ReadonlyMap<string, number>,
  answerRows: readonly StoredAnswer[],
  decisionRows: readonly StoredDecision[],
): ScoreSheet {
  const sheet = createScoreSheet(
    framework,
    rows.map((row) => ({ code: row.code, name: row.name })),
  );
  const indicatorCount = framework.indicatorNodes.length;
  const nodeCount = framework.nodes.length;
  for (const answer of answerRows) {
    const unit = unitIndex.get(answer.assessmentId);
    const nodeIndex = framework.nodeByCode.get(answer.indicatorCode);
    const node = nodeIndex === undefined ? undefined : framework.nodes[nodeIndex];
    if (unit === undefined || !node) continue;
    if (node.level === 'indicator') {
      const cell = unit * indicatorCount + node.indicatorPosition;
      sheet.notAssessed[cell] = answer.notAssessed ? 1 : 0;
      sheet.selfPoints[cell] = answer.selfPoints ?? Number.NaN;
      sheet.rawValues[cell] = answer.rawNumber ?? Number.NaN;
    } else {
      // A main-index answer holds its 0–1 value in selfPoints' place (see answers.service).
      const arrays = ensureNodeArrays(sheet);
      const cell = unit * nodeCount + node.index;
      arrays.nodeNotAssessed[cell] = answer.notAssessed ? 1 : 0;
      arrays.suppliedSelfValues[cell] = answer.selfPoints ?? Number.NaN;
      arrays.suppliedValues[cell] = answer.selfPoints ?? Number.NaN;
    }
  }
  rows.forEach((row, unit) => {
    if (row.participation === 'scoredAsZero') scoreAsZero(framework, sheet, unit);
  });
  for (const decision of decisionRows) {
    if (decision.decision !== 'adjusted' || decision.appraisedPoints === null) continue;
    const unit = unitIndex.get(decision.assessmentId);
    const nodeIndex = framework.nodeByCode.get(decision.indicatorCode);
    const node = nodeIndex === undefined ? undefined : framework.nodes[nodeIndex];
    if (unit === undefined || !node) continue;
    if (node.level === 'indicator') {
      sheet.appraisedPoints[unit * indicatorCount + node.indicatorPosition] = decision.appraisedPoints;
    } else {
      ensureNodeArrays(sheet).suppliedValues[unit * nodeCount + node.index] =
        node.maxPoints > 0 ? decision.appraisedPoints / node.maxPoints : Number.NaN;
    }
  }

  return sheet;
}

/**
 * Zero points on everything a unit answers: every indicator with points, and each main index scored
 * from a supplied value (frameworks that publish no indicator points).
 */
function scoreAsZero(framework: CompiledFramework, sheet: ReturnType<typeof createScoreSheet>, unit: number): void {
  const indicatorCount = framework.indicatorNodes.length;
  const nodeCount = framework.nodes.length;
  for (const mainIndex of framework.mainIndexNodes) {
    const node = framework.nodes[mainIndex];
    if (!node || node.unscored) continue;
    if (isScoredFromValue(framework, mainIndex)) {
      const arrays = ensureNodeArrays(sheet);
      arrays.suppliedSelfValues[unit * nodeCount + node.index] = 0;
      arrays.suppliedValues[unit * nodeCount + node.index] = 0;
    } else {
      for (const childIndex of node.children) {
        const child = framework.nodes[childIndex];
        if (!child) continue;
        sheet.notAssessed[unit * indicatorCount + child.indicatorPosition] = 0;
        sheet.selfPoints[unit * indicatorCount + child.indicatorPosition] = 0;
      }
    }
  }
}
