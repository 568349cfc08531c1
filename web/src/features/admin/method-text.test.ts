import type { ScoringMethod } from '@opendti/core';
import { describe, expect, it } from 'vitest';
import { describeMethod } from './method-text';

describe('describeMethod', () => {
  it.each<[ScoringMethod, 'vi' | 'en', string]>([
    [{ type: 'yesNo' }, 'vi', 'Có/Không'],
    [{ type: 'ratio', target: 0.875 }, 'vi', 'Tỷ lệ a/b (đạt 87,5% được điểm tối đa)'],
    [{ type: 'ratio', target: 0.875 }, 'en', 'Ratio a/b (full marks at 87.5%)'],
    [
      {
        type: 'thresholds',
        steps: [
          { atLeast: 4, points: 20 },
          { atLeast: 1, points: 2.5 },
        ],
      },
      'vi',
      'Theo ngưỡng: ≥4 → 20; ≥1 → 2,5',
    ],
    [{ type: 'options', options: [{ code: 'head', label: 'Người đứng đầu', points: 10 }] }, 'vi', 'Chọn: Người đứng đầu = 10'],
    [{ type: 'minMax', direction: -1 }, 'en', 'Min–max normalised (lower is better)'],
  ])('%j in %s → %s', (method, locale, text) => {
    expect(describeMethod(method, locale)).toBe(text);
  });
});
