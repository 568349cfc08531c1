import { compileFramework, describeMethod, readAnswer } from '@opendti/core';
import { describe, expect, it } from 'vitest';
import { loadBuiltinFramework } from './index.js';

/**
 * The built-in 2026 commune framework scored on communes whose points were worked out by hand from
 * the rule texts (frameworks/sources/commune-2026-hcm.csv), the arithmetic written beside each answer.
 */
const document = loadBuiltinFramework('hcm-2026-commune');
const framework = compileFramework(document);

function score(answers: Record<string, string>): { total: number; byMain: Record<string, number> } {
  const byMain: Record<string, number> = {};
  let total = 0;
  for (const position of framework.indicatorNodes) {
    const node = framework.nodes[position];
    if (!node) throw new Error('missing node');
    const value = answers[node.code];
    if (value === undefined) throw new Error(`no answer for ${node.code}`);
    const reading = readAnswer(node, { value });
    if ('problems' in reading) throw new Error(`${node.code} ${value}: ${JSON.stringify(reading.problems)}`);
    const points = reading.answer.selfPoints ?? 0;
    const main = framework.nodes[node.parent]?.code ?? '?';
    byMain[main] = round((byMain[main] ?? 0) + points);
    total += points;
  }
  return { total: round(total), byMain };
}
const round = (value: number) => Math.round(value * 1e6) / 1e6;

