import { describe, expect, it } from 'vitest';
import { projectedRank, rankDescending, roundToPrecision } from './rank.js';

describe('roundToPrecision', () => {
  it.each([
    [0.28485, 4, 0.2849], // stored as 0.284849999…: rounded as printed, not as stored
    [0.28484999, 4, 0.2848],
    [1.005, 2, 1.01],
    [0.12345, 4, 0.1235],
    [87.5, 0, 88],
    [-0.00005, 4, -0.0001],
  ])('%d at %d decimals is %d', (value, decimals, expected) => {
    expect(roundToPrecision(value, decimals)).toBe(expected);
  });
});

describe('rankDescending', () => {
  it('ranks like the national DTI 2022 table: two units 15th, the next 17th', () => {
    // Illustrative values around 15th place; the two middle ones print identically at 4 decimals.
    const values = Float64Array.from([0.5012, 0.48883, 0.48876, 0.4801]);
    expect([...rankDescending(values, 4)]).toEqual([1, 2, 2, 4]);
  });

  it('does not rank NaN and does not count it', () => {
    expect([...rankDescending(Float64Array.from([0.2, Number.NaN, 0.9, 0.2]), 4)]).toEqual([2, 0, 1, 2]);
  });

  it('handles an empty cohort and a single unit', () => {
    expect([...rankDescending(new Float64Array(0), 4)]).toEqual([]);
    expect([...rankDescending(Float64Array.from([0]), 4)]).toEqual([1]);
  });
});

describe('projectedRank', () => {
  it('places a candidate among the others, sharing a rank on a tie', () => {
    expect(projectedRank(0.7, [0.9, 0.7, 0.5], 4)).toBe(2);
    expect(projectedRank(0.95, [0.9, 0.7, 0.5], 4)).toBe(1);
    expect(projectedRank(0.1, [0.9, Number.NaN], 4)).toBe(2);
  });
});
