import { projectedRank, roundToPrecision } from './rank.js';
import { aggregateUnit, type CohortScores } from './score-cohort.js';

/**
 * The analysis a province writes by hand in its improvement plan (seed 000, §1.3): for each main
 * index, which indicators reached full marks, which partial, which zero, which were not assessed,
 * and the points lost; then what reaching full marks on chosen indicators would bring.
 */
export type IndicatorStatus = 'full' | 'partial' | 'zero' | 'notAssessed';

export interface IndicatorAnalysis {
  code: string;
  name: string;
  status: IndicatorStatus;
  points: number;
  selfPoints: number | null;
  max: number;
  /** max − points; 0 for full marks and not assessed. */
  lost: number;
  /** False when the unit gave no answer at all (nothing typed, no evidence). */
  answered: boolean;
}

export interface MainIndexAnalysis {
  code: string;
  name: string;
  points: number;
  max: number;
  value: number | null;
  rank: number | null;
  full: IndicatorAnalysis[];
  partial: IndicatorAnalysis[];
  zero: IndicatorAnalysis[];
  notAssessed: IndicatorAnalysis[];
  lost: number;
}

const EPSILON = 1e-9;

/**
 * Where one unit's indicator stands: full marks, partial, zero, or not assessed. An indicator with
 * no points at all in a framework of weighted means (the mean skips it) counts as not assessed; in
 * a framework of sums an unanswered indicator has scored 0 and is "zero". One rule for the unit
 * page and the province-wide overview.
 */
export function indicatorStatus(points: number, max: number, notAssessed: boolean): IndicatorStatus {
  if (notAssessed || Number.isNaN(points)) return 'notAssessed';
  if (points >= max - EPSILON) return 'full';
  return points > EPSILON ? 'partial' : 'zero';
}

/** Points lost on one indicator: max − points; 0 for full marks, not assessed, or an unknown maximum. */
export function indicatorLost(status: IndicatorStatus, points: number, max: number): number {
  return status === 'notAssessed' || !Number.isFinite(max) ? 0 : Math.max(max - points, 0);
}

export function analyseUnit(scores: CohortScores, unitCode: string): MainIndexAnalysis[] {
  const unit = unitIndexOf(scores, unitCode);
  const { framework } = scores;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const base = unit * nodeCount;

  return framework.mainIndexNodes.map((mainNode) => {
    const main = framework.nodes[mainNode];
    const analysis: MainIndexAnalysis = {
      code: main?.code ?? '',
      name: main?.name ?? '',
      points: scores.points[base + mainNode] as number,
      max: scores.max[base + mainNode] as number,
      value: nanToNull(scores.value[base + mainNode] as number),
      rank: (scores.ranks[base + mainNode] as number) || null,
      full: [],
      partial: [],
      zero: [],
      notAssessed: [],
      lost: 0,
    };
    for (const child of main?.children ?? []) {
      const node = framework.nodes[child];
      if (!node || node.level !== 'indicator') continue;
      const cell = unit * indicatorCount + node.indicatorPosition;
      const notAssessed = scores.notAssessed[cell] === 1;
      const points = scores.points[base + child] as number;
      const max = node.maxPoints;
      const self = scores.indicatorSelfPoints[cell] as number;
      const answered = !Number.isNaN(self) || !Number.isNaN(scores.indicatorPoints[cell] as number);
      const status = indicatorStatus(points, max, notAssessed);
      const lost = indicatorLost(status, points, max);
      analysis[status].push({
        code: node.code,
        name: node.name,
        status,
        points,
        selfPoints: nanToNull(self),
        max,
        lost,
        answered,
      });
      analysis.lost += lost;
    }
    return analysis;
  });
}

export interface WhatIf {
  /** The indicators raised to full marks (the assessed ones among those asked). */
  raised: string[];
  points: number;
  max: number;
  value: number | null;
  rank: number | null;
  currentValue: number | null;
  currentRank: number | null;
}

/**
 * What the unit would score, and where it would rank against the others' current results, if the
 * chosen indicators reached full marks. Other units are held where they are. In a framework scored
 * from supplied main-index values (the national DTI), a main-index code may be named: its value is
 * raised to 1 (full marks).
 */
