import type { CompiledFramework } from '../frameworks/framework-model.js';
import { rankDescending } from './rank.js';
import type { ScoreSheet, UnitRef } from './score-sheet.js';

/**
 * The scores of one cohort (units assessed with one framework and ranked together), as flat arrays.
 * Node arrays are `u × N + node`; pillar arrays `u × P + pillar`. A value is NaN where nothing could
 * be assessed (everything "không đánh giá", or an unscored index). A rank is 0 where the unit is
 * not ranked on that node.
 */
export interface CohortScores {
  framework: CompiledFramework;
  units: UnitRef[];
  /** Official (appraised) points of every indicator cell, after cohort-relative methods: `u × I + i`. */
  indicatorPoints: Float64Array;
  /** Self-assessed points of every indicator cell. */
  indicatorSelfPoints: Float64Array;
  notAssessed: Uint8Array;
  /** Official values supplied above indicator level (`u × N + node`), kept for what-if projections. */
  suppliedValues: Float64Array | undefined;
  nodeNotAssessed: Uint8Array | undefined;
  points: Float64Array;
  selfPoints: Float64Array;
  max: Float64Array;
  value: Float64Array;
  selfValue: Float64Array;
  ranks: Int32Array;
  pillarPoints: Float64Array;
  pillarMax: Float64Array;
  pillarValue: Float64Array;
  pillarRanks: Int32Array;
}

/** Child lists flattened once per framework (compressed sparse rows). */
interface Topology {
  childStart: Int32Array;
  childIndex: Int32Array;
  /** Non-indicator nodes, children before parents. */
  innerBottomUp: Int32Array;
  declaredMax: Float64Array;
  weight: Float64Array;
}

const topologyCache = new WeakMap<CompiledFramework, Topology>();

function topologyOf(framework: CompiledFramework): Topology {
  const cached = topologyCache.get(framework);
  if (cached) return cached;
  const { nodes } = framework;
  const childStart = new Int32Array(nodes.length + 1);
  const childIndex: number[] = [];
  for (const node of nodes) {
    childStart[node.index] = childIndex.length;
    childIndex.push(...node.children);
  }
  childStart[nodes.length] = childIndex.length;
  const topology: Topology = {
    childStart,
    childIndex: Int32Array.from(childIndex),
    innerBottomUp: Int32Array.from(framework.bottomUp.filter((index) => nodes[index]?.level !== 'indicator')),
    declaredMax: Float64Array.from(nodes.map((node) => node.maxPoints)),
    weight: Float64Array.from(nodes.map((node) => node.weight)),
  };
  topologyCache.set(framework, topology);
  return topology;
}

/** Scores, aggregates and ranks a cohort. Pure; the sheet is not modified. */
export function scoreCohort(sheet: ScoreSheet): CohortScores {
  const { framework, units } = sheet;
  const unitCount = units.length;
  const nodeCount = framework.nodes.length;
  const pillarCount = framework.pillars.length;

  const { official, self } = resolveIndicatorPoints(sheet);

  const points = new Float64Array(unitCount * nodeCount);
  const max = new Float64Array(unitCount * nodeCount);
  const value = new Float64Array(unitCount * nodeCount);
  const selfPoints = new Float64Array(unitCount * nodeCount);
  const selfValue = new Float64Array(unitCount * nodeCount);
  const scratchMax = new Float64Array(nodeCount);
  for (let unit = 0; unit < unitCount; unit++) {
    aggregateUnit(sheet, unit, official, sheet.suppliedValues, points, max, value);
    aggregateUnit(sheet, unit, self, sheet.suppliedSelfValues, selfPoints, scratchMax, selfValue, false);
  }

  const pillarPoints = new Float64Array(unitCount * pillarCount);
  const pillarMax = new Float64Array(unitCount * pillarCount);
  const pillarValue = new Float64Array(unitCount * pillarCount);
  const isSum = framework.document.aggregation === 'sum';
  framework.pillars.forEach((pillar, p) => {
    for (let unit = 0; unit < unitCount; unit++) {
      let pointSum = 0;
      let maxSum = 0;
      let weighted = 0;
      let weights = 0;
      for (const node of pillar.mainIndexNodes) {
        const cell = unit * nodeCount + node;
        const nodeValue = value[cell] as number;
        if (isSum) {
          pointSum += points[cell] as number;
          maxSum += max[cell] as number;
        } else if (!Number.isNaN(nodeValue)) {
          const weight = framework.nodes[node]?.weight ?? 1;
          weighted += weight * nodeValue;
          weights += weight;
        }
      }
      const cell = unit * pillarCount + p;
      if (isSum) {
        pillarPoints[cell] = pointSum;
        pillarMax[cell] = maxSum;
        pillarValue[cell] = maxSum > 0 ? pointSum / maxSum : Number.NaN;
      } else {
        const mean = weights > 0 ? weighted / weights : Number.NaN;
        pillarValue[cell] = mean;
        pillarPoints[cell] = mean * framework.scale;
        pillarMax[cell] = framework.scale;
      }
    }
  });

  const ranks = new Int32Array(unitCount * nodeCount);
  const column = new Float64Array(unitCount);
  for (const node of framework.nodes) {
    if (node.level === 'indicator' || node.unscored) continue;
    for (let unit = 0; unit < unitCount; unit++) column[unit] = value[unit * nodeCount + node.index] as number;
    const nodeRanks = rankDescending(column, framework.precision);
    for (let unit = 0; unit < unitCount; unit++) ranks[unit * nodeCount + node.index] = nodeRanks[unit] as number;
  }
  const pillarRanks = new Int32Array(unitCount * pillarCount);
  for (let p = 0; p < pillarCount; p++) {
    for (let unit = 0; unit < unitCount; unit++) column[unit] = pillarValue[unit * pillarCount + p] as number;
    const pRanks = rankDescending(column, framework.precision);
    for (let unit = 0; unit < unitCount; unit++) pillarRanks[unit * pillarCount + p] = pRanks[unit] as number;
  }

  return {
    framework,
    units,
    indicatorPoints: official,
    indicatorSelfPoints: self,
    notAssessed: sheet.notAssessed,
    suppliedValues: sheet.suppliedValues,
    nodeNotAssessed: sheet.nodeNotAssessed,
    points,
    selfPoints,
    max,
    value,
    selfValue,
    ranks,
    pillarPoints,
    pillarMax,
    pillarValue,
    pillarRanks,
  };
}

