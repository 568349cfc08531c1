import { describe, expect, it } from 'vitest';
import { canReopen, finaliseReadiness } from './finalise-readiness';

describe('finaliseReadiness', () => {
  const ready = { role: 'councilChair', periodState: 'appraisal', state: 'inAppraisal', undecided: 0 } as const;

  it.each([
    [{}, { allowed: true }],
    [{ state: 'supplemented' }, { allowed: true }],
    [{ role: 'appraiser' }, { allowed: false, reason: 'notChair' }],
    [{ role: undefined }, { allowed: false, reason: 'notChair' }],
    [{ state: 'finalised' }, { allowed: false, reason: 'finalised' }],
    [{ periodState: 'published' }, { allowed: false, reason: 'periodState' }],
    [{ state: 'draft' }, { allowed: false, reason: 'notSubmitted' }],
    [{ state: 'supplementationRequested' }, { allowed: false, reason: 'awaitingUnit' }],
    [{ state: 'submitted' }, { allowed: false, reason: 'notStarted' }],
  ] as const)('%j → %j', (change, expected) => {
    expect(finaliseReadiness({ ...ready, ...change })).toEqual(expected);
  });

  it('names how many indicators remain undecided, and the first few', () => {
    expect(
      finaliseReadiness({ ...ready, undecided: 7, undecidedCodes: ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '3.3'] }),
    ).toEqual({ allowed: false, reason: 'undecided', undecided: 7, codes: ['1.1', '1.2', '2.1', '2.2', '3.1'] });
  });
});

describe('canReopen', () => {
  it('is the chair’s alone, on a finalised appraisal, while the period is under appraisal', () => {
    expect(canReopen('councilChair', 'appraisal', 'finalised')).toBe(true);
    expect(canReopen('appraiser', 'appraisal', 'finalised')).toBe(false);
    expect(canReopen('councilChair', 'published', 'finalised')).toBe(false);
    expect(canReopen('councilChair', 'appraisal', 'inAppraisal')).toBe(false);
  });
});
