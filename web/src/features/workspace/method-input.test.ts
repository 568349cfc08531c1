import { describe, expect, it } from 'vitest';
import type { AnswerContent } from './autosave-machine';
import type { AnswerItem, ItemMethod } from './framework-items';
import {
  contentFromStored,
  contentProblem,
  inputFromValue,
  inputProblem,
  livePoints,
  type MethodInput,
  problemMessage,
  valueFromInput,
} from './method-input';

const THRESHOLDS: ItemMethod = {
  type: 'thresholds',
  steps: [
    { atLeast: 4, points: 20 },
    { atLeast: 3, points: 15 },
    { atLeast: 2, points: 10 },
    { atLeast: 1, points: 5 },
  ],
};
const OPTIONS: ItemMethod = {
  type: 'options',
  options: [
    { code: 'head', label: 'Người đứng đầu làm Trưởng ban', points: 10 },
    { code: 'deputy', label: 'Cấp phó làm Trưởng ban', points: 5 },
  ],
};

const item = (method: ItemMethod, maxPoints: number): AnswerItem => ({
  code: '1.1',
  name: 'Chỉ số',
  level: method.type === 'mainIndexValue' ? 'mainIndex' : 'indicator',
  mainIndexCode: '1',
  maxPoints,
  method,
});
const content = (value: string | null, extra: Partial<AnswerContent> = {}): AnswerContent => ({
  value,
  points: null,
  notAssessed: false,
  notAssessedReason: null,
  explanation: null,
  ...extra,
});

describe('method fields ↔ value text', () => {
  it.each<[string, ItemMethod, string | null, MethodInput]>([
    ['yes', { type: 'yesNo' }, 'có', { kind: 'yesNo', answer: true }],
    ['no, any case', { type: 'yesNo' }, 'Không', { kind: 'yesNo', answer: false }],
    ['yes typed offline', { type: 'yesNo' }, 'x', { kind: 'yesNo', answer: true }],
    ['unanswered yes/no', { type: 'yesNo' }, null, { kind: 'yesNo', answer: null }],
    ['a ÷ b', { type: 'ratio' }, '12/15', { kind: 'ratio', mode: 'fraction', numerator: 12, denominator: 15, percent: null }],
    [
      'a half-typed ratio',
      { type: 'ratio' },
      '12/',
      { kind: 'ratio', mode: 'fraction', numerator: 12, denominator: null, percent: null },
    ],
    [
      'a percentage with a decimal comma',
      { type: 'ratio' },
      '87,5%',
      { kind: 'ratio', mode: 'percent', numerator: null, denominator: null, percent: 87.5 },
    ],
    [
      'a 0–1 ratio',
      { type: 'ratio' },
      '0,8',
      { kind: 'ratio', mode: 'percent', numerator: null, denominator: null, percent: 80 },
    ],
    [
      'a bare number above 1 is a percentage',
      { type: 'ratio' },
      '80',
      { kind: 'ratio', mode: 'percent', numerator: null, denominator: null, percent: 80 },
    ],
    ['a count', THRESHOLDS, '3', { kind: 'count', count: 3 }],
    ['a raw number for the cohort', { type: 'relativeToBest' }, '1234.5', { kind: 'count', count: 1234.5 }],
    ['an option by code', OPTIONS, 'deputy', { kind: 'option', code: 'deputy' }],
    ['an option by its label, without accents', OPTIONS, 'nguoi dung dau lam truong ban', { kind: 'option', code: 'head' }],
    ['an unknown option', OPTIONS, 'chairman', { kind: 'option', code: null }],
    ['points with a decimal comma', { type: 'direct' }, '7,5', { kind: 'points', points: 7.5 }],
    ['a main index value', { type: 'mainIndexValue' }, '0,2849', { kind: 'mainIndexValue', value: 0.2849 }],
  ])('reads %s', (_name, method, value, expected) => {
    expect(inputFromValue(method, value)).toEqual(expected);
  });

  it.each<[MethodInput, string | null]>([
    [{ kind: 'yesNo', answer: true }, 'có'],
    [{ kind: 'yesNo', answer: false }, 'không'],
    [{ kind: 'yesNo', answer: null }, null],
    [{ kind: 'ratio', mode: 'fraction', numerator: 12, denominator: 15, percent: null }, '12/15'],
    [{ kind: 'ratio', mode: 'fraction', numerator: 12, denominator: null, percent: null }, '12/'],
    [{ kind: 'ratio', mode: 'fraction', numerator: null, denominator: null, percent: 50 }, null],
    [{ kind: 'ratio', mode: 'percent', numerator: 3, denominator: 4, percent: 87.5 }, '87.5%'],
    [{ kind: 'count', count: 4 }, '4'],
    [{ kind: 'option', code: 'head' }, 'head'],
    [{ kind: 'points', points: 7.5 }, '7.5'],
    [{ kind: 'points', points: null }, null],
    [{ kind: 'mainIndexValue', value: 0.2849 }, '0.2849'],
  ])('writes %j as %j', (input, value) => {
    expect(valueFromInput(input)).toBe(value);
  });

  it('round-trips what it writes', () => {
    const inputs: [ItemMethod, MethodInput][] = [
      [{ type: 'ratio' }, { kind: 'ratio', mode: 'fraction', numerator: 3, denominator: 7, percent: null }],
      [{ type: 'ratio' }, { kind: 'ratio', mode: 'percent', numerator: null, denominator: null, percent: 62.5 }],
      [THRESHOLDS, { kind: 'count', count: 2 }],
      [{ type: 'direct' }, { kind: 'points', points: 0.5 }],
    ];
    for (const [method, input] of inputs) expect(inputFromValue(method, valueFromInput(input))).toEqual(input);
  });

  it('shows points stored without a value in the points field', () => {
    expect(inputFromValue({ type: 'direct' }, null, 4)).toEqual({ kind: 'points', points: 4 });
  });
});

