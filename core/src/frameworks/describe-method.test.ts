import { describe, expect, it } from 'vitest';
import { describeMethod } from './describe-method.js';
import type { ScoringMethod } from './framework-model.js';

describe('describeMethod', () => {
  const cases: [ScoringMethod, string][] = [
    [{ type: 'yesNo' }, 'Có/Không'],
    [{ type: 'ratio' }, 'Tỷ lệ a/b'],
    [{ type: 'ratio', target: 0.9 }, 'Tỷ lệ a/b (đạt 90% được điểm tối đa)'],
    [{ type: 'ratio', allowOver100: true }, 'Tỷ lệ a/b (có thể vượt 100%)'],
    [
      {
        type: 'thresholds',
        steps: [
          { atLeast: 4, points: 20 },
          { atLeast: 3, points: 15 },
        ],
      },
      'Theo ngưỡng: ≥4 → 20; ≥3 → 15',
    ],
    [
      {
        type: 'options',
        options: [
          { code: 'head', label: 'Người đứng đầu', points: 10 },
          { code: 'deputy', label: 'Cấp phó', points: 5 },
        ],
      },
      'Chọn: head = 10, deputy = 5',
    ],
    [{ type: 'relativeToBest' }, 'So với đơn vị cao nhất'],
    [{ type: 'minMax', direction: -1 }, 'Chuẩn hoá min–max (càng thấp càng tốt)'],
    [{ type: 'direct' }, 'Chấm điểm trực tiếp'],
  ];
  it.each(cases)('%o → %s', (method, text) => {
    expect(describeMethod(method)).toBe(text);
  });
});

describe('describeMethod in English', () => {
  it('describes methods for an English reader', () => {
    expect(describeMethod({ type: 'ratio', target: 0.9 }, 'en')).toBe('Ratio a/b (full marks at 90%)');
    expect(describeMethod({ type: 'thresholds', steps: [{ atLeast: 2.5, points: 7.5 }] }, 'en')).toBe('Thresholds: ≥2.5 → 7.5');
    expect(describeMethod(undefined)).toBe('');
  });
});
