import { describe, expect, it } from 'vitest';
import { tableOf, tinyFramework } from '../test-support/tiny-framework.js';
import { readScoreRows } from './read-score-rows.js';
import { presentCohort, type UnitResult } from './result-set.js';
import { scoreCohort } from './score-cohort.js';

const framework = tinyFramework();

function score(rows: (string | undefined)[][]) {
  const { sheet, problems } = readScoreRows(framework, tableOf(rows));
  expect(problems).toEqual([]);
  return presentCohort(scoreCohort(sheet));
}

function unit(results: { units: UnitResult[] }, code: string): UnitResult {
  const found = results.units.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no unit ${code}`);
  return found;
}

describe('scoreCohort: sums, maxima and values', () => {
  it('scores every method and adds points up the tree', () => {
    const results = score([
      ['U1', '1.1', 'có'],
      ['U1', '1.2', '3'],
      ['U1', '1.3', '12/15'],
      ['U1', '2.1', '', '20'],
      ['U1', '3.1', '50'],
      ['U1', '3.2', 'deputy'],
      ['U2', '3.1', '100'],
    ]);
    const u1 = unit(results, 'U1');
    // 10 + 15 + 8 = 33; 20; 7.5 (50 of best 100 → 7.5) + 7.5 = 15 → 68 of 100
    expect(u1.mainIndices.map((main) => [main.code, main.points, main.max])).toEqual([
      ['1', 33, 40],
      ['2', 20, 30],
      ['3', 15, 30],
    ]);
    expect(u1.groups.map((group) => [group.code, group.points, group.max])).toEqual([
      ['A', 53, 70],
      ['B', 15, 30],
    ]);
    expect([u1.points, u1.max, u1.value, u1.percent]).toEqual([68, 100, 0.68, 68]);
    expect(u1.pillars).toMatchObject([{ code: 'P', points: 48, max: 70, value: 0.6857 }]);
    // U2 answered one indicator: the best on 3.1 earns full 15; everything unanswered is zero.
    expect([unit(results, 'U2').points, unit(results, 'U2').max]).toEqual([15, 100]);
  });

  it('removes "không đánh giá" indicators from both points and maximum, at every level', () => {
    const results = score([
      ['U1', '1.1', 'có'],
      ['U1', '1.2', '', '', '', 'x'],
      ['U1', '1.3', '100%'],
      ['U1', '2.1', '', '30'],
      ['U1', '3.1', '', '', '', 'x'],
      ['U1', '3.2', '', '', '', 'x'],
    ]);
    const u1 = unit(results, 'U1');
    expect(u1.mainIndices.map((main) => [main.points, main.max, main.value])).toEqual([
      [20, 20, 1],
      [30, 30, 1],
      [0, 0, null], // everything in it not assessed: no value, not ranked
    ]);
    expect(u1.groups.map((group) => group.max)).toEqual([50, 0]);
    expect([u1.points, u1.max, u1.value]).toEqual([50, 50, 1]);
    expect(u1.mainIndices[2]?.rank).toBeNull();
  });

  it('takes appraised points as official and keeps the self points beside them', () => {
    const results = score([
      ['U1', '1.1', 'có', '', '0'],
      ['U1', '2.1', '', '25', '20'],
      ['U1', '1.3', '1/2'],
    ]);
    const u1 = unit(results, 'U1');
    expect([u1.points, u1.selfPoints]).toEqual([25, 40]);
    expect(u1.mainIndices[0]).toMatchObject({ points: 5, selfPoints: 15 });
  });

  it('scores a main index from a supplied value and ignores its indicators', () => {
    const results = score([
      ['U1', '1', '0,375'],
      ['U1', '1.1', 'có'],
      ['U1', '2', '', '', '15'],
    ]);
    const u1 = unit(results, 'U1');
    expect(u1.mainIndices.slice(0, 2).map((main) => [main.points, main.value])).toEqual([
      [15, 0.375],
      [15, 0.5],
    ]);
    expect(u1.points).toBe(30);
  });
});

describe('scoreCohort: ranking', () => {
  it('ranks by value, so fewer points with a smaller maximum can rank above', () => {
    // U1: 45 of 100 = 0.45. U2: 40 of 70 (main index 2 not assessed) = 0.5714 → first.
    const results = score([
      ['U1', '2.1', '', '30'],
      ['U1', '1.2', '4'],
      ['U1', '3.2', '', '', '', ''],
      ['U2', '1.1', 'có'],
      ['U2', '1.2', '4'],
      ['U2', '1.3', '10/10'],
      ['U2', '2.1', '', '', '', 'x'],
    ]);
    const [u1, u2] = [unit(results, 'U1'), unit(results, 'U2')];
    expect([u1.points, u1.max, u2.points, u2.max]).toEqual([50, 100, 40, 70]);
    expect(u2.points).toBeLessThan(u1.points as number);
    expect([u2.rank, u1.rank]).toEqual([1, 2]);
  });

  it('gives tied units one rank and skips the next (1, 2, 2, 4)', () => {
    const results = score([
      ['A', '2.1', '', '30'],
      ['B', '2.1', '', '20'],
      ['C', '2.1', '', '20'],
      ['D', '2.1', '', '10'],
    ]);
    expect(['A', 'B', 'C', 'D'].map((code) => unit(results, code).rank)).toEqual([1, 2, 2, 4]);
    expect(['A', 'B', 'C', 'D'].map((code) => unit(results, code).mainIndices[1]?.rank)).toEqual([1, 2, 2, 4]);
  });

  it('decides ties at the published precision', () => {
    // 0.284851 and 0.28486 differ but both publish as 0,2849 and share first place; 0.284849
    // publishes as 0,2848 and is third.
    const results = score([
      ['A', '2.1', '', '28,4851'],
      ['B', '2.1', '', '28,486'],
      ['C', '2.1', '', '28,4849'],
    ]);
    expect(['A', 'B', 'C'].map((code) => [unit(results, code).value, unit(results, code).rank])).toEqual([
      [0.2849, 1],
      [0.2849, 1],
      [0.2848, 3],
    ]);
  });
});
