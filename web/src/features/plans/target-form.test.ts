import { describe, expect, it } from 'vitest';
import type { PlanTarget } from './plan-records';
import { emptyTargetForm, targetBody, targetFormOf, targetsWith, validateTargetForm } from './target-form';

const targets: PlanTarget[] = [
  { id: 'a', code: '6.7', level: 'indicator', baseline: 4.88, target: 10, unit: 'points', dueOn: '2023-12-31' },
  { id: 'b', code: '6', level: 'mainIndex', baseline: 0.61, target: 0.8, unit: 'value', dueOn: '2023-12-31' },
];

describe('the targets', () => {
  it('takes the level from the code: a main index or an indicator', () => {
    const main = new Set(['6']);
    expect(targetBody({ ...targetFormOf(targets[1] as PlanTarget) }, main).level).toBe('mainIndex');
    expect(targetBody({ ...emptyTargetForm({ year: 2023 }), code: '6.8', target: 10 }, main)).toEqual({
      code: '6.8',
      level: 'indicator',
      baseline: null,
      target: 10,
      unit: 'points',
      dueOn: '2023-12-31',
    });
  });

  it('sends the whole list: a row replaced, one appended, one removed', () => {
    const edited = {
      code: '6.7',
      level: 'indicator' as const,
      baseline: 4.88,
      target: 9,
      unit: 'points' as const,
      dueOn: '2023-10-31',
    };
    expect(targetsWith(targets, 0, edited).map((target) => target.target)).toEqual([9, 0.8]);
    expect(targetsWith(targets, 2, edited)).toHaveLength(3);
    expect(targetsWith(targets, 0, null).map((target) => target.code)).toEqual(['6']);
    expect(targetsWith(targets, 0, null)[0]).not.toHaveProperty('id');
  });

  it('needs a code, a target and a deadline not before the plan', () => {
    expect(validateTargetForm(emptyTargetForm({ year: 2023 }), { date: '2023-01-01' })).toEqual({
      code: { key: 'errorRequired' },
      target: { key: 'errorRequired' },
    });
    expect(
      validateTargetForm({ ...targetFormOf(targets[0] as PlanTarget), dueOn: '01/12/2022' }, { date: '2023-01-01' }),
    ).toEqual({
      dueOn: { key: 'errorDueBeforePlan', params: { date: '01/01/2023' } },
    });
  });
});
