import { describe, expect, it } from 'vitest';
import { DomainError, formatMessage } from '../errors/problem.js';
import {
  allowedPeriodActions,
  applyPeriodTransition,
  canPublish,
  findPeriodTransition,
  PERIOD_ACTIONS,
  PERIOD_STATES,
  type PeriodAction,
  type PeriodState,
  periodStateLabel,
} from './period-workflow.js';
import { type Actor, ROLES, type Role } from './roles.js';

/** Written out independently of PERIOD_TRANSITIONS, so a change to the table must change this too. */
const EXPECTED: Record<PeriodAction, { from: PeriodState; to: PeriodState; roles: Role[] }> = {
  openSelfAssessment: { from: 'draft', to: 'selfAssessment', roles: ['administrator', 'periodManager'] },
  startAppraisal: { from: 'selfAssessment', to: 'appraisal', roles: ['administrator', 'periodManager'] },
  publish: { from: 'appraisal', to: 'published', roles: ['administrator', 'periodManager'] },
  archive: { from: 'published', to: 'archived', roles: ['administrator'] },
  reopenPeriod: { from: 'published', to: 'appraisal', roles: ['administrator'] },
};

const actorOf = (role: Role): Actor => ({ userId: `u-${role}`, role, ...(role.startsWith('unit') ? { unitId: 'DBP' } : {}) });

/** The error a call throws, reduced to what a route and a user see. */
function failureOf(run: () => unknown): { kind: string; codes: string[] } | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: error.kind, codes: error.problems.map((problem) => problem.code) };
  }
}

const REASON = 'Đính chính điểm chỉ số 1.2 của TP Điện Biên Phủ theo đơn phản ánh';

describe('applyPeriodTransition: every action from every state for every role', () => {
  const cases = PERIOD_ACTIONS.flatMap((action) =>
    PERIOD_STATES.flatMap((from) => ROLES.map((role) => ({ action, from, role }))),
  );

  it.each(cases)('$action from $from by $role', ({ action, from, role }) => {
    const expected = EXPECTED[action];
    const run = () => applyPeriodTransition({ action, from, actor: actorOf(role), reason: REASON });
    if (!expected.roles.includes(role)) {
      expect(failureOf(run)).toEqual({ kind: 'forbidden', codes: ['workflow.role-not-allowed'] });
    } else if (from !== expected.from) {
      expect(failureOf(run)).toEqual({ kind: 'conflict', codes: ['workflow.transition-not-allowed'] });
    } else {
      expect(run()).toEqual({ to: expected.to });
    }
  });

  it('covers 5 actions × 5 states × 6 roles', () => {
    expect(cases).toHaveLength(150);
  });
});

describe('applyPeriodTransition: input', () => {
  const admin = actorOf('administrator');

  it('refuses an unknown action as invalid input', () => {
    expect(failureOf(() => applyPeriodTransition({ action: 'delete', from: 'draft', actor: admin }))).toEqual({
      kind: 'invalid-input',
      codes: ['workflow.unknown-action'],
    });
  });

  it('requires a reason to reopen a published period, and whitespace is no reason', () => {
    for (const reason of [undefined, '', '   \n']) {
      expect(failureOf(() => applyPeriodTransition({ action: 'reopenPeriod', from: 'published', actor: admin, reason }))).toEqual(
        {
          kind: 'invalid-input',
          codes: ['workflow.reason-required'],
        },
      );
    }
  });

  it('reports the state conflict before a missing reason, since no reason would help', () => {
    expect(failureOf(() => applyPeriodTransition({ action: 'reopenPeriod', from: 'appraisal', actor: admin }))).toEqual({
      kind: 'conflict',
      codes: ['workflow.transition-not-allowed'],
    });
  });

  it('treats an unknown stored state as a state nothing can leave', () => {
    expect(failureOf(() => applyPeriodTransition({ action: 'publish', from: 'frozen', actor: admin }))).toEqual({
      kind: 'conflict',
      codes: ['workflow.transition-not-allowed'],
    });
  });

  it('explains a refusal in Vietnamese with the labels of the action and the state', () => {
    try {
      applyPeriodTransition({ action: 'publish', from: 'selfAssessment', actor: admin });
      expect.unreachable();
    } catch (error) {
      const [problem] = (error as DomainError).problems;
      expect(problem && formatMessage(problem, 'vi')).toBe('không thể công bố kết quả khi đang ở trạng thái "Đang tự đánh giá"');
      expect(problem && formatMessage(problem, 'en')).toBe('cannot publish the results while the state is "Self-assessment"');
    }
    try {
      applyPeriodTransition({ action: 'archive', from: 'published', actor: actorOf('periodManager') });
      expect.unreachable();
    } catch (error) {
      const [problem] = (error as DomainError).problems;
      expect(problem && formatMessage(problem, 'vi')).toBe(
        'vai trò "Cơ quan quản lý kỳ đánh giá" không được lưu trữ kỳ đánh giá; chỉ Quản trị hệ thống được làm việc này',
      );
    }
  });
});

describe('allowedPeriodActions', () => {
  it.each([
    ['draft', 'periodManager', ['openSelfAssessment']],
    ['selfAssessment', 'administrator', ['startAppraisal']],
    ['appraisal', 'periodManager', ['publish']],
    ['published', 'administrator', ['archive', 'reopenPeriod']],
    ['published', 'periodManager', []],
    ['archived', 'administrator', []],
    ['appraisal', 'councilChair', []],
    ['draft', undefined, []],
    ['unknown', 'administrator', []],
  ] as const)('%s, %s → %j', (state, role, actions) => {
    expect(allowedPeriodActions(state, role)).toEqual(actions);
  });
});

describe('findPeriodTransition and labels', () => {
  it('finds the row of an action from a state, or nothing', () => {
    expect(findPeriodTransition('publish', 'appraisal')?.to).toBe('published');
    expect(findPeriodTransition('publish', 'draft')).toBeUndefined();
    expect(findPeriodTransition('nothing', 'draft')).toBeUndefined();
  });

  it('labels every state in both languages', () => {
    expect(PERIOD_STATES.map((state) => periodStateLabel(state))).toEqual([
      'Đang chuẩn bị',
      'Đang tự đánh giá',
      'Đang thẩm định',
      'Đã công bố',
      'Đã lưu trữ',
    ]);
    expect(periodStateLabel('published', 'en')).toBe('Published');
    expect(periodStateLabel('frozen')).toBe('frozen');
  });
});

describe('canPublish', () => {
  it.each([
    [['finalised', 'finalised'], true],
    [['finalised'], true],
    [['finalised', 'inAppraisal'], false],
    [['finalised', 'supplemented'], false],
    [['draft'], false],
    [[], false], // nothing to publish
  ] as const)('%j → %s', (states, expected) => {
    expect(canPublish(states)).toBe(expected);
  });
});
