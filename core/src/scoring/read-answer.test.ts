import { describe, expect, it } from 'vitest';
import { formatMessage } from '../errors/problem.js';
import { tinyFramework } from '../test-support/tiny-framework.js';
import { type AnswerFields, type AnswerNode, readAnswer, readPoints } from './read-answer.js';

const framework = tinyFramework();
const node = (code: string): AnswerNode => framework.nodes[framework.nodeByCode.get(code) as number] as AnswerNode;

describe('readAnswer: the self points and stored value of one answer', () => {
  it.each<[string, string, AnswerFields, { selfPoints: number | null; rawNumber: number | null }]>([
    ['yes/no', '1.1', { value: 'có' }, { selfPoints: 10, rawNumber: null }],
    ['thresholds', '1.2', { value: '3' }, { selfPoints: 15, rawNumber: null }],
    ['ratio', '1.3', { value: '12/15' }, { selfPoints: 8, rawNumber: null }],
    ['direct, decimal comma', '2.1', { value: '7,5' }, { selfPoints: 7.5, rawNumber: null }],
    ['relative to best: a raw number for the cohort', '3.1', { value: '120' }, { selfPoints: null, rawNumber: 120 }],
    ['options by code', '3.2', { value: 'deputy' }, { selfPoints: 7.5, rawNumber: null }],
    ['typed points over the value', '1.1', { value: 'có', points: 4 }, { selfPoints: 4, rawNumber: null }],
    ['nothing yet', '1.1', {}, { selfPoints: null, rawNumber: null }],
    ['a blank value', '1.1', { value: '  ' }, { selfPoints: null, rawNumber: null }],
    [
      'not assessed, with its reason',
      '1.1',
      { notAssessed: true, notAssessedReason: 'chưa có' },
      { selfPoints: null, rawNumber: null },
    ],
    ['a main index by its value', '1', { value: '37,5%' }, { selfPoints: 0.375, rawNumber: null }],
    ['a main index by points out of its maximum', '1', { points: 10 }, { selfPoints: 0.25, rawNumber: null }],
  ])('%s', (_, code, input, expected) => {
    expect(readAnswer(node(code), input)).toEqual({ answer: { ...expected, value: input.value ?? null } });
  });

  it('reads an indicator of a weighted-mean framework against the scale its compiled node carries', () => {
    const indicator: AnswerNode = { code: 'I1', level: 'indicator', maxPoints: 1, method: { type: 'ratio' } };
    expect(readAnswer(indicator, { value: '80%' })).toEqual({ answer: { selfPoints: 0.8, rawNumber: null, value: '80%' } });
  });

  it.each<[string, string, AnswerFields, string, string]>([
    ['points above the maximum', '2.1', { points: 31 }, 'input.points-above-max', 'points 31 exceed the maximum 30 of "2.1"'],
    ['negative typed points', '2.1', { points: -1 }, 'input.negative-points', 'points -1 of "2.1" are negative'],
    // Before: the save route stored a negative direct value as negative self points.
    ['a negative direct value', '2.1', { value: '-3' }, 'input.negative-points', 'points -3 of "2.1" are negative'],
    [
      'a direct value above the maximum',
      '2.1',
      { value: '31' },
      'input.points-above-max',
      'points 31 exceed the maximum 30 of "2.1"',
    ],
    [
      'a value that does not fit yes/no',
      '1.1',
      { value: 'maybe' },
      'input.bad-value',
      'value "maybe" of "1.1" does not fit method yesNo: expected yes/no (có/không, x, 1/0)',
    ],
    [
      'an unreadable value beside typed points',
      '1.1',
      { value: 'maybe', points: 5 },
      'input.bad-value',
      'value "maybe" of "1.1" does not fit method yesNo: expected yes/no (có/không, x, 1/0)',
    ],
    // Before: 120 of 100 scored 120 % as full marks; a ratio counts a part of its whole.
    [
      'a ratio whose numerator exceeds its denominator',
      '1.3',
      { value: '120/100' },
      'input.ratio-above-one',
      'ratio 120/100 of "1.3" exceeds 100%: the numerator a (120) cannot be larger than the denominator b (100)',
    ],
    [
      'a percentage above 100',
      '1.3',
      { value: '120%' },
      'input.ratio-above-one',
      'ratio 120% of "1.3" exceeds 100%: the numerator a (120) cannot be larger than the denominator b (100)',
    ],
    ['a negative part of a ratio', '1.3', { value: '-2/5' }, 'input.negative-value', 'value -2/5 of "1.3" cannot be negative'],
    // Before: a negative count scored 0 points silently.
    ['a negative count', '1.2', { value: '-1' }, 'input.negative-value', 'value -1 of "1.2" cannot be negative'],
    ['a negative figure for the cohort', '3.1', { value: '-5' }, 'input.negative-value', 'value -5 of "3.1" cannot be negative'],
    [
      'a main-index value above 1',
      '1',
      { value: '1,5' },
      'input.value-level',
      '"1" is a main index: give a 0–1 value or points, not "1,5"',
    ],
    [
      'not assessed without a reason',
      '1.1',
      { notAssessed: true, notAssessedReason: ' ' },
      'workflow.reason-required',
      'a reason is required to mark indicator 1.1 as not assessed',
    ],
  ])('refuses %s, naming the indicator in both languages', (_, code, input, problemCode, english) => {
    const reading = readAnswer(node(code), input);
    if (!('problems' in reading)) throw new Error('expected problems');
    const [problem] = reading.problems;
    expect(problem?.code).toBe(problemCode);
    expect(formatMessage(problem as NonNullable<typeof problem>, 'en')).toBe(english);
    const vietnamese = formatMessage(problem as NonNullable<typeof problem>, 'vi');
    expect(vietnamese).toContain(code);
    expect(vietnamese).not.toBe(english);
  });
});

