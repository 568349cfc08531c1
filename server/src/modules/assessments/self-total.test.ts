import { compileFramework } from '@opendti/core';
import { loadBuiltinFramework } from '@opendti/frameworks';
import { describe, expect, it } from 'vitest';
import { computeSelfTotal } from './self-total.js';

const framework = compileFramework(loadBuiltinFramework('dienbien-2022-department'));
const answer = (indicatorCode: string, selfPoints: number | null, extra: { notAssessed?: boolean; rawNumber?: number } = {}) => ({
  indicatorCode,
  selfPoints,
  rawNumber: extra.rawNumber ?? null,
  notAssessed: extra.notAssessed ?? false,
});

describe("the leader's self total before submitting", () => {
  it('adds the self points and leaves a "không đánh giá" indicator out of the maximum (Decision 2001 §1.3)', () => {
    const notAssessedMax = framework.nodes[framework.nodeByCode.get('3.2') ?? -1]?.maxPoints ?? Number.NaN;
    const total = computeSelfTotal(framework, [
      answer('1.1', 10),
      answer('3.1', 5),
      answer('3.2', null, { notAssessed: true }),
      answer('9.9', 40),
    ]);
    expect(total).toEqual({
      points: 15,
      maxPoints: 500 - notAssessedMax,
      value: 15 / (500 - notAssessedMax),
      cohortPending: 0,
    });
  });

  it('is zero out of the maximum with no answer', () => {
    expect(computeSelfTotal(framework, [])).toEqual({ points: 0, maxPoints: 500, value: 0, cohortPending: 0 });
  });
});