/**
 * Official points are the appraised ones; where the council left a cell alone the self points stand
 * (Decision 2001/QĐ-UBND §1.4: "Điểm chỉ số … là điểm do Hội đồng thẩm định đánh giá").
 * Cohort-relative methods are scored here, once every unit's raw number is known.
 */
function resolveIndicatorPoints(sheet: ScoreSheet): { official: Float64Array; self: Float64Array } {
  const { framework, units } = sheet;
  const indicatorCount = framework.indicatorNodes.length;
  const self = Float64Array.from(sheet.selfPoints);
  const official = new Float64Array(self.length);
  for (let cell = 0; cell < official.length; cell++) {
    const appraised = sheet.appraisedPoints[cell] as number;
    official[cell] = Number.isNaN(appraised) ? (self[cell] as number) : appraised;
  }

  framework.indicatorNodes.forEach((nodeIndex, position) => {
    const node = framework.nodes[nodeIndex];
    const method = node?.method;
    if (!node || !method || (method.type !== 'relativeToBest' && method.type !== 'minMax')) return;
    const selfRaw = new Float64Array(units.length);
    const officialRaw = new Float64Array(units.length);
    for (let unit = 0; unit < units.length; unit++) {
      const cell = unit * indicatorCount + position;
      const assessed = sheet.notAssessed[cell] === 0;
      const raw = sheet.rawValues[cell] as number;
      const appraisedRaw = sheet.appraisedRawValues[cell] as number;
      selfRaw[unit] = assessed ? raw : Number.NaN;
      officialRaw[unit] = assessed ? (Number.isNaN(appraisedRaw) ? raw : appraisedRaw) : Number.NaN;
    }
    const scoreSelf = cohortScorer(method, selfRaw, node.maxPoints);
    const scoreOfficial = cohortScorer(method, officialRaw, node.maxPoints);
    for (let unit = 0; unit < units.length; unit++) {
      const cell = unit * indicatorCount + position;
      if (Number.isNaN(self[cell] as number)) self[cell] = scoreSelf(selfRaw[unit] as number);
      if (Number.isNaN(sheet.appraisedPoints[cell] as number) && !Number.isNaN(officialRaw[unit] as number)) {
        official[cell] = scoreOfficial(officialRaw[unit] as number);
      }
    }
  });
  return { official, self };
}

function cohortScorer(
  method: { type: 'relativeToBest' } | { type: 'minMax'; direction: 1 | -1 },
  raws: Float64Array,
  maxPoints: number,
): (raw: number) => number {
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const raw of raws) {
    if (Number.isNaN(raw)) continue;
    if (raw < lowest) lowest = raw;
    if (raw > highest) highest = raw;
  }
  if (method.type === 'relativeToBest') {
    // The best unit gets full marks; when nobody has any, nobody gets points.
    return (raw) => (Number.isNaN(raw) ? Number.NaN : highest > 0 ? (Math.max(raw, 0) / highest) * maxPoints : 0);
  }
  const range = highest - lowest;
  // As in COINr: (x − min) / (max − min) × scale, with direction −1 reversing the scale. A constant
  // indicator carries no information and is left empty (NaN), which a mean skips and a sum counts as 0.
  if (method.direction === 1) return (raw) => (range > 0 ? ((raw - lowest) / range) * maxPoints : Number.NaN);
  return (raw) => (range > 0 ? ((highest - raw) / range) * maxPoints : Number.NaN);
}