describe('the limits a framework declares', () => {
  const stepped: AnswerNode = { code: 'S', level: 'indicator', maxPoints: 2, method: { type: 'direct' }, pointsStep: 0.25 };

  it.each<[string, number, AnswerFields, number]>([
    ['a multiple of the step', 0.25, { value: '1,75' }, 1.75],
    ['a multiple that binary fractions miss', 0.1, { value: '0.3' }, 0.3],
    ['typed points on the step', 0.25, { points: 0.5 }, 0.5],
  ])('accepts %s', (_, pointsStep, input, points) => {
    expect(readAnswer({ ...stepped, pointsStep }, input)).toMatchObject({ answer: { selfPoints: points } });
  });

  it.each<[string, AnswerFields]>([
    ['as the value of a direct method', { value: '1,3' }],
    ['as points typed over the value', { points: 1.3 }],
  ])('refuses points off the step %s, naming the nearest steps', (_, input) => {
    const reading = readAnswer(stepped, input);
    if (!('problems' in reading)) throw new Error('expected problems');
    const [problem] = reading.problems;
    expect(problem?.code).toBe('input.points-off-step');
    expect(formatMessage(problem as NonNullable<typeof problem>, 'en')).toBe(
      'points 1.3 of "S" are not in steps of 0.25 (nearest: 1.25 or 1.5)',
    );
    expect(formatMessage(problem as NonNullable<typeof problem>, 'vi')).toBe(
      'điểm 1,3 của "S" không theo bước 0,25 điểm (gần nhất: 1,25 hoặc 1,5)',
    );
  });

  it('lets a ratio that allows it pass 100 %, capped at the maximum', () => {
    const node: AnswerNode = { code: 'R', level: 'indicator', maxPoints: 10, method: { type: 'ratio', allowOver100: true } };
    expect(readAnswer(node, { value: '120/100' })).toEqual({ answer: { selfPoints: 10, rawNumber: null, value: '120/100' } });
  });

  it('accepts a ratio at exactly 100 %', () => {
    expect(readAnswer(node('1.3'), { value: '15/15' })).toMatchObject({ answer: { selfPoints: 10 } });
  });
});

describe('readPoints: points within 0 … maximum, typed or as text', () => {
  it('reads "7,5" and 7.5 alike, and quotes unreadable text', () => {
    expect(readPoints(node('2.1'), '7,5')).toEqual({ points: 7.5 });
    expect(readPoints(node('2.1'), 7.5)).toEqual({ points: 7.5 });
    expect(readPoints(node('2.1'), 30.0000000001)).toEqual({ points: 30.0000000001 });
    expect(readPoints(node('2.1'), 'abc')).toEqual({ problems: [{ code: 'input.not-a-number', params: { value: 'abc' } }] });
  });
});