export function simulateFullMarks(scores: CohortScores, unitCode: string, indicatorCodes: string[]): WhatIf {
  const unit = unitIndexOf(scores, unitCode);
  const { framework } = scores;
  const indicatorCount = framework.indicatorNodes.length;
  const nodeCount = framework.nodes.length;
  const raised: string[] = [];

  const row = scores.indicatorPoints.slice(unit * indicatorCount, (unit + 1) * indicatorCount);
  let supplied: Float64Array | undefined;
  for (const code of indicatorCodes) {
    const nodeIndex = framework.nodeByCode.get(code);
    const node = nodeIndex === undefined ? undefined : framework.nodes[nodeIndex];
    // A value-scored framework (the national DTI) supplies main-index values: raising one means value 1.
    const suppliedValue =
      nodeIndex === undefined ? Number.NaN : (scores.suppliedValues?.[unit * nodeCount + nodeIndex] ?? Number.NaN);
    if (node && nodeIndex !== undefined && node.level !== 'indicator' && !Number.isNaN(suppliedValue)) {
      supplied ??= (scores.suppliedValues as Float64Array).slice(unit * nodeCount, (unit + 1) * nodeCount);
      supplied[nodeIndex] = 1;
      raised.push(code);
      continue;
    }
    if (!node || node.level !== 'indicator') continue;
    if (scores.notAssessed[unit * indicatorCount + node.indicatorPosition] === 1) continue;
    row[node.indicatorPosition] = framework.document.aggregation === 'sum' ? node.maxPoints : framework.scale;
    raised.push(code);
  }
  const projected = projectUnit(scores, unit, row, supplied);
  const others: number[] = [];
  for (let other = 0; other < scores.units.length; other++) {
    if (other !== unit) others.push(scores.value[other * nodeCount] as number);
  }
  const currentRank = scores.ranks[unit * nodeCount] as number;
  return {
    raised,
    points: projected.points,
    max: projected.max,
    value: Number.isNaN(projected.value) ? null : roundToPrecision(projected.value, framework.precision),
    rank: Number.isNaN(projected.value) ? null : projectedRank(projected.value, others, framework.precision),
    currentValue: nanToNull(scores.value[unit * nodeCount] as number),
    currentRank: currentRank > 0 ? currentRank : null,
  };
}

export interface Opportunity {
  code: string;
  name: string;
  mainIndex: string;
  lost: number;
  /** Increase of the unit's overall value (0–1) if this indicator alone reached full marks. */
  valueGain: number;
}

/** The indicators whose full marks would raise the unit's overall value the most, best first. */
export function rankOpportunities(scores: CohortScores, unitCode: string, limit = 10): Opportunity[] {
  const unit = unitIndexOf(scores, unitCode);
  const { framework } = scores;
  const indicatorCount = framework.indicatorNodes.length;
  const nodeCount = framework.nodes.length;
  const current = scores.value[unit * nodeCount] as number;
  const baseRow = scores.indicatorPoints.slice(unit * indicatorCount, (unit + 1) * indicatorCount);
  const full = framework.document.aggregation === 'sum' ? undefined : framework.scale;
  const opportunities: Opportunity[] = [];
  for (const nodeIndex of framework.indicatorNodes) {
    const node = framework.nodes[nodeIndex];
    if (!node || scores.notAssessed[unit * indicatorCount + node.indicatorPosition] === 1) continue;
    const target = full ?? node.maxPoints;
    const earned = scores.points[unit * nodeCount + nodeIndex] as number;
    if (!Number.isFinite(target) || earned >= target - EPSILON) continue;
    const row = baseRow.slice();
    row[node.indicatorPosition] = target;
    const projected = projectUnit(scores, unit, row);
    const gain = projected.value - (Number.isNaN(current) ? 0 : current);
    if (!(gain > EPSILON)) continue;
    opportunities.push({
      code: node.code,
      name: node.name,
      mainIndex: framework.nodes[node.parent]?.code ?? '',
      lost: target - (Number.isNaN(earned) ? 0 : earned),
      valueGain: gain,
    });
  }
  return opportunities.sort((a, b) => b.valueGain - a.valueGain || a.code.localeCompare(b.code)).slice(0, limit);
}

/** Re-aggregates one unit with replaced indicator points, using the unit's other inputs as scored. */
function projectUnit(
  scores: CohortScores,
  unit: number,
  indicatorRow: Float64Array,
  /** The unit's supplied node values (`N` long) to use instead of its own. */
  suppliedOverride?: Float64Array,
): { points: number; max: number; value: number } {
  const { framework } = scores;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const nodeSlice = <T extends Float64Array | Uint8Array>(array: T | undefined): T | undefined =>
    array?.subarray(unit * nodeCount, (unit + 1) * nodeCount) as T | undefined;
  // A one-unit sheet whose only row is the projected one; values supplied above the indicators stay.
  const sheet = {
    framework,
    units: [scores.units[unit] ?? { code: '', name: '' }],
    selfPoints: indicatorRow,
    appraisedPoints: indicatorRow,
    rawValues: new Float64Array(indicatorCount),
    appraisedRawValues: new Float64Array(indicatorCount),
    notAssessed: scores.notAssessed.subarray(unit * indicatorCount, (unit + 1) * indicatorCount),
    suppliedValues: suppliedOverride ?? nodeSlice(scores.suppliedValues),
    suppliedSelfValues: undefined,
    nodeNotAssessed: nodeSlice(scores.nodeNotAssessed),
  };
  const points = new Float64Array(nodeCount);
  const max = new Float64Array(nodeCount);
  const value = new Float64Array(nodeCount);
  aggregateUnit(sheet, 0, indicatorRow, sheet.suppliedValues, points, max, value);
  return { points: points[0] as number, max: max[0] as number, value: value[0] as number };
}

function unitIndexOf(scores: CohortScores, unitCode: string): number {
  const index = scores.units.findIndex((unit) => unit.code === unitCode);
  if (index < 0) throw new RangeError(`unit ${unitCode} is not in this cohort`);
  return index;
}

function nanToNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