/**
 * Aggregates one unit bottom-up. Sum frameworks add points and maxima of the assessed children, so a
 * "không đánh giá" indicator leaves both; weightedMean frameworks average the children's values.
 * A value supplied for a node (the Ministry's published main-index value) replaces its children.
 */
export function aggregateUnit(
  sheet: ScoreSheet,
  unit: number,
  indicatorPoints: Float64Array,
  suppliedValues: Float64Array | undefined,
  points: Float64Array,
  max: Float64Array,
  value: Float64Array,
  /** false when `max` is a scratch array: the self-assessment shares the official maxima. */
  writesUnitOffset = true,
): void {
  const { framework } = sheet;
  const topology = topologyOf(framework);
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const base = unit * nodeCount;
  const maxBase = writesUnitOffset ? base : 0;
  const nodeNotAssessed = sheet.nodeNotAssessed;
  const isSum = framework.document.aggregation === 'sum';
  const scale = framework.scale;
  // Which nodes count in their parent; reused per unit through the value array (NaN = excluded).
  const indicatorNodes = framework.indicatorNodes;

  for (let position = 0; position < indicatorCount; position++) {
    const node = indicatorNodes[position] as number;
    const cell = unit * indicatorCount + position;
    const excluded = sheet.notAssessed[cell] === 1 || (nodeNotAssessed !== undefined && nodeNotAssessed[base + node] === 1);
    if (excluded) {
      points[base + node] = 0;
      max[maxBase + node] = 0;
      value[base + node] = Number.NaN;
      continue;
    }
    const given = indicatorPoints[cell] as number;
    const nodeMax = isSum ? (topology.declaredMax[node] as number) : scale;
    if (isSum) {
      const earned = Number.isNaN(given) ? 0 : given; // unanswered counts as zero (no evidence, no points)
      points[base + node] = earned;
      max[maxBase + node] = nodeMax;
      value[base + node] = nodeMax > 0 ? earned / nodeMax : Number.NaN;
    } else {
      points[base + node] = given;
      max[maxBase + node] = nodeMax;
      value[base + node] = given / nodeMax;
    }
  }

  const { innerBottomUp, childStart, childIndex, declaredMax, weight } = topology;
  for (let k = 0; k < innerBottomUp.length; k++) {
    const node = innerBottomUp[k] as number;
    if (nodeNotAssessed !== undefined && nodeNotAssessed[base + node] === 1) {
      points[base + node] = 0;
      max[maxBase + node] = 0;
      value[base + node] = Number.NaN;
      continue;
    }
    const supplied = suppliedValues === undefined ? Number.NaN : (suppliedValues[base + node] as number);
    const start = childStart[node] as number;
    const end = childStart[node + 1] as number;
    if (!Number.isNaN(supplied)) {
      const nodeMax = isSum ? (declaredMax[node] as number) : scale;
      points[base + node] = supplied * nodeMax;
      max[maxBase + node] = nodeMax;
      value[base + node] = supplied;
      continue;
    }
    if (isSum) {
      if (start === end) {
        // A main index with no indicators listed (e.g. DTI 2022 where only main-index values are
        // published) and no supplied value scores zero out of its declared maximum.
        const nodeMax = declaredMax[node] as number;
        points[base + node] = 0;
        max[maxBase + node] = nodeMax;
        value[base + node] = nodeMax > 0 ? 0 : Number.NaN;
        continue;
      }
      let pointSum = 0;
      let maxSum = 0;
      for (let c = start; c < end; c++) {
        const child = childIndex[c] as number;
        pointSum += points[base + child] as number;
        maxSum += max[maxBase + child] as number;
      }
      points[base + node] = pointSum;
      max[maxBase + node] = maxSum;
      value[base + node] = maxSum > 0 ? pointSum / maxSum : Number.NaN;
    } else {
      let weighted = 0;
      let weights = 0;
      for (let c = start; c < end; c++) {
        const child = childIndex[c] as number;
        const childValue = value[base + child] as number;
        if (Number.isNaN(childValue)) continue; // missing or not assessed: the mean skips it
        const w = weight[child] as number;
        weighted += w * childValue;
        weights += w;
      }
      const mean = weights > 0 ? weighted / weights : Number.NaN;
      points[base + node] = mean * scale;
      max[maxBase + node] = scale;
      value[base + node] = mean;
    }
  }
}
