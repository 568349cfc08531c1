import type { OverviewAssessment, ProvisionalUnit } from './api-types';

const EPSILON = 1e-9;

/** Self versus appraised points of one unit on one main index (or overall). */
export interface PointComparison {
  self: number | null;
  appraised: number | null;
  max: number | null;
  /** appraised − self; null when either is unknown. */
  difference: number | null;
  /** The council gave fewer points than the unit claimed. */
  cut: boolean;
  raised: boolean;
}

/**
 * Compares the unit's self points with the provisional official points (the council's where it
 * adjusted, the unit's where it accepted or has not decided yet). Float noise below 10⁻⁹ is no change.
 */
export function comparePoints(self: number | null, appraised: number | null, max: number | null = null): PointComparison {
  if (self === null || appraised === null) return { self, appraised, max, difference: null, cut: false, raised: false };
  const raw = appraised - self;
  const difference = Math.abs(raw) < EPSILON ? 0 : raw;
  return { self, appraised, max, difference, cut: difference < 0, raised: difference > 0 };
}

export interface MainIndexCell extends PointComparison {
  code: string;
  /** Indicators of the main index still without an accept or adjust decision. */
  undecided: number;
  indicators: number;
}

export interface OverviewRow {
  assessment: OverviewAssessment;
  /** The unit's provisional result; undefined when the results do not list it (no framework for its kind). */
  result: ProvisionalUnit | undefined;
  rank: number | null;
  /** Index value as a percentage (official points ÷ the unit's maximum). */
  percent: number | null;
  total: PointComparison;
  cells: MainIndexCell[];
  /** Sum of the cuts over the main indices (≤ 0): what the appraisal cost the unit. */
  cutPoints: number;
}

/**
 * Joins the council's decisions (per assessment) with the provisional results (per unit code) into
 * the overview's rows: one cell per main index of the cohort, in the cohort's order, ordered by
 * provisional rank (unranked last, then by unit code).
 */
export function buildOverviewRows(
  assessments: readonly OverviewAssessment[],
  results: readonly ProvisionalUnit[],
  mainIndexCodes: readonly string[],
): OverviewRow[] {
  const resultByCode = new Map(results.map((unit) => [unit.code, unit]));
  const rows = assessments.map((assessment): OverviewRow => {
    const result = resultByCode.get(assessment.unit.code);
    const cells = mainIndexCodes.map((code): MainIndexCell => {
      const node = result?.mainIndices.find((main) => main.code === code);
      const decisions = assessment.mainIndices.find((main) => main.code === code);
      return {
        code,
        ...comparePoints(node?.selfPoints ?? null, node?.points ?? null, node?.max ?? null),
        undecided: decisions?.undecided ?? 0,
        indicators: decisions?.indicators ?? 0,
      };
    });
    return {
      assessment,
      result,
      rank: result?.rank ?? null,
      percent: result?.percent ?? null,
      total: comparePoints(result?.selfPoints ?? null, result?.points ?? null, result?.max ?? null),
      cells,
      cutPoints: cells.reduce((sum, cell) => sum + (cell.cut && cell.difference !== null ? cell.difference : 0), 0),
    };
  });
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.assessment.unit.code.localeCompare(b.assessment.unit.code),
  );
}
