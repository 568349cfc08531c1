import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from './compare-years.js';
import type { ResultSet, UnitResult } from './result-set.js';

const unitResult = (
  code: string,
  value: number | null,
  rank: number | null,
  mainValue: number,
  mainRank: number,
): UnitResult => ({
  code,
  name: code,
  points: null,
  selfPoints: null,
  max: null,
  value,
  rank,
  percent: null,
  groups: [],
  mainIndices: [{ code: '1', name: 'Nhận thức số', points: null, selfPoints: null, max: null, value: mainValue, rank: mainRank }],
  pillars: [],
});
const framework = { id: 'dti', name: 'DTI', year: 2022, max: 1000, precision: 4 };

describe('compareWithPrevious', () => {
  it('adds value and rank change, matching units and main indices by code', () => {
    const previous: ResultSet = { framework, units: [unitResult('TQ', 0.2714, 44, 0.3, 50), unitResult('HG', 0.3, 30, 0.4, 20)] };
    const current: ResultSet = { framework, units: [unitResult('TQ', 0.2849, 58, 0.375, 50), unitResult('NEW', 0.5, 1, 0.5, 1)] };
    const compared = compareWithPrevious(current, previous);
    const tq = compared.units[0];
    // Seed 000: DTI 0,2849, up 0,0135 on the year, ranked 58th, down 14 places from 44th.
    expect(tq?.previous).toEqual({ value: 0.2714, rank: 44 });
    expect(tq?.change).toEqual({ value: 0.0135, rank: -14 });
    expect(tq?.mainIndices[0]?.change).toEqual({ value: 0.075, rank: 0 });
    expect(compared.units[1]?.previous).toBeUndefined();
    expect(current.units[0]?.change).toBeUndefined(); // inputs untouched
  });
});
