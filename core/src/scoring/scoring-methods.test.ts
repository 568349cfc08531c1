import { describe, expect, it } from 'vitest';
import type { ScoringMethod } from '../frameworks/framework-model.js';
import { parseRatio, parseYesNo, scoreRawValue } from './scoring-methods.js';

const meetings: ScoringMethod = {
  type: 'thresholds',
  steps: [
    { atLeast: 4, points: 20 },
    { atLeast: 3, points: 15 },
    { atLeast: 2, points: 10 },
    { atLeast: 1, points: 5 },
  ],
};
const chair: ScoringMethod = {
  type: 'options',
  options: [
    { code: 'head', label: 'Người đứng đầu làm Trưởng ban', points: 10 },
    { code: 'deputy', label: 'Cấp phó làm Trưởng ban', points: 5 },
  ],
};

describe('scoreRawValue', () => {
  it.each<[string, ScoringMethod, string, number, number]>([
    ['yes/no: có', { type: 'yesNo' }, 'Có', 10, 10],
    ['yes/no: không', { type: 'yesNo' }, 'không', 10, 0],
    ['yes/no: x', { type: 'yesNo' }, 'x', 5, 5],
    ['ratio a/b', { type: 'ratio' }, '12/15', 20, 16],
    ['ratio percent', { type: 'ratio' }, '87,5%', 20, 17.5],
    ['ratio fraction', { type: 'ratio' }, '0,5', 20, 10],
    ['ratio capped at max', { type: 'ratio' }, '18/15', 20, 20],
    ['ratio with target 80%', { type: 'ratio', target: 0.8 }, '60%', 20, 15],
    ['thresholds: 4 meetings', meetings, '4', 20, 20],
    ['thresholds: 6 meetings', meetings, '6', 20, 20],
    ['thresholds: 3 meetings', meetings, '3', 20, 15],
    ['thresholds: 1 meeting', meetings, '1', 20, 5],
    ['thresholds: none', meetings, '0', 20, 0],
    ['options: head', chair, 'head', 10, 10],
    ['options: deputy by label, no diacritics', chair, 'cap pho lam truong ban', 10, 5],
    ['direct points with decimal comma', { type: 'direct' }, '7,5', 10, 7.5],
  ])('%s', (_, method, text, max, expected) => {
    expect(scoreRawValue(method, text, max)).toEqual({ points: expected });
  });

  it('leaves cohort methods to the engine', () => {
    expect(scoreRawValue({ type: 'relativeToBest' }, '12', 10)).toEqual({ raw: 12 });
    expect(scoreRawValue({ type: 'minMax', direction: -1 }, '3,5', 10)).toEqual({ raw: 3.5 });
  });

  it.each<[ScoringMethod, string]>([
    [{ type: 'yesNo' }, 'maybe'],
    [{ type: 'ratio' }, 'twelve'],
    [{ type: 'ratio' }, '3/0'],
    [meetings, 'bốn'],
    [chair, 'president'],
    [{ type: 'direct' }, 'n/a'],
  ])('says what it expected for %j %j', (method, text) => {
    const outcome = scoreRawValue(method, text, 10);
    expect(outcome).toHaveProperty('expected');
  });
});

describe('parseYesNo and parseRatio', () => {
  it('reads Vietnamese and English answers', () => {
    expect(parseYesNo('Đạt')).toBe(true);
    expect(parseYesNo('KHÔNG')).toBe(false);
    expect(parseYesNo('chưa')).toBe(false);
    expect(parseYesNo('?')).toBeUndefined();
  });
  it('reads a bare number above 1 as a percentage', () => {
    expect(parseRatio('80')).toBeCloseTo(0.8);
    expect(parseRatio('0/0')).toBeNaN();
    expect(parseRatio('-1/2')).toBeUndefined();
  });
});
