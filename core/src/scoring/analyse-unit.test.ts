import { describe, expect, it } from 'vitest';
import { tableOf, tinyFramework } from '../test-support/tiny-framework.js';
import { analyseUnit, rankOpportunities, simulateFullMarks } from './analyse-unit.js';
import { readScoreRows } from './read-score-rows.js';
import { scoreCohort } from './score-cohort.js';

const framework = tinyFramework();
const { sheet } = readScoreRows(
  framework,
  tableOf([
    ['U1', '1.1', 'có'],
    ['U1', '1.2', '2'],
    ['U1', '1.3', '', '', '', 'x'],
    ['U1', '2.1', '', '30'],
    ['U1', '3.1', '40'],
    ['U2', '1.1', 'có'],
    ['U2', '1.2', '4'],
    ['U2', '2.1', '', '25'],
    ['U2', '3.1', '80'],
    ['U2', '3.2', 'head'],
  ]),
);
const scores = scoreCohort(sheet);

describe('analyseUnit', () => {
  it('sorts each main index into full, partial, zero and not assessed, with the points lost', () => {
    const analysis = analyseUnit(scores, 'U1');
    const codes = (list: { code: string }[]) => list.map((item) => item.code);
    expect(
      analysis.map((main) => [
        main.code,
        codes(main.full),
        codes(main.partial),
        codes(main.zero),
        codes(main.notAssessed),
        main.lost,
      ]),
    ).toEqual([
      ['1', ['1.1'], ['1.2'], [], ['1.3'], 10],
      ['2', ['2.1'], [], [], [], 0],
      ['3', [], ['3.1'], ['3.2'], [], 22.5],
    ]);
    expect(analysis[2]?.zero[0]).toMatchObject({ answered: false, lost: 15 });
  });
});

describe('simulateFullMarks', () => {
  it('projects points, value and rank if chosen indicators reached full marks', () => {
    // U1 now: 10 + 10 + 30 + 7.5 = 57.5 of 90 = 0.6389; U2: 10 + 20 + 25 + 15 + 15 = 85 of 100.
    const whatIf = simulateFullMarks(scores, 'U1', ['3.2', '1.2', '1.3', 'unknown']);
    expect(whatIf).toEqual({
      raised: ['3.2', '1.2'], // 1.3 is not assessed for U1, unknown codes are ignored
      points: 82.5,
      max: 90,
      value: 0.9167,
      rank: 1,
      currentValue: 57.5 / 90,
      currentRank: 2,
    });
  });
});

describe('simulateFullMarks on a supplied main-index value', () => {
  it('raises the main index to value 1, as the national DTI is scored', () => {
    const supplied = scoreCohort(
      readScoreRows(
        framework,
        tableOf([
          ['V1', '1', '0,5'],
          ['V1', '2', '0,5'],
          ['V1', '3', '0,5'],
          ['V2', '1', '0,6'],
          ['V2', '2', '0,6'],
          ['V2', '3', '0,6'],
        ]),
      ).sheet,
    );
    // V1: 20 + 15 + 15 = 50 of 100; main index 2 at full: 20 + 30 + 15 = 65, past V2's 60.
    expect(simulateFullMarks(supplied, 'V1', ['2'])).toMatchObject({
      raised: ['2'],
      points: 65,
      value: 0.65,
      rank: 1,
      currentRank: 2,
    });
  });
});

describe('rankOpportunities', () => {
  it('lists the indicators that would raise the value most, best first', () => {
    const opportunities = rankOpportunities(scores, 'U1', 2);
    expect(opportunities.map((item) => [item.code, item.lost])).toEqual([
      ['3.2', 15],
      ['1.2', 10],
    ]);
    expect(opportunities[0]?.valueGain).toBeCloseTo(15 / 90, 12);
  });
});
