/**
 * Reference test against an externally computed composite index: the ASEM Sustainable
 * Connectivity example of COINr (European Commission JRC, MIT licence; see
 * core/test-fixtures/coinr-asem/README.md). From the treated data, min–max normalisation (0–100,
 * direction applied) and equal-weight arithmetic means up the tree must reproduce COINr's
 * normalised and aggregated values within 1e-9, and its ranks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFramework } from '../frameworks/compile-framework.js';
import type { FrameworkDocument } from '../frameworks/framework-model.js';
import { validateFramework } from '../frameworks/load-framework.js';
import { parseCsvRecords } from '../test-support/csv.js';
import { rankDescending } from './rank.js';
import { scoreCohort } from './score-cohort.js';
import { createScoreSheet } from './score-sheet.js';

const fixture = (name: string) =>
  parseCsvRecords(readFileSync(new URL(`../../test-fixtures/coinr-asem/${name}`, import.meta.url), 'utf8'));

const indicatorMeta = fixture('ind_meta.csv');
const aggregateMeta = fixture('agg_meta.csv');
const treated = fixture('data_treated.csv');
const normalised = fixture('data_normalised.csv');
const aggregated = fixture('data_aggregated.csv');
const referenceRanks = fixture('results_ranks.csv');

function asemFramework(): FrameworkDocument {
  const level = (n: string) => aggregateMeta.filter((row) => row.AgLevel === n);
  const pillarParent = new Map(indicatorMeta.map((row) => [row.Agg1, row.Agg2]));
  return validateFramework(
    {
      id: 'coinr-asem',
      name: 'ASEM Sustainable Connectivity',
      year: 2018,
      unitKind: 'other',
      legalBasis: { document: 'COINr example', date: '2018-01-01', issuer: 'European Commission JRC' },
      aggregation: 'weightedMean',
      scale: 100,
      // COINr ranks scores rounded to 2 decimals on its 0–100 scale (JPN 6.619 and RUS 6.616 share
      // rank 47 of ConEcFin): that is 4 decimals of a 0–1 value, the same rule as the national DTI.
      precision: 4,
      groups: level('3').map((row) => ({ code: row.Code, name: row.Name, weight: Number(row.Weight) })),
      mainIndices: level('2').map((pillar) => ({
        code: pillar.Code,
        name: pillar.Name,
        weight: Number(pillar.Weight),
        group: pillarParent.get(pillar.Code),
        indicators: indicatorMeta
          .filter((row) => row.Agg1 === pillar.Code)
          .map((row) => ({
            code: row.IndCode,
            name: row.IndName,
            weight: Number(row.IndWeight),
            method: { type: 'minMax', direction: Number(row.Direction) },
          })),
      })),
    },
    'coinr-asem',
  );
}

describe('COINr ASEM reference', () => {
  const framework = compileFramework(asemFramework());
  const units = treated.map((row) => ({ code: row.UnitCode ?? '', name: row.UnitName ?? '' }));
  const sheet = createScoreSheet(framework, units);
  const indicatorCount = framework.indicatorNodes.length;
  treated.forEach((row, unit) => {
    framework.indicatorNodes.forEach((nodeIndex, position) => {
      sheet.rawValues[unit * indicatorCount + position] = Number(row[framework.nodes[nodeIndex]?.code ?? '']);
    });
  });
  const scores = scoreCohort(sheet);
  const nodeCount = framework.nodes.length;
  const pointsOf = (unit: number, code: string) => {
    const node = code === 'Index' ? 0 : (framework.nodeByCode.get(code) as number);
    return scores.points[unit * nodeCount + node] as number;
  };

  it('has the tree of the reference: 51 units, 49 indicators, 8 pillars, 2 sub-indices', () => {
    expect(units).toHaveLength(51);
    expect(indicatorCount).toBe(49);
    expect(framework.mainIndexNodes).toHaveLength(8);
    expect(framework.groupNodes).toHaveLength(2);
  });

  it('reproduces data_normalised.csv within 1e-9', () => {
    let compared = 0;
    normalised.forEach((row, unit) => {
      expect(row.UnitCode).toBe(units[unit]?.code);
      for (const meta of indicatorMeta) {
        const code = meta.IndCode ?? '';
        expect(Math.abs(pointsOf(unit, code) - Number(row[code]))).toBeLessThan(1e-9);
        compared++;
      }
    });
    expect(compared).toBe(51 * 49);
  });

  it('reproduces every aggregate of data_aggregated.csv within 1e-9', () => {
    const aggregateCodes = [...aggregateMeta.map((row) => row.Code ?? '')];
    let worst = 0;
    aggregated.forEach((row, unit) => {
      for (const code of aggregateCodes) {
        worst = Math.max(worst, Math.abs(pointsOf(unit, code) - Number(row[code])));
      }
    });
    expect(worst).toBeLessThan(1e-9);
  });

  it('reproduces results_ranks.csv for the index and every aggregate', () => {
    const unitIndex = new Map(units.map((unit, index) => [unit.code, index]));
    for (const code of aggregateMeta.map((row) => row.Code ?? '')) {
      const column = new Float64Array(units.length);
      units.forEach((_, unit) => {
        column[unit] = pointsOf(unit, code) / 100;
      });
      const ranks = rankDescending(column, framework.precision);
      for (const row of referenceRanks) {
        const unit = unitIndex.get(row.UnitCode ?? '') as number;
        expect({ unit: row.UnitCode, code, rank: ranks[unit] }).toEqual({ unit: row.UnitCode, code, rank: Number(row[code]) });
      }
      if (code === 'Index') {
        // The engine's own rank of the root is the same.
        units.forEach((_, unit) => {
          expect(scores.ranks[unit * nodeCount]).toBe(ranks[unit]);
        });
      }
    }
  });
});
