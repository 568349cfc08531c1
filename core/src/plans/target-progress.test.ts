import { describe, expect, it } from 'vitest';
import { readScoreRows } from '../scoring/read-score-rows.js';
import { scoreCohort } from '../scoring/score-cohort.js';
import { tableOf, tinyCohortScores, tinyFramework } from '../test-support/tiny-framework.js';
import { draftPlan, draftToPlan } from './draft-plan.js';
import { nodeStanding, targetCurrent, targetMet } from './target-progress.js';

const framework = tinyFramework();
const scores = tinyCohortScores();

describe('targetCurrent measures a target as the draft measured its baseline', () => {
  it('gives back every drafted baseline on the period it was drafted from (cohort and unit drafts)', () => {
    for (const unitCode of [undefined, 'U1', 'U2', 'U3']) {
      const { targets } = draftToPlan(draftPlan(scores, unitCode === undefined ? {} : { unitCode }));
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets)
        expect([target.code, targetCurrent(scores, target, unitCode)]).toEqual([target.code, target.baseline]);
    }
  });

  it('gives back the baseline of a main index whose value was supplied', () => {
    const mixed = scoreCohort(
      readScoreRows(
        framework,
        tableOf([
          ['V1', '1', '1'],
          ['V1', '2', '0,5'],
          ['V1', '3', '1'],
          ['V2', '1', '1'],
          ['V2', '2.1', '', '25'],
          ['V2', '3', '1'],
        ]),
      ).sheet,
    );
    const { targets } = draftToPlan(draftPlan(mixed));
    expect(targets.map((target) => [target.code, target.level, targetCurrent(mixed, target)])).toEqual([
      ['2', 'mainIndex', targets[0]?.baseline],
    ]);
  });

  it('leaves out units not assessed on the indicator, and averages the others', () => {
    // 1.3: U1 not assessed ("x"), U2 no answer (0), U3 5 of 10 → (0 + 5) / 2.
    expect(nodeStanding(scores, '1.3')).toMatchObject({ points: 2.5, max: 10, units: 2 });
    expect(nodeStanding(scores, '1.3', 'U1')).toBeNull();
    expect(targetCurrent(scores, { code: '1.3', unit: 'percent' })).toBe(25);
  });

  it('measures main indices, and nothing for an unknown code or a unit outside the cohort', () => {
    const main = nodeStanding(scores, '1');
    expect(main?.units).toBe(3);
    expect(main?.points).toBeCloseTo(
      [0, 1, 2].reduce(
        (sum, u) => sum + (scores.points[u * framework.nodes.length + (framework.nodeByCode.get('1') ?? 0)] ?? 0),
        0,
      ) / 3,
      6,
    );
    expect(nodeStanding(scores, '9.9')).toBeNull();
    expect(targetCurrent(scores, { code: '1.1', unit: 'points' }, 'U9')).toBeNull();
  });

  it('calls a target met when the current value reaches it, and undecided without a current value', () => {
    expect(targetMet({ target: 10 }, 10)).toBe(true);
    expect(targetMet({ target: 10 }, 9.5)).toBe(false);
    expect(targetMet({ target: 10 }, null)).toBeNull();
  });
});
