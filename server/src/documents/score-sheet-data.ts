import type { CohortScores, CompiledFramework, ResultSet } from '@opendti/core';
import type { DocumentData } from './fill-template.js';
import { formatPoints, formatRank, formatValue, MISSING } from './format-values.js';
import { blankNumber, headerFields, type ProvinceHeader } from './province-header.js';
import type { PeriodFacts } from './published-cohort.js';

export const NOT_ASSESSED_TEXT = 'Không đánh giá';

/** Main indices and indicators in the framework's reading order (depth first), the root and groups left out. */
export function readingOrder(framework: CompiledFramework): number[] {
  const order: number[] = [];
  const visit = (index: number) => {
    const node = framework.nodes[index];
    if (!node) return;
    if (node.level === 'mainIndex' || node.level === 'indicator') order.push(index);
    for (const child of node.children) visit(child);
  };
  visit(0);
  return order;
}

export interface ScoreSheetInput {
  period: PeriodFacts;
  cohortName: string;
  results: ResultSet;
  scores: CohortScores;
  unitCode: string;
  /** The council's reason per indicator code where it changed the self points. */
  reasons: ReadonlyMap<string, string>;
  header: ProvinceHeader;
  day: string;
  unitLeaderName?: string;
}

/**
 * One unit's score sheet (issue 13, document 3): every main index and indicator with the maximum,
 * the self points, the appraised points and the council's reason; the totals and the index as
 * published. Indicator points are the engine's cells rebuilt from the snapshot, totals the snapshot's.
 */
export function buildScoreSheetData(input: ScoreSheetInput): DocumentData {
  const { scores, results, unitCode } = input;
  const { framework } = scores;
  const u = scores.units.findIndex((unit) => unit.code === unitCode);
  const unit = results.units.find((candidate) => candidate.code === unitCode);
  if (u < 0 || !unit) throw new Error(`unit ${unitCode} is not in the cohort`);
  const precision = results.framework.precision;
  const nodeCount = framework.nodes.length;
  const indicatorCount = framework.indicatorNodes.length;
  const notAssessedNames: string[] = [];
  const indicators = readingOrder(framework).map((index): DocumentData => {
    const node = framework.nodes[index];
    if (!node) return {};
    if (node.level === 'mainIndex') {
      const main = unit.mainIndices.find((candidate) => candidate.code === node.code);
      return {
        code: node.code,
        name: node.name.toLocaleUpperCase('vi'),
        max: formatPoints(main?.max ?? node.maxPoints),
        selfPoints: formatPoints(main?.selfPoints),
        points: formatPoints(main?.points),
        reason: '',
      };
    }
    const cell = u * indicatorCount + node.indicatorPosition;
    if (scores.notAssessed[cell] === 1) {
      notAssessedNames.push(node.code);
      return {
        code: node.code,
        name: node.name,
        max: formatPoints(node.maxPoints),
        selfPoints: NOT_ASSESSED_TEXT,
        points: NOT_ASSESSED_TEXT,
        reason: '',
      };
    }
    const self = scores.indicatorSelfPoints[cell] as number;
    const points = scores.indicatorPoints[cell] as number;
    return {
      code: node.code,
      name: node.name,
      max: formatPoints(scores.max[u * nodeCount + index] ?? node.maxPoints),
      selfPoints: formatPoints(self),
      points: formatPoints(points),
      reason: input.reasons.get(node.code) ?? '',
    };
  });
  const rankedCount = results.units.filter((candidate) => candidate.rank !== null).length;
  return {
    ...headerFields(input.header, input.day, blankNumber('PTH', input.header)),
    periodName: input.period.name,
    periodYear: String(input.period.year),
    frameworkName: results.framework.name,
    unitCode: unit.code,
    unitName: unit.name,
    cohortName: input.cohortName,
    indicators,
    selfTotal: formatPoints(unit.selfPoints),
    pointsTotal: formatPoints(unit.points),
    effectiveMax: formatPoints(unit.max),
    maxPoints: formatPoints(results.framework.max),
    notAssessedText: notAssessedNames.length > 0 ? notAssessedNames.join(', ') : 'không có',
    indexValue: formatValue(unit.value, precision),
    indexPercent: unit.percent === null ? MISSING : formatValue(unit.percent, Math.max(precision - 2, 0)),
    rank: formatRank(unit.rank),
    rankedCount: String(rankedCount),
    unitLeaderName: input.unitLeaderName ?? '',
  };
}
