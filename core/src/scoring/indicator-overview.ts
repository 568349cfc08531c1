import { type IndicatorStatus, indicatorLost, indicatorStatus } from './analyse-unit.js';
import type { ResultSet } from './result-set.js';
import type { CohortScores } from './score-cohort.js';

/**
 * The province-wide view of a cohort's indicators (issue 10, "A province-wide view of indicators"):
 * for each indicator how many units got full, partial or zero points and the points the cohort lost
 * on it, the indicators losing the most first; and the matrix behind a heatmap of units × main
 * indices (the published main-index values, i.e. the share of the main index's maximum obtained),
 * with units × indicators for the drill-in. The per-unit rule (full, partial, zero, not assessed;
 * max − points) is the unit page's, `indicatorStatus` and `indicatorLost`.
 */
export interface IndicatorOverviewItem {
  code: string;
  name: string;
  /** Code of the main index the indicator belongs to. */
  mainIndex: string;
  /** Maximum points of one unit (the framework's scale in a weighted-mean framework); NaN when unknown. */
  max: number;
  full: number;
  partial: number;
  zero: number;
  notAssessed: number;
  /** Σ over the assessed units of max − points. */
  lost: number;
  /** Mean share of the maximum obtained over the assessed units, 0–1; NaN when none was assessed. */
  meanShare: number;
}

export interface OverviewMainIndex {
  code: string;
  name: string;
  /** The main index's declared maximum points (the framework's scale in a weighted-mean one); NaN when unknown. */
  max: number;
  /** Codes of its indicators, in the framework's order (the drill-in's columns). */
  indicators: string[];
  /** Σ of its indicators' points lost. */
  lost: number;
}

export interface OverviewUnit {
  code: string;
  name: string;
  rank: number | null;
  value: number | null;
  /** Published value (0–1) of each main index, in `mainIndices` order; null where not assessed. */
  mainIndexValues: (number | null)[];
  /**
   * Points of each indicator, in the order of the overview's `indicatorOrder` (the framework's);
   * null where not assessed.
   */
  indicatorPoints: (number | null)[];
}

export interface IndicatorOverview {
  mainIndices: OverviewMainIndex[];
  /** Every indicator, the ones losing the most points first (then the framework's order). */
  indicators: IndicatorOverviewItem[];
  /** Indicator codes in the framework's order: the columns of `OverviewUnit.indicatorPoints`. */
  indicatorOrder: string[];
  /** Units by rank, unranked last, then by code. */
  units: OverviewUnit[];
}

/** Points are sums of decimals; six places hide float noise and lose nothing a clerk types. */
const tidy = (points: number) => Math.round(points * 1e6) / 1e6;

/**
 * Builds the overview from a cohort's scores and the results published for it: the heatmap's
 * main-index values and ranks are the published ones (supplied official values included), the
 * indicator counts come from the scores' indicator points. Pure.
 */
export function indicatorOverview(scores: CohortScores, published: ResultSet): IndicatorOverview {
  const { framework } = scores;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const publishedByCode = new Map(published.units.map((unit) => [unit.code, unit]));

  const items: IndicatorOverviewItem[] = framework.indicatorNodes.map((nodeIndex) => {
    const node = framework.nodes[nodeIndex];
    return {
      code: node?.code ?? '',
      name: node?.name ?? '',
      mainIndex: framework.nodes[node?.parent ?? -1]?.code ?? '',
      max: node?.maxPoints ?? Number.NaN,
      full: 0,
      partial: 0,
      zero: 0,
      notAssessed: 0,
      lost: 0,
      meanShare: Number.NaN,
    };
  });
  const shareSums = new Float64Array(indicatorCount);

  const units = scores.units.map((unit, u): OverviewUnit => {
    const indicatorPoints: (number | null)[] = [];
    framework.indicatorNodes.forEach((nodeIndex, position) => {
      const item = items[position] as IndicatorOverviewItem;
      const notAssessed = scores.notAssessed[u * indicatorCount + position] === 1;
      const points = scores.points[u * nodeCount + nodeIndex] as number;
      const max = scores.max[u * nodeCount + nodeIndex] as number;
      // A whole main index not assessed leaves its indicators with maximum 0: not assessed either.
      const status: IndicatorStatus = indicatorStatus(points, item.max, notAssessed || max === 0);
      item[status] += 1;
      item.lost += indicatorLost(status, points, item.max);
      if (status !== 'notAssessed' && item.max > 0) shareSums[position] = (shareSums[position] as number) + points / item.max;
      indicatorPoints.push(status === 'notAssessed' ? null : tidy(points));
    });
    const result = publishedByCode.get(unit.code);
    const publishedValue = (code: string) => result?.mainIndices.find((main) => main.code === code)?.value ?? null;
    return {
      code: unit.code,
      name: result?.name ?? unit.name,
      rank: result?.rank ?? null,
      value: result?.value ?? null,
      mainIndexValues: framework.mainIndexNodes.map((node) => publishedValue(framework.nodes[node]?.code ?? '')),
      indicatorPoints,
    };
  });

  items.forEach((item, position) => {
    item.lost = tidy(item.lost);
    const assessed = item.full + item.partial + item.zero;
    item.meanShare = assessed > 0 && item.max > 0 ? (shareSums[position] as number) / assessed : Number.NaN;
  });

  const mainIndices = framework.mainIndexNodes.map((nodeIndex): OverviewMainIndex => {
    const node = framework.nodes[nodeIndex];
    const code = node?.code ?? '';
    const own = items.filter((item) => item.mainIndex === code);
    return {
      code,
      name: node?.name ?? '',
      max: node?.maxPoints ?? Number.NaN,
      indicators: own.map((item) => item.code),
      lost: tidy(own.reduce((sum, item) => sum + item.lost, 0)),
    };
  });

  const order = new Map(items.map((item, position) => [item.code, position]));
  const indicators = [...items].sort((a, b) => b.lost - a.lost || (order.get(a.code) as number) - (order.get(b.code) as number));
  return {
    mainIndices,
    indicators,
    indicatorOrder: items.map((item) => item.code),
    units: units.sort(
      (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
    ),
  };
}