describe("what keeps an answer from being saved: core's problem, in both languages", () => {
  it.each<[string, AnswerItem, MethodInput, string | null, string | null]>([
    [
      'a ratio without its denominator',
      item({ type: 'ratio' }, 5),
      { kind: 'ratio', mode: 'fraction', numerator: 3, denominator: null, percent: null },
      'input.bad-value',
      null,
    ],
    [
      '0 ÷ 0',
      item({ type: 'ratio' }, 5),
      { kind: 'ratio', mode: 'fraction', numerator: 0, denominator: 0, percent: null },
      'input.bad-value',
      null,
    ],
    // Before: 120 of 100 scored full marks, and the field said nothing.
    [
      'a numerator above its denominator',
      item({ type: 'ratio' }, 5),
      { kind: 'ratio', mode: 'fraction', numerator: 120, denominator: 100, percent: null },
      'input.ratio-above-one',
      'Ratio 120/100 of "1.1" exceeds 100%: the numerator a (120) cannot be larger than the denominator b (100)',
    ],
    [
      'a full ratio',
      item({ type: 'ratio' }, 5),
      { kind: 'ratio', mode: 'fraction', numerator: 3, denominator: 4, percent: null },
      null,
      null,
    ],
    [
      'an empty ratio (clearing the answer)',
      item({ type: 'ratio' }, 5),
      { kind: 'ratio', mode: 'fraction', numerator: null, denominator: null, percent: null },
      null,
      null,
    ],
    [
      'points above the maximum',
      item({ type: 'direct' }, 10),
      { kind: 'points', points: 12 },
      'input.points-above-max',
      'Points 12 exceed the maximum 10 of "1.1"',
    ],
    ['points at the maximum', item({ type: 'direct' }, 10), { kind: 'points', points: 10 }, null, null],
    [
      'points off the step',
      { ...item({ type: 'direct' }, 2), pointsStep: 0.25 },
      { kind: 'points', points: 0.3 },
      'input.points-off-step',
      'Points 0.3 of "1.1" are not in steps of 0.25 (nearest: 0.25 or 0.5)',
    ],
    [
      'a negative count',
      item(THRESHOLDS, 20),
      { kind: 'count', count: -1 },
      'input.negative-value',
      'Value -1 of "1.1" cannot be negative',
    ],
    [
      'a main-index value above 1',
      item({ type: 'mainIndexValue' }, 100),
      { kind: 'mainIndexValue', value: 1.2 },
      'input.value-level',
      null,
    ],
  ])('%s', (_name, answerItem, input, code, english) => {
    const problem = inputProblem(answerItem, input);
    expect(problem?.code ?? null).toBe(code);
    if (problem && english) {
      expect(problemMessage(problem, 'en')).toBe(english);
      expect(problemMessage(problem, 'vi')).not.toBe(english);
    }
  });

  it('a "not assessed" needs its reason', () => {
    const answerItem = item({ type: 'yesNo' }, 5);
    expect(contentProblem(answerItem, content(null, { notAssessed: true, notAssessedReason: '  ' }))?.code).toBe(
      'workflow.reason-required',
    );
    expect(contentProblem(answerItem, content(null, { notAssessed: true, notAssessedReason: 'Không có nhiệm vụ' }))).toBeNull();
  });
});

