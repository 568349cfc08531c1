import { type CohortScores, type CompiledFramework, createScoreSheet, type ResultSet, scoreCohort } from '@opendti/core';
import type { IndicatorDetail } from './compute-results.js';

/**
 * Rebuilds engine scores from a published snapshot, so a unit page's analysis reads exactly what was
 * published: the stored official points go in as appraised points, so cohort-relative methods are
 * not re-scored.
 */
export function scoresFromSnapshot(framework: CompiledFramework, results: ResultSet, detail: IndicatorDetail): CohortScores {
  const units = results.units.map((unit) => ({ code: unit.code, name: unit.name }));
  const sheet = createScoreSheet(framework, units);
  const indicatorCount = framework.indicatorNodes.length;
  units.forEach((unit, u) => {
    const perIndicator = detail[unit.code] ?? {};
    framework.indicatorNodes.forEach((nodeIndex, position) => {
      const entry = perIndicator[framework.nodes[nodeIndex]?.code ?? ''];
      if (!entry) return;
      const cell = u * indicatorCount + position;
      sheet.notAssessed[cell] = entry.notAssessed ? 1 : 0;
      sheet.selfPoints[cell] = entry.selfPoints ?? Number.NaN;
      sheet.appraisedPoints[cell] = entry.points ?? Number.NaN;
    });
  });
  return scoreCohort(sheet);
}
