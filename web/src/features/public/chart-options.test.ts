import { describe, expect, it } from 'vitest';
import { rankingBarsOption } from './chart-options';

describe('rankingBarsOption', () => {
  it.each([true, false])('wraps long unit names instead of cutting them with "…" (phone: %s)', (compact) => {
    const option = rankingBarsOption([{ name: 'Thành phố Điện Biên Phủ', value: 0.8482 }], String, String, compact);
    const axis = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis;
    expect(axis?.axisLabel).toMatchObject({ overflow: 'break' });
  });
});
