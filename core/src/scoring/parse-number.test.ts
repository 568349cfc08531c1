import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber } from './parse-number.js';

describe('parseLocaleNumber', () => {
  it.each([
    ['0,2849', 0.2849],
    ['0.2849', 0.2849],
    ['87,5%', 0.875],
    ['87.5 %', 0.875],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['12', 12],
    ['-3', -3],
    [' 4 ', 4],
    ['1e3', 1000],
  ])('reads %s as %d', (text, expected) => {
    expect(parseLocaleNumber(text)).toBeCloseTo(expected, 12);
  });

  it.each(['', 'abc', '1,2,3', '12/15', '0x10', 'Infinity', '1..2'])('rejects %j', (text) => {
    expect(parseLocaleNumber(text)).toBeNaN();
  });
});

describe('formatLocaleNumber', () => {
  it('writes a decimal comma in Vietnamese and a point in English', () => {
    expect(formatLocaleNumber(0.2849, 4)).toBe('0,2849');
    expect(formatLocaleNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatLocaleNumber(0.2849, 4, 'en')).toBe('0.2849');
    expect(formatLocaleNumber(Number.NaN, 2)).toBe('');
  });
});
