import { roundTo } from '../../shared/ranking-rows';

/**
 * A unit across published periods of its cohort, matched by unit code (codes are stable across
 * years; a merged unit gets a new code and starts a new history). Changes are against the previous
 * period in the list in which the unit appears; a period without it leaves a gap, not a zero.
 */
export interface PeriodResults {
  periodId: string;
  year: number;
  periodName: string;
  results:
    | {
        framework: { precision: number };
        units: { code: string; value: number | null; rank: number | null }[];
      }
    | undefined;
}

export interface HistoryPoint {
  periodId: string;
  year: number;
  periodName: string;
  value: number | null;
  rank: number | null;
  /** Units ranked in the cohort that year: "6/10". */
  rankedCount: number;
  rankChange: number | null;
  valueChange: number | null;
}

export function buildUnitHistory(periods: readonly PeriodResults[], unitCode: string): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  let before: HistoryPoint | undefined;
  for (const period of periods) {
    const unit = period.results?.units.find((candidate) => candidate.code === unitCode);
    if (!period.results || !unit) {
      before = undefined;
      continue;
    }
    const precision = period.results.framework.precision;
    const point: HistoryPoint = {
      periodId: period.periodId,
      year: period.year,
      periodName: period.periodName,
      value: unit.value,
      rank: unit.rank,
      rankedCount: period.results.units.filter((candidate) => candidate.rank !== null).length,
      rankChange: before && before.rank !== null && unit.rank !== null ? before.rank - unit.rank : null,
      valueChange: before && before.value !== null && unit.value !== null ? roundTo(unit.value - before.value, precision) : null,
    };
    points.push(point);
    before = point;
  }
  return points;
}

/**
 * The cohort's average of each main index value, for the radar: units without a value (the index
 * not assessed for them) are left out of the average rather than counted as zero.
 */
export function averageMainIndexValues(
  units: readonly { mainIndices: readonly { code: string; value: number | null }[] }[],
  precision: number,
): Map<string, number | null> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const unit of units) {
    for (const node of unit.mainIndices) {
      const entry = sums.get(node.code) ?? { total: 0, count: 0 };
      if (node.value !== null) {
        entry.total += node.value;
        entry.count += 1;
      }
      sums.set(node.code, entry);
    }
  }
  return new Map([...sums].map(([code, { total, count }]) => [code, count === 0 ? null : roundTo(total / count, precision)]));
}
