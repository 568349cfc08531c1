import { compileFramework, DomainError } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { describe, expect, it } from 'vitest';
import { scoreAnswer } from './answers.service.js';

const district = compileFramework(loadBuiltinFramework('dienbien-2022-district'));
const dti = compileFramework(loadBuiltinFramework('dti-province-2022'));
const node = (framework: typeof district, code: string) =>
  framework.nodes[framework.nodeByCode.get(code) as number] as (typeof district.nodes)[number];

describe('scoreAnswer', () => {
  it('scores an indicator by its method, or takes typed points', () => {
    expect(scoreAnswer(node(district, '1.1'), { value: 'có', baseVersion: 0 }, 'sum', 1)).toEqual({
      selfPoints: 5,
      rawNumber: null,
    });
    expect(scoreAnswer(node(district, '3.1'), { value: '12/15', baseVersion: 0 }, 'sum', 1)).toEqual({
      selfPoints: 4,
      rawNumber: null,
    });
    expect(scoreAnswer(node(district, '1.2'), { points: 7.5, baseVersion: 0 }, 'sum', 1)).toEqual({
      selfPoints: 7.5,
      rawNumber: null,
    });
    expect(scoreAnswer(node(district, '1.2'), { baseVersion: 0 }, 'sum', 1)).toEqual({ selfPoints: null, rawNumber: null });
  });

  it('takes a main-index value the way the Ministry publishes it: 0,3750 or 37,5%', () => {
    expect(scoreAnswer(node(dti, '1'), { value: '0,3750', baseVersion: 0 }, 'sum', 1).selfPoints).toBeCloseTo(0.375, 12);
    expect(scoreAnswer(node(dti, '1'), { value: '37,5%', baseVersion: 0 }, 'sum', 1).selfPoints).toBeCloseTo(0.375, 12);
    expect(scoreAnswer(node(dti, '6'), { points: 70.36, baseVersion: 0 }, 'sum', 1).selfPoints).toBeCloseTo(0.3518, 12);
  });

  it.each([
    ['a value above 1 for a main index', () => scoreAnswer(node(dti, '1'), { value: '1,5', baseVersion: 0 }, 'sum', 1)],
    ['points above the maximum', () => scoreAnswer(node(district, '1.2'), { points: 11, baseVersion: 0 }, 'sum', 1)],
    ['negative points', () => scoreAnswer(node(district, '1.2'), { points: -1, baseVersion: 0 }, 'sum', 1)],
    ['a value that does not fit yes/no', () => scoreAnswer(node(district, '1.1'), { value: 'maybe', baseVersion: 0 }, 'sum', 1)],
    [
      '"không đánh giá" without a reason',
      () => scoreAnswer(node(district, '1.1'), { notAssessed: true, baseVersion: 0 }, 'sum', 1),
    ],
  ])('refuses %s with a message naming the indicator', (_, call) => {
    expect(call).toThrow(DomainError);
    try {
      call();
    } catch (error) {
      expect((error as DomainError).problems[0]?.params?.detail).toMatch(/^chỉ số \d/);
    }
  });
});
