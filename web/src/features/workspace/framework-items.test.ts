import { describe, expect, it } from 'vitest';
import { answerGroups } from './framework-items';

describe('answerGroups: maxima as compiling the framework gives them', () => {
  it('answers a weighted-mean framework per indicator, out of its scale (regression: every main index was answered by value)', () => {
    // ICT Index 2018: values on a 0–1 scale, no points declared anywhere; the server expects the indicators.
    const groups = answerGroups({
      aggregation: 'weightedMean',
      scale: 1,
      mainIndices: [
        {
          code: 'HT',
          name: 'Hạ tầng kỹ thuật',
          indicators: [
            { code: 'HT1', name: 'Tỷ lệ máy tính', method: { type: 'minMax' } },
            { code: 'HT2', name: 'Băng thông', method: { type: 'minMax' } },
          ],
        },
      ],
    });
    expect(
      groups.map((group) => [group.code, group.maxPoints, group.items.map((item) => [item.code, item.level, item.maxPoints])]),
    ).toEqual([
      [
        'HT',
        1,
        [
          ['HT1', 'indicator', 1],
          ['HT2', 'indicator', 1],
        ],
      ],
    ]);
  });
});
