import { describe, expect, it } from 'vitest';
import { formatMessage } from '../errors/problem.js';
import { evaluatePeriodActions } from './period-workflow.js';
import type { Actor } from './roles.js';
import {
  deadlineExtensionProblems,
  earlyCloseWarning,
  evaluateUnitActions,
  isSubmittedLate,
  publishBlock,
  type UnitProgressFacts,
  unitDeadline,
  unitProgressStatus,
} from './unit-progress.js';

const base: UnitProgressFacts = {
  periodState: 'selfAssessment',
  assessmentState: 'draft',
  participation: 'participating',
  answered: 0,
  submittedAt: null,
  submittedAtClose: false,
  periodDeadline: '2025-01-30',
};

describe('unitProgressStatus', () => {
  it('tells not started from in progress while units self-assess', () => {
    expect(unitProgressStatus(base)).toBe('notStarted');
    expect(unitProgressStatus({ ...base, assessmentState: undefined, periodState: 'draft' })).toBe('notStarted');
    expect(unitProgressStatus({ ...base, answered: 3 })).toBe('inProgress');
  });

  it('tells a submission on time, a late one (after the period deadline, by an extension) and one made by the close', () => {
    const submitted = { ...base, assessmentState: 'submitted', answered: 5 };
    // 30/01 at 23:00 in Hà Nội is 16:00 UTC: on time.
    expect(unitProgressStatus({ ...submitted, submittedAt: '2025-01-30T16:00:00Z' })).toBe('submitted');
    expect(unitProgressStatus({ ...submitted, submittedAt: '2025-01-30T17:30:00Z' })).toBe('submittedLate');
    expect(unitProgressStatus({ ...submitted, submittedAt: '2025-02-03T09:00:00Z', submittedAtClose: true })).toBe(
      'submittedAtClose',
    );
    expect(isSubmittedLate({ submittedAt: '2025-02-03T09:00:00Z', submittedAtClose: true, periodDeadline: '2025-01-30' })).toBe(
      false,
    );
  });

  it('says "no data" for a unit with no answer once the self-assessment is closed, and shows the manager\'s decisions', () => {
    expect(unitProgressStatus({ ...base, periodState: 'appraisal' })).toBe('noData');
    expect(unitProgressStatus({ ...base, periodState: 'appraisal', participation: 'scoredAsZero' })).toBe('scoredAsZero');
    expect(unitProgressStatus({ ...base, answered: 4, participation: 'notParticipating' })).toBe('notParticipating');
  });
});

describe('unitDeadline', () => {
  it("is the unit's extension when it has one", () => {
    expect(unitDeadline('2025-01-30', null)).toBe('2025-01-30');
    expect(unitDeadline('2025-01-30', '2025-02-10')).toBe('2025-02-10');
  });
});

const manager: Actor = { userId: 'm', role: 'periodManager' };
const unitLeader: Actor = { userId: 'l', role: 'unitLeader', unitId: 'U1' };
const appraiser: Actor = { userId: 'a', role: 'appraiser' };

function verdicts(actor: Actor, facts: Partial<Parameters<typeof evaluateUnitActions>[1]> = {}) {
  const judged = evaluateUnitActions(actor, {
    periodState: 'selfAssessment',
    assessmentState: 'draft',
    participation: 'participating',
    answered: 0,
    unitId: 'U1',
    ...facts,
  });
  return Object.fromEntries(judged.map(({ action, verdict }) => [action, verdict.allowed ? 'allowed' : verdict.reason]));
}

