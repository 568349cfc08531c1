import { type CompiledFramework, createScoreSheet, ensureNodeArrays, scoreCohort } from '@opendti/core';

/** What the unit's leader sees before submitting: the self points and index its answers give now. */
export interface SelfTotal {
  points: number | null;
  maxPoints: number | null;
  /** The 0–1 index at the framework's precision basis (not rounded here). */
  value: number | null;
  /** Indicators scored against the cohort (relative to the best, min–max): not counted until every unit has answered. */
  cohortPending: number;
}

interface StoredAnswer {
  indicatorCode: string;
  selfPoints: number | null;
  rawNumber: number | null;
  notAssessed: boolean;
}

/**
 * Scores one unit's self-assessment with the engine that publishes results (core's scoreCohort, over a
 * cohort of one), so the total the leader signs is the one the council starts from. Cohort-relative
 * indicators are left unscored, not given the full marks a cohort of one would give them.
 */
export function computeSelfTotal(framework: CompiledFramework, answerRows: readonly StoredAnswer[]): SelfTotal {
  const sheet = createScoreSheet(framework, [{ code: 'unit', name: 'unit' }]);
  let cohortPending = 0;
  for (const answer of answerRows) {
    const node = framework.nodes[framework.nodeByCode.get(answer.indicatorCode) ?? -1];
    if (!node) continue;
    if (node.level === 'indicator') {
      sheet.notAssessed[node.indicatorPosition] = answer.notAssessed ? 1 : 0;
      sheet.selfPoints[node.indicatorPosition] = answer.selfPoints ?? Number.NaN;
      if (!answer.notAssessed && answer.rawNumber !== null) cohortPending++;
    } else {
      // A main-index answer holds its 0–1 value in selfPoints' place (see answers.service).
      const arrays = ensureNodeArrays(sheet);
      arrays.nodeNotAssessed[node.index] = answer.notAssessed ? 1 : 0;
      arrays.suppliedSelfValues[node.index] = answer.selfPoints ?? Number.NaN;
      arrays.suppliedValues[node.index] = answer.selfPoints ?? Number.NaN;
    }
  }
  const scores = scoreCohort(sheet);
  const finite = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : value);
  return {
    points: finite(scores.selfPoints[0]),
    maxPoints: finite(scores.max[0]),
    value: finite(scores.selfValue[0]),
    cohortPending,
  };
}
