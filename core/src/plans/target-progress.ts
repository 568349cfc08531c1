import { indicatorStatus } from '../scoring/analyse-unit.js';
import type { CohortScores } from '../scoring/score-cohort.js';
import type { PlanTarget } from './plan-model.js';

/**
 * "Did the plan work?" (issue 11, Dashboard): a target's current value, measured in a later
 * published period exactly as its baseline was measured by the draft (draft-plan.ts), so that
 * baseline → current compares like with like:
 *
 * - an indicator: the points of the unit the plan is scoped to, or for a cohort the mean points over
 *   the units assessed on it (an indicator marked "không đánh giá" counts for nobody);
 * - a main index: its points, over the units for which it has points and a maximum (the national
 *   DTI's supplied main-index values, or a main index summed from its indicators).
 *
 * A target in `value` is the same mean of the node's value (0–1 scale); in `percent` it is the
 * points as a share of full marks (100 × points ÷ maximum). Pure.
 */
export interface NodeStanding {
  /** Mean points (the baseline's measure), rounded to 6 decimals as the draft rounds them. */
  points: number;
  /** Mean maximum over the same units. */
  max: number;
  /** Mean value (0–1) over the same units; null when none has a value. */
  value: number | null;
  /** How many units the mean is over. */
  units: number;
}

const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** The standing of one indicator or main index, for one unit (`unitCode`) or the whole cohort; null when unmeasured. */
export function nodeStanding(scores: CohortScores, code: string, unitCode?: string): NodeStanding | null {
  const { framework } = scores;
  const nodeIndex = framework.nodeByCode.get(code);
  const node = nodeIndex === undefined ? undefined : framework.nodes[nodeIndex];
  if (nodeIndex === undefined || !node) return null;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  let unitRange: number[];
  if (unitCode === undefined) unitRange = scores.units.map((_, u) => u);
  else {
    const unit = scores.units.findIndex((candidate) => candidate.code === unitCode);
    if (unit < 0) return null;
    unitRange = [unit];
  }
  const isIndicator = node.level === 'indicator';
  // The draft's maximum of an indicator: declared points in a summed framework, else the scale.
  const indicatorMax =
    framework.document.aggregation === 'sum'
      ? node.maxPoints
      : Number.isFinite(node.maxPoints)
        ? node.maxPoints
        : framework.scale;
  let pointsSum = 0;
  let maxSum = 0;
  let valueSum = 0;
  let valued = 0;
  let counted = 0;
  for (const u of unitRange) {
    const cell = u * nodeCount + nodeIndex;
    const points = scores.points[cell] as number;
    const max = scores.max[cell] as number;
    if (isIndicator) {
      const notAssessed = scores.notAssessed[u * indicatorCount + node.indicatorPosition] === 1 || max === 0;
      if (!Number.isFinite(indicatorMax) || indicatorMax <= 0) return null;
      if (indicatorStatus(points, indicatorMax, notAssessed) === 'notAssessed') continue;
      maxSum += indicatorMax;
    } else {
      if (Number.isNaN(points) || !(max > 0)) continue;
      maxSum += max;
    }
    counted += 1;
    pointsSum += points;
    const value = scores.value[cell] as number;
    if (!Number.isNaN(value)) {
      valueSum += value;
      valued += 1;
    }
  }
  if (counted === 0) return null;
  return {
    points: tidy(pointsSum / counted),
    max: tidy(maxSum / counted),
    value: valued === 0 ? null : tidy(valueSum / valued),
    units: counted,
  };
}

/** A target's current value in its own unit (points, value or percent of full marks); null when unmeasured. */
export function targetCurrent(scores: CohortScores, target: Pick<PlanTarget, 'code' | 'unit'>, unitCode?: string): number | null {
  const standing = nodeStanding(scores, target.code, unitCode);
  if (!standing) return null;
  if (target.unit === 'points') return standing.points;
  if (target.unit === 'value') return standing.value;
  return standing.max > 0 ? tidy((100 * standing.points) / standing.max) : null;
}

/** Whether the target is met: the current value reaches the target (null when there is no current value yet). */
export function targetMet(target: Pick<PlanTarget, 'target'>, current: number | null): boolean | null {
  if (current === null) return null;
  return current >= target.target - 1e-9;
}
