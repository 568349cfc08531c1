import { describe, expect, it } from 'vitest';
import type { ScoringMethod } from '../frameworks/framework-model.js';
import { readAnswer } from './read-answer.js';
import { scoreRawValue } from './scoring-methods.js';

/**
 * The rule kinds of the 2026 commune framework (hcm-2026-commune), each at, just below and just
 * above every boundary. Points are checked to 9 decimals.
 */
const points = (method: ScoringMethod, value: string, max: number): number => {
  const outcome = scoreRawValue(method, value, max);
  if (!('points' in outcome)) throw new Error(`${value}: ${JSON.stringify(outcome)}`);
  return Math.round(outcome.points * 1e9) / 1e9;
};
const refused = (method: ScoringMethod, value: string, max: number) => 'expected' in scoreRawValue(method, value, max);

describe('full marks at or above a threshold, ratio × max below (fullAt)', () => {
  // DTI-28 ≥ 75 % of 5 points; DTI-29 ≥ 80 %; DTI-30 ≥ 95 % of 3; DTI-41 ≥ 30 % of 5; DTI-43 ≥ 70 % of 1.
  it.each<[number, number, string, number]>([
    [0.75, 5, '75%', 5],
    [0.75, 5, '74,99%', 3.7495],
    [0.75, 5, '75,01%', 5],
    [0.75, 5, '3/4', 5],
    [0.75, 5, '0,74', 3.7],
    [0.8, 5, '80%', 5],
    [0.8, 5, '79,9%', 3.995],
    [0.8, 5, '80,1%', 5],
    [0.95, 3, '95%', 3],
    [0.95, 3, '94,9%', 2.847],
    [0.95, 3, '95,1%', 3],
    [0.3, 5, '30%', 5],
    [0.3, 5, '29,9%', 1.495],
    [0.3, 5, '30,1%', 5],
    [0.7, 1, '70%', 1],
    [0.7, 1, '69,9%', 0.699],
    [0.7, 1, '70,1%', 1],
  ])('fullAt %s of %s: %s → %s (the jump at the threshold)', (fullAt, max, value, expected) => {
    expect(points({ type: 'ratio', fullAt }, value, max)).toBe(expected);
  });
});

describe('all or nothing at 100 % (zeroBelow: 1)', () => {
  const method: ScoringMethod = { type: 'ratio', zeroBelow: 1 };
  it.each<[string, number]>([
    ['100%', 3],
    ['20/20', 3],
    ['99,9%', 0],
    ['19/20', 0],
    ['0%', 0],
  ])('%s → %s of 3', (value, expected) => expect(points(method, value, 3)).toBe(expected));
  it('refuses above 100 % as a typing error, like every part-of-a-whole ratio', () => {
    const node = { code: 'DTI-27', level: 'indicator' as const, maxPoints: 3, method };
    expect(readAnswer(node, { value: '21/20' })).toMatchObject({ problems: [{ code: 'input.ratio-above-one' }] });
  });
});

describe('ratio × max inside a band, zero below it (zeroBelow: 0.9)', () => {
  const method: ScoringMethod = { type: 'ratio', zeroBelow: 0.9 };
  it.each<[string, number]>([
    ['90%', 0.9],
    ['89,9%', 0],
    ['90,1%', 0.901],
    ['9/10', 0.9],
    ['99,5%', 0.995],
    ['100%', 1],
    ['0', 0],
  ])('%s → %s of 1', (value, expected) => expect(points(method, value, 1)).toBe(expected));
});

describe('count bands with an absent answer (DTI-04)', () => {
  const method: ScoringMethod = {
    type: 'thresholds',
    steps: [
      { atLeast: 52, points: 2 },
      { atLeast: 20, points: 1 },
      { atLeast: 0, points: 0.5 },
    ],
    absentLabel: 'Chưa có chuyên mục',
  };
  it.each<[string, number]>([
    ['52', 2],
    ['51', 1],
    ['53', 2],
    ['20', 1],
    ['19', 0.5],
    ['21', 1],
    ['0', 0.5],
    ['không', 0],
    ['Chưa', 0],
  ])('%s articles → %s', (value, expected) => expect(points(method, value, 2)).toBe(expected));
  it('asks for a number or "không"', () => {
    expect(scoreRawValue(method, 'nhiều', 2)).toEqual({
      expected: {
        vi: 'một số (ví dụ 4) hoặc "không" (Chưa có chuyên mục)',
        en: 'a number (e.g. 4) or "no" (Chưa có chuyên mục)',
      },
    });
  });
});

