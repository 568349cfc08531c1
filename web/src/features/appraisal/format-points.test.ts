import { describe, expect, it } from 'vitest';
import { formatDifference, formatPoints } from './format-points';

describe('formatPoints', () => {
  it.each([
    [2.5, 'vi', '2,5'],
    [2.5, 'en', '2.5'],
    [10, 'vi', '10'],
    [0.125, 'vi', '0,13'],
    [1234.5, 'vi', '1234,5'],
    [-0.0001, 'vi', '0'],
    [null, 'vi', '–'],
    [Number.NaN, 'vi', '–'],
  ] as const)('%s (%s) → %s', (value, locale, expected) => {
    expect(formatPoints(value, locale)).toBe(expected);
  });
});

describe('formatDifference', () => {
  it.each([
    [-2.5, 'vi', '−2,5'],
    [1.25, 'vi', '+1,25'],
    [0, 'vi', '0'],
    [1e-12, 'en', '0'],
    [undefined, 'en', '–'],
  ] as const)('%s (%s) → %s', (value, locale, expected) => {
    expect(formatDifference(value, locale)).toBe(expected);
  });
});