describe('evaluateUnitActions', () => {
  it('gives the controls to the period manager only', () => {
    expect(verdicts(manager)).toEqual({
      extendDeadline: 'allowed',
      markNotParticipating: 'allowed',
      restoreParticipation: 'wrong-state',
      scoreAsZero: 'period-state',
    });
    for (const actor of [unitLeader, appraiser]) {
      expect(Object.values(verdicts(actor))).toEqual(Array(4).fill('missing-capability'));
    }
  });

  it('extends only a unit that has not submitted, while units self-assess', () => {
    expect(verdicts(manager, { assessmentState: 'submitted' }).extendDeadline).toBe('wrong-state');
    expect(verdicts(manager, { periodState: 'appraisal' }).extendDeadline).toBe('period-state');
    expect(verdicts(manager, { assessmentState: undefined, periodState: 'draft' }).extendDeadline).toBe('period-state');
  });

  it('scores as zero only a unit with no data after the close, and undoes either decision', () => {
    expect(verdicts(manager, { periodState: 'appraisal' }).scoreAsZero).toBe('allowed');
    expect(verdicts(manager, { periodState: 'appraisal', answered: 2 }).scoreAsZero).toBe('wrong-state');
    const zero = verdicts(manager, { periodState: 'appraisal', participation: 'scoredAsZero' });
    expect([zero.scoreAsZero, zero.restoreParticipation, zero.markNotParticipating]).toEqual([
      'wrong-state',
      'allowed',
      'allowed',
    ]);
    expect(verdicts(manager, { periodState: 'published', participation: 'notParticipating' }).restoreParticipation).toBe(
      'period-state',
    );
  });
});

describe('deadlineExtensionProblems', () => {
  const now = new Date('2025-01-20T03:00:00Z');
  const codes = (date: string, reason?: string) =>
    deadlineExtensionProblems({ date, reason, periodDeadline: '2025-01-30', now }).map((problem) => problem.code);
  it('wants a real day after the period deadline and a reason, all at once', () => {
    expect(codes('2025-02-10', 'Đơn vị mới sáp nhập')).toEqual([]);
    expect(codes('2025-01-30', ' ')).toEqual(['unit-action.extension-not-later', 'unit-action.reason-required']);
    expect(codes('2025-02-30', 'x')).toEqual(['workflow.due-date-invalid']);
    expect(
      deadlineExtensionProblems({
        date: '2025-02-01',
        reason: 'x',
        periodDeadline: '2025-01-30',
        now: new Date('2025-02-05'),
      }).map((problem) => problem.code),
    ).toEqual(['workflow.due-date-past']);
  });
});

describe('publishBlock', () => {
  const finalised = { state: 'finalised', participation: 'participating', answered: 10 };
  it('ignores units taken out, waits for a decision on units with no data, and lets zero-scored ones through', () => {
    expect(publishBlock([finalised, { state: 'draft', participation: 'notParticipating', answered: 0 }])).toBeUndefined();
    const noData = publishBlock([finalised, { state: 'draft', participation: 'participating', answered: 0 }]);
    expect(noData?.reason).toBe('no-data-undecided');
    expect(formatMessage(noData?.problem ?? { code: 'workflow.no-participants' }, 'vi')).toContain('1 đơn vị không có dữ liệu');
    expect(publishBlock([finalised, { state: 'draft', participation: 'scoredAsZero', answered: 0 }])).toBeUndefined();
    expect(publishBlock([{ state: 'draft', participation: 'notParticipating', answered: 3 }])?.reason).toBe('no-participants');
    expect(publishBlock([finalised, { state: 'inAppraisal', participation: 'participating', answered: 3 }])?.reason).toBe(
      'not-all-finalised',
    );
  });

  it('is the publish guard of the period workflow', () => {
    const judged = evaluatePeriodActions(manager, 'appraisal', {
      assessments: [finalised, { state: 'draft', participation: 'participating', answered: 0 }],
    });
    const publish = judged.find(({ action }) => action === 'publish')?.verdict;
    expect(publish?.allowed === false && publish.reason).toBe('no-data-undecided');
  });
});

describe('earlyCloseWarning', () => {
  it('warns until the end of the deadline day, with the count of units that have not submitted', () => {
    expect(earlyCloseWarning({ deadline: '2025-01-30', now: new Date('2025-01-30T16:00:00Z'), notSubmitted: 3 })).toEqual({
      deadline: '2025-01-30',
      notSubmitted: 3,
    });
    expect(earlyCloseWarning({ deadline: '2025-01-30', now: new Date('2025-01-30T17:00:00Z'), notSubmitted: 3 })).toBeUndefined();
  });
});