describe('hcm-2026-commune', () => {
  it('ships 43 indicators in 8 main indices, 100 points, unverified with an empty legal basis', () => {
    expect(framework.indicatorNodes).toHaveLength(43);
    expect(framework.mainIndexNodes).toHaveLength(8);
    expect(framework.maxPoints).toBe(100);
    expect(document.mainIndices.map((main) => [main.name, main.maxPoints])).toEqual([
      ['Nhận thức số', 8],
      ['Thể chế số', 10],
      ['Hạ tầng số', 6],
      ['Nhân lực số', 10],
      ['An toàn thông tin mạng', 5],
      ['Hoạt động Chính quyền số', 45],
      ['Hoạt động Kinh tế số', 6],
      ['Hoạt động Xã hội số', 10],
    ]);
    expect(document.verified).toBe(false);
    expect(document.legalBasis).toMatchObject({ document: '', date: '', issuer: '' });
  });

  it('carries each rule as guidance and describes the new rules', () => {
    const indicators = document.mainIndices.flatMap((main) => main.indicators);
    expect(indicators.every((indicator) => (indicator.guidance ?? '').length > 10)).toBe(true);
    const method = (code: string) => indicators.find((indicator) => indicator.code === code)?.method;
    expect(describeMethod(method('DTI-28'))).toBe('Tỷ lệ (b + c)/a (từ 75% trở lên: điểm tối đa, dưới: tỷ lệ × điểm tối đa)');
    expect(describeMethod(method('DTI-30'), 'en')).toBe(
      'Ratio (b + d)/(a + c) (95% or more: full marks, below: ratio × maximum)',
    );
    expect(describeMethod(method('DTI-27'))).toBe('Tỷ lệ a/b (đạt 100% được điểm tối đa, dưới 100%: 0 điểm)');
    expect(describeMethod(method('DTI-12'))).toBe('Tỷ lệ a/b (dưới 90%: 0 điểm)');
    expect(describeMethod(method('DTI-04'))).toBe('Theo ngưỡng: ≥52 → 2; ≥20 → 1; ≥0 → 0,5; không (Chưa có chuyên mục) → 0');
    expect(describeMethod(method('DTI-10'))).toBe(
      'Cộng điểm các phần: BH Đã ban hành Kế hoạch (1: Có/Không); HT Đã hoàn thành các nhiệm vụ được giao (1: Có/Không)',
    );
  });

  it('gives full marks to a commune that meets every rule', () => {
    const full: Record<string, string> = {};
    for (const main of document.mainIndices) for (const indicator of main.indicators) full[indicator.code] = '100%';
    for (const code of ['DTI-01', 'DTI-05', 'DTI-06', 'DTI-08', 'DTI-09', 'DTI-11', 'DTI-16', 'DTI-17', 'DTI-18', 'DTI-20']) {
      full[code] = 'có';
    }
    for (const code of ['DTI-24', 'DTI-25', 'DTI-35', 'DTI-38', 'DTI-42']) full[code] = 'có';
    Object.assign(full, {
      'DTI-04': '52',
      'DTI-07': 'đúng hạn; đúng hạn; đúng hạn; đúng hạn',
      'DTI-10': 'có; có',
      'DTI-14': 'có; 2',
      'DTI-26': 'có; có',
      'DTI-36': 'có; 0/0',
    });
    expect(score(full).total).toBe(100);
  });

  it('scores commune B exactly as worked by hand', () => {
    const b = score({
      // 1 Nhận thức số (8): 2 + 1,5 + 1 + 1 = 5,5
      'DTI-01': 'có', // yes → 2
      'DTI-02': '3/4', // 0,75 × 2 = 1,5
      'DTI-03': '1/2', // 0,5 × 2 = 1
      'DTI-04': '20', // 20–51 articles → ½ × 2 = 1
      // 2 Thể chế số (10): 1 + 0 + 1 + 1 + 2 + 1 + 0 = 6
      'DTI-05': 'có', // 1
      'DTI-06': 'không', // 0
      'DTI-07': 'đúng hạn; trễ hạn; trễ hạn; không', // 0,5 + 0,25 + 0,25 + 0 = 1
      'DTI-08': 'có', // 1
      'DTI-09': 'có', // 2
      'DTI-10': 'có; không', // issued ½ × 2 = 1, tasks not done 0 → 1
      'DTI-11': 'không', // 0
      // 3 Hạ tầng số (6): 0,9 + 0 + 3 = 3,9
      'DTI-12': '90%', // in the 90–100 % band: 0,9 × 1 = 0,9
      'DTI-13': '89%', // below 90 % → 0
      'DTI-14': 'có; 1', // AI for officials ½ × 4 = 2, one AI for people ¼ × 4 = 1 → 3
      // 4 Nhân lực số (10): 1,8 + 2 + 1 + 0 + 1 + 1 + 0,2 = 7
      'DTI-15': '9/10', // 0,9 × 2 = 1,8
      'DTI-16': 'có', // 2
      'DTI-17': 'có', // 1
      'DTI-18': 'không', // 0
      'DTI-19': '50%', // 0,5 × 2 = 1
      'DTI-20': 'có', // 1
      'DTI-21': '20%', // 0,2 × 1 = 0,2
      // 5 An toàn thông tin mạng (5): 0,5 + 1 + 1 + 2 = 4,5
      'DTI-22': '1/2', // 0,5
      'DTI-23': '1/1', // 1
      'DTI-24': 'có', // 1
      'DTI-25': 'có', // 2
      // 6 Hoạt động Chính quyền số (45): 2 + 0 + 5 + 3,95 + 2,847 + 5 + 4 + 2 + 3 + 2 + 4 + 3 = 36,797
      'DTI-26': 'có; có', // 1 + 1 = 2
      'DTI-27': '99%', // below 100 % → 0
      'DTI-28': 'a=1000; b=300; c=450', // (300 + 450) ÷ 1000 = 75 % ≥ 75 % → 5
      'DTI-29': '79%', // below 80 %: 0,79 × 5 = 3,95
      'DTI-30': 'a=950; b=899; c=50; d=50', // (899 + 50) ÷ (950 + 50) = 94,9 % < 95 %: 0,949 × 3 = 2,847
      'DTI-31': '100%', // 5
      'DTI-32': '80%', // 0,8 × 5 = 4
      'DTI-33': '1/2', // 0,5 × 4 = 2
      'DTI-34': '3/4', // 0,75 × 4 = 3
      'DTI-35': 'có', // 2
      'DTI-36': 'có; 0/0', // 1022 used 2; no complaints received → full 2 → 4
      'DTI-37': '100%', // 3
      // 7 Hoạt động Kinh tế số (6): 3 + 15/7 = 5,142857
      'DTI-38': 'có', // 3
      'DTI-39': '5/7', // 5 of the 7 topics: 5/7 × 3 = 2,142857
      // 8 Hoạt động Xã hội số (10): 1,8 + 5 + 0 + 0,69 = 7,49
      'DTI-40': '90%', // 0,9 × 2 = 1,8
      'DTI-41': '30%', // ≥ 30 % → 5
      'DTI-42': 'không', // 0
      'DTI-43': '69%', // below 70 %: 0,69 × 1 = 0,69
    });
    expect(b.byMain).toEqual({ '1': 5.5, '2': 6, '3': 3.9, '4': 7, '5': 4.5, '6': 36.797, '7': 5.142857, '8': 7.49 });
    // 5,5 + 6 + 3,9 + 7 + 4,5 + 36,797 + 5,142857 + 7,49 = 76,329857
    expect(b.total).toBe(76.329857);
  });

  it('scores commune C, just below and just above the boundaries, exactly as worked by hand', () => {
    const answers: Record<string, string> = {};
    for (const main of document.mainIndices) for (const indicator of main.indicators) answers[indicator.code] = '0%';
    for (const code of ['DTI-01', 'DTI-05', 'DTI-06', 'DTI-08', 'DTI-09', 'DTI-11', 'DTI-16', 'DTI-17', 'DTI-18', 'DTI-20']) {
      answers[code] = 'không';
    }
    for (const code of ['DTI-24', 'DTI-25', 'DTI-35', 'DTI-38', 'DTI-42']) answers[code] = 'không';
    Object.assign(answers, {
      'DTI-10': 'không; không', // 0
      'DTI-14': 'không; 0', // 0
      'DTI-26': 'không; không', // 0
      'DTI-04': '19', // under 20 articles, but a section exists → ¼ × 2 = 0,5
      'DTI-07': 'Q1=trễ hạn; Q2=khong; Q3=khong; Q4=khong', // 0,25
      'DTI-12': '100%', // 1
      'DTI-13': '90,1%', // in the band: 0,901 × 1 = 0,901
      'DTI-27': '100%', // all: 3
      'DTI-28': '74%', // typed as a percent, below 75 %: 0,74 × 5 = 3,7
      'DTI-29': '80,1%', // ≥ 80 % → 5
      'DTI-30': '99,5%', // ≥ 95 % → 3
      'DTI-36': 'không; 91/100', // not used 0; 91 % in the band: 0,91 × 2 = 1,82
      'DTI-37': '99,9%', // below 100 % → 0
      'DTI-41': '29,9%', // below 30 %: 0,299 × 5 = 1,495
      'DTI-43': '70%', // ≥ 70 % → 1
    });
    // 0,5 + 0,25 + 1 + 0,901 + 3 + 3,7 + 5 + 3 + 1,82 + 0 + 1,495 + 1 = 21,666
    expect(score(answers).total).toBe(21.666);
  });

  it('gives 0 to a commune with no section and nothing done', () => {
    const answers: Record<string, string> = {};
    for (const main of document.mainIndices) for (const indicator of main.indicators) answers[indicator.code] = 'không';
    Object.assign(answers, {
      'DTI-07': 'khong; khong; khong; khong',
      'DTI-10': 'không; không',
      'DTI-14': 'không; 0',
      'DTI-26': 'không; không',
      'DTI-36': 'không; 0/5',
      'DTI-28': 'a=10; b=0; c=0',
      'DTI-30': 'a=10; b=0; c=10; d=0',
    });
    for (const code of ['DTI-02', 'DTI-03', 'DTI-12', 'DTI-13', 'DTI-15', 'DTI-19', 'DTI-21', 'DTI-22', 'DTI-23', 'DTI-27']) {
      answers[code] = '0/3';
    }
    for (const code of ['DTI-29', 'DTI-31', 'DTI-32', 'DTI-33', 'DTI-34', 'DTI-37', 'DTI-39', 'DTI-40', 'DTI-41', 'DTI-43']) {
      answers[code] = '0%';
    }
    expect(score(answers).total).toBe(0);
  });
});
