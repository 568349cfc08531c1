import { roundToPrecision } from './rank.js';
import type { CohortScores } from './score-cohort.js';

/**
 * The published shape of a cohort's results: what `opendti score --format json` prints, what a
 * period's snapshot stores, and what `--previous` reads back to compare years. Values are 0–1,
 * rounded to the framework's precision; percent = value × 100; ranks are null when not ranked.
 */
export interface ResultSet {
  framework: { id: string; name: string; year: number; max: number; precision: number };
  units: UnitResult[];
}

export interface NodeResult {
  code: string;
  name: string;
  points: number | null;
  selfPoints: number | null;
  max: number | null;
  value: number | null;
  rank: number | null;
  change?: Change;
}

export interface UnitResult extends NodeResult {
  percent: number | null;
  groups: NodeResult[];
  mainIndices: NodeResult[];
  pillars: NodeResult[];
  previous?: { value: number | null; rank: number | null };
  /**
   * The unit never submitted: the system submitted what it had entered when the self-assessment
   * closed. Shown beside its name ("nộp tự động khi đóng kỳ"), never like a submission of its own.
   */
  submittedAtClose?: boolean;
}

/** Year over year: value difference and ranks climbed (positive = moved up). */
export interface Change {
  value: number | null;
  rank: number | null;
}

/** Points are sums of decimals; six places hide float noise and lose nothing a clerk types. */
function presentPoints(points: number): number | null {
  return Number.isFinite(points) ? Math.round(points * 1e6) / 1e6 : null;
}

export function presentCohort(scores: CohortScores): ResultSet {
  const { framework, units } = scores;
  const nodeCount = framework.nodes.length;
  const pillarCount = framework.pillars.length;
  const precision = framework.precision;
  const presentValue = (value: number): number | null => (Number.isFinite(value) ? roundToPrecision(value, precision) : null);

  const nodeResult = (unit: number, nodeIndex: number): NodeResult => {
    const node = framework.nodes[nodeIndex];
    const cell = unit * nodeCount + nodeIndex;
    const rank = scores.ranks[cell] as number;
    return {
      code: node?.code ?? '',
      name: node?.name ?? '',
      points: presentPoints(scores.points[cell] as number),
      selfPoints: presentPoints(scores.selfPoints[cell] as number),
      max: presentPoints(scores.max[cell] as number),
      value: presentValue(scores.value[cell] as number),
      rank: rank > 0 ? rank : null,
    };
  };

  return {
    framework: {
      id: framework.document.id,
      name: framework.document.name,
      year: framework.document.year,
      max: framework.maxPoints,
      precision,
    },
    units: units.map((unit, u): UnitResult => {
      const overall = nodeResult(u, 0);
      return {
        ...overall,
        code: unit.code,
        name: unit.name,
        percent: overall.value === null ? null : roundToPrecision(overall.value * 100, Math.max(precision - 2, 0)),
        groups: framework.groupNodes.map((node) => nodeResult(u, node)),
        mainIndices: framework.mainIndexNodes.map((node) => nodeResult(u, node)),
        pillars: framework.pillars.map((pillar, p) => {
          const cell = u * pillarCount + p;
          const rank = scores.pillarRanks[cell] as number;
          return {
            code: pillar.code,
            name: pillar.name,
            points: presentPoints(scores.pillarPoints[cell] as number),
            selfPoints: null,
            max: presentPoints(scores.pillarMax[cell] as number),
            value: presentValue(scores.pillarValue[cell] as number),
            rank: rank > 0 ? rank : null,
          };
        }),
      };
    }),
  };
}

/** Units ordered for display: by rank, unranked last, then by code. */
export function sortByRank(units: UnitResult[]): UnitResult[] {
  return [...units].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code),
  );
}
