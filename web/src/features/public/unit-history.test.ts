import { describe, expect, it } from 'vitest';
import { averageMainIndexValues, buildUnitHistory, type PeriodResults } from './unit-history';

const period = (
  year: number,
  units: { code: string; value: number | null; rank: number | null }[] | undefined,
): PeriodResults => ({
  periodId: `p${year}`,
  year,
  periodName: `Kỳ ${year}`,
  results: units && { framework: { precision: 4 }, units },
});

describe('buildUnitHistory (a unit across periods, matched by code)', () => {
  const periods = [
    period(2021, [
      { code: 'MLA', value: 0.5, rank: 5 },
      { code: 'DBP', value: 0.8, rank: 1 },
      { code: 'UNR', value: null, rank: null },
    ]),
    period(2022, [
      { code: 'DBP', value: 0.8482, rank: 1 },
      { code: 'MLA', value: 0.6829, rank: 2 },
    ]),
    period(2023, [{ code: 'DBP', value: 0.5666, rank: 6 }]),
    period(2024, [{ code: 'MLA', value: 0.7, rank: 3 }]),
  ];

  it('lists the periods in which the unit appears, with its value, rank and the size of the ranking', () => {
    expect(
      buildUnitHistory(periods, 'MLA').map(({ year, value, rank, rankedCount }) => ({ year, value, rank, rankedCount })),
    ).toEqual([
      { year: 2021, value: 0.5, rank: 5, rankedCount: 2 },
      { year: 2022, value: 0.6829, rank: 2, rankedCount: 2 },
      { year: 2024, value: 0.7, rank: 3, rankedCount: 1 },
    ]);
  });

  it('compares with the previous period only when the unit was in it', () => {
    const history = buildUnitHistory(periods, 'MLA');
    expect(history.map((point) => [point.rankChange, point.valueChange])).toEqual([
      [null, null],
      [3, 0.1829],
      // 2023 has no MLA: the 2024 figure is not compared across the gap.
      [null, null],
    ]);
    expect(buildUnitHistory(periods, 'DBP').map((point) => [point.rankChange, point.valueChange])).toEqual([
      [null, null],
      [0, 0.0482],
      [-5, -0.2816],
    ]);
  });

  it('skips a period whose results did not load', () => {
    expect(buildUnitHistory([period(2021, undefined), ...periods.slice(1)], 'DBP').map((point) => point.year)).toEqual([
      2022, 2023,
    ]);
  });

  it('is empty for an unknown unit', () => {
    expect(buildUnitHistory(periods, 'XYZ')).toEqual([]);
  });
});

describe('averageMainIndexValues', () => {
  it('averages each main index over the units that have a value, at the framework precision', () => {
    const averages = averageMainIndexValues(
      [
        {
          mainIndices: [
            { code: '1', value: 0.87 },
            { code: '2', value: null },
          ],
        },
        {
          mainIndices: [
            { code: '1', value: 0.68 },
            { code: '2', value: null },
          ],
        },
        {
          mainIndices: [
            { code: '1', value: 0.5 },
            { code: '2', value: null },
          ],
        },
      ],
      4,
    );
    expect(averages.get('1')).toBe(0.6833);
    expect(averages.get('2')).toBeNull();
  });
});