describe('per-period parts (DTI-07: four quarters, 0,5 on time, 0,25 late, 0 missing)', () => {
  const quarter = {
    type: 'options' as const,
    options: [
      { code: 'dung-han', label: 'Đúng hạn', points: 0.5 },
      { code: 'tre-han', label: 'Trễ hạn', points: 0.25 },
      { code: 'khong', label: 'Không thực hiện', points: 0 },
    ],
  };
  const method: ScoringMethod = {
    type: 'parts',
    parts: ['Q1', 'Q2', 'Q3', 'Q4'].map((code) => ({ code, label: `Quý ${code}`, points: 0.5, method: quarter })),
  };
  it.each<[string, number]>([
    ['đúng hạn; đúng hạn; đúng hạn; đúng hạn', 2],
    ['đúng hạn; đúng hạn; đúng hạn; trễ hạn', 1.75],
    ['dung-han; tre-han; khong; dung-han', 1.25],
    ['Q4=không; Q1=trễ hạn; Q2=trễ hạn; Q3=trễ hạn', 0.75],
    ['khong; khong; khong; khong', 0],
  ])('%s → %s', (value, expected) => expect(points(method, value, 2)).toBe(expected));
  it.each(['đúng hạn; đúng hạn; đúng hạn', 'đúng hạn; đúng hạn; đúng hạn; sớm', 'Q1=đúng hạn; Q1=đúng hạn; Q2=khong; Q3=khong'])(
    'refuses %s: every quarter once, by a known answer',
    (value) => expect(refused(method, value, 2)).toBe(true),
  );
});

describe('indicators in parts that add up (DTI-10, DTI-26, DTI-36)', () => {
  const halves: ScoringMethod = {
    type: 'parts',
    parts: [
      { code: 'BH', label: 'Đã ban hành', points: 1, method: { type: 'yesNo' } },
      { code: 'HT', label: 'Đã hoàn thành', points: 1, method: { type: 'yesNo' } },
    ],
  };
  it.each<[string, number]>([
    ['có; có', 2],
    ['có; không', 1],
    ['HT=có; BH=không', 1],
    ['không; không', 0],
  ])('DTI-10 %s → %s', (value, expected) => expect(points(halves, value, 2)).toBe(expected));

  // DTI-36: 1022 used → 2; on-time share: 100 % → 2, 90–<100 % → share × 2, < 90 % → 0; none received → 2.
  const dti36: ScoringMethod = {
    type: 'parts',
    parts: [
      { code: 'HT1022', label: 'Có sử dụng Hệ thống 1022', points: 2, method: { type: 'yesNo' } },
      {
        code: 'TIN',
        label: 'Tỷ lệ tin xử lý đúng hẹn',
        points: 2,
        method: { type: 'ratio', zeroBelow: 0.9, whenNoneCounted: 'full' },
      },
    ],
  };
  it.each<[string, number]>([
    ['có; 100%', 4],
    ['có; 9/10', 3.8],
    ['có; 89/100', 2],
    ['có; 91/100', 3.82],
    ['có; 0/0', 4],
    ['không; 0/0', 2],
    ['không; 99,5%', 1.99],
  ])('DTI-36 %s → %s', (value, expected) => expect(points(dti36, value, 4)).toBe(expected));
  it('refuses an on-time count above the total received', () => {
    expect(refused(dti36, 'có; 11/10', 4)).toBe(true);
  });
});

describe('ratios of sums with named inputs', () => {
  const dti28: ScoringMethod = {
    type: 'ratio',
    fullAt: 0.75,
    inputs: [
      { code: 'a', label: 'Tổng số hồ sơ' },
      { code: 'b', label: 'Hồ sơ trực tuyến một phần' },
      { code: 'c', label: 'Hồ sơ trực tuyến toàn trình' },
    ],
    numerator: ['b', 'c'],
    denominator: ['a'],
  };
  const dti30: ScoringMethod = {
    type: 'ratio',
    fullAt: 0.95,
    inputs: [
      { code: 'a', label: 'Người dân đánh giá' },
      { code: 'b', label: 'Người dân hài lòng' },
      { code: 'c', label: 'Doanh nghiệp đánh giá' },
      { code: 'd', label: 'Doanh nghiệp hài lòng' },
    ],
    numerator: ['b', 'd'],
    denominator: ['a', 'c'],
  };
  it.each<[ScoringMethod, string, number, number]>([
    // (b + c) ÷ a: (300 + 450) ÷ 1000 = 75 % → 5; 749 ÷ 1000 = 74,9 % → 3,745; 751 → 5.
    [dti28, 'a=1000; b=300; c=450', 5, 5],
    [dti28, 'a=1000; b=300; c=449', 5, 3.745],
    [dti28, 'c=451; b=300; a=1000', 5, 5],
    [dti28, '1000; 300; 449', 5, 3.745],
    [dti28, '74%', 5, 3.7],
    [dti28, '75%', 5, 5],
    // (b + d) ÷ (a + c): (900 + 50) ÷ (950 + 50) = 95 % → 3; (899 + 50) ÷ 1000 = 94,9 % → 2,847; 951 → 3.
    [dti30, 'a=950; b=900; c=50; d=50', 3, 3],
    [dti30, 'a=950; b=899; c=50; d=50', 3, 2.847],
    [dti30, 'a=950; b=901; c=50; d=50', 3, 3],
    [dti30, '99,5%', 3, 3],
  ])('%#: %s → %s', (method, value, max, expected) => {
    expect(points(method, value, max)).toBe(expected);
    expect(points(method, value, max)).toBe(expected);
  });
  it.each(['a=1000; b=300', 'a=1000; b=300; c=800', 'a=1000; b=300; x=1', 'a=1000; b=-3; c=2', 'a=0; b=0; c=0', 'nhiều'])(
    'refuses %s',
    (value) => expect(refused(dti28, value, 5)).toBe(true),
  );
});