describe('live self points, as the server computes them', () => {
  it.each<[string, AnswerItem, AnswerContent, ReturnType<typeof livePoints>]>([
    ['yes', item({ type: 'yesNo' }, 5), content('có'), { kind: 'points', points: 5 }],
    ['no', item({ type: 'yesNo' }, 5), content('không'), { kind: 'points', points: 0 }],
    ['12/15 of 20 is exactly 16', item({ type: 'ratio' }, 20), content('12/15'), { kind: 'points', points: 16 }],
    ['a ratio above 100% is refused', item({ type: 'ratio' }, 20), content('120%'), { kind: 'invalid' }],
    [
      'a ratio allowed above 100% is capped',
      item({ type: 'ratio', allowOver100: true }, 20),
      content('120%'),
      { kind: 'points', points: 20 },
    ],
    ['a ratio with a target', item({ type: 'ratio', target: 0.8 }, 10), content('40%'), { kind: 'points', points: 5 }],
    ['3 meetings', item(THRESHOLDS, 20), content('3'), { kind: 'points', points: 15 }],
    ['no meeting', item(THRESHOLDS, 20), content('0'), { kind: 'points', points: 0 }],
    ['a deputy chairs', item(OPTIONS, 10), content('deputy'), { kind: 'points', points: 5 }],
    ['relative to the best', item({ type: 'relativeToBest' }, 10), content('42'), { kind: 'cohort', raw: 42 }],
    ['direct points', item({ type: 'direct' }, 10), content('7.5'), { kind: 'points', points: 7.5 }],
    ['points above the maximum', item({ type: 'direct' }, 10), content('12'), { kind: 'invalid' }],
    ['a half-typed ratio', item({ type: 'ratio' }, 5), content('12/'), { kind: 'invalid' }],
    ['a main index value', item({ type: 'mainIndexValue' }, 100), content('0.25'), { kind: 'points', points: 25 }],
    ['nothing yet', item({ type: 'yesNo' }, 5), content(null), { kind: 'none' }],
    ['not assessed', item({ type: 'yesNo' }, 5), content('có', { notAssessed: true }), { kind: 'notAssessed' }],
    ['points typed over the value', item({ type: 'yesNo' }, 5), content('có', { points: 3 }), { kind: 'points', points: 3 }],
    // The save route refuses both (core's readAnswer); the live line said 3 and 7 points.
    ['points typed beside an unreadable value', item({ type: 'yesNo' }, 5), content('có lẽ', { points: 3 }), { kind: 'invalid' }],
    ['points typed above the maximum', item({ type: 'yesNo' }, 5), content('có', { points: 7 }), { kind: 'invalid' }],
  ])('%s', (_name, answerItem, answer, expected) => {
    expect(livePoints(answerItem, answer)).toEqual(expected);
  });
});

describe('the content of a stored answer', () => {
  const stored = (value: string | null, selfPoints: number | null) => ({
    value,
    selfPoints,
    notAssessed: false,
    notAssessedReason: null,
    explanation: 'Giải trình',
    version: 3,
    updatedAt: '2024-01-10T02:00:00Z',
  });

  it('keeps points typed over the value as an override, and nothing else', () => {
    expect(contentFromStored(item({ type: 'yesNo' }, 5), stored('có', 5)).points).toBeNull();
    expect(contentFromStored(item({ type: 'yesNo' }, 5), stored('có', 3)).points).toBe(3);
    expect(contentFromStored(item({ type: 'yesNo' }, 5), stored(null, 2)).points).toBe(2);
  });

  it('puts points of a direct indicator stored without a value into its value', () => {
    expect(contentFromStored(item({ type: 'direct' }, 10), stored(null, 4))).toMatchObject({ value: '4', points: null });
  });

  it('is empty without an answer', () => {
    expect(contentFromStored(item({ type: 'direct' }, 10), null)).toEqual(content(null));
  });
});
