import { describe, expect, it } from 'vitest';
import { DomainError, formatMessage } from '../errors/problem.js';
import {
  applyPeriodTransition,
  canPublish,
  evaluatePeriodActions,
  findPeriodTransition,
  PERIOD_ACTIONS,
  PERIOD_STATES,
  PERIOD_TABLE,
  PERIOD_TRANSITIONS,
  type PeriodAction,
  type PeriodState,
  periodActionCapability,
  periodStateLabel,
} from './period-workflow.js';
import { type Actor, ROLES, type Role } from './roles.js';
import { presentActions } from './transition-table.js';

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

describe('evaluatePeriodActions', () => {
  const allowed = (state: string, role: Role | undefined, facts = {}) =>
    evaluatePeriodActions(role && { userId: 'u', role }, state, facts)
      .filter(({ verdict }) => verdict.allowed)
      .map(({ action }) => action);
  const reasons = (state: string, role: Role | undefined, facts = {}) =>
    Object.fromEntries(
      evaluatePeriodActions(role && { userId: 'u', role }, state, facts).map(({ action, verdict }) => [
        action,
        verdict.allowed ? 'allowed' : verdict.reason,
      ]),
    );

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
    expect(allowed(state, role)).toEqual(actions);
  });

  it('says why each action is closed: capability, role, state, then the publish guard', () => {
    expect(reasons('published', 'periodManager')).toEqual({
      openSelfAssessment: 'wrong-state',
      startAppraisal: 'wrong-state',
      publish: 'wrong-state',
      archive: 'role-not-allowed',
      reopenPeriod: 'role-not-allowed',
    });
    expect(reasons('appraisal', 'councilChair').publish).toBe('missing-capability');
    expect(reasons('appraisal', 'periodManager', { assessmentStates: ['finalised', 'inAppraisal'] }).publish).toBe(
      'not-all-finalised',
    );
    expect(reasons('appraisal', 'periodManager', { assessmentStates: [] }).publish).toBe('no-participants');
    expect(reasons('appraisal', 'periodManager', { assessmentStates: ['finalised'] }).publish).toBe('allowed');
  });

  it('words a closed action as the refusal would', () => {
    const archive = evaluatePeriodActions({ userId: 'u', role: 'periodManager' }, 'published').find(
      (entry) => entry.action === 'archive',
    );
    expect(archive?.verdict.allowed === false && formatMessage(archive.verdict.problem, 'en')).toBe(
      'the role "Assessment period manager" may not archive the period; only System administrator may',
    );
  });

  it('follows the table it is given', () => {
    const table = {
      ...PERIOD_TABLE,
      transitions: PERIOD_TRANSITIONS.map((rule) =>
        rule.action === 'archive' ? { ...rule, roles: ['administrator', 'periodManager'] as Role[] } : rule,
      ),
    };
    const actions = evaluatePeriodActions({ userId: 'u', role: 'periodManager' }, 'published', {}, table);
    expect(actions.filter(({ verdict }) => verdict.allowed).map(({ action }) => action)).toEqual(['archive']);
  });
});

describe('presentActions', () => {
  it("lists the allowed actions and words each closed one as a sentence in the reader's language", () => {
    const judged = evaluatePeriodActions({ userId: 'u', role: 'periodManager' }, 'appraisal', { assessmentStates: [] });
    const presented = presentActions(judged, 'en');
    expect(presented.allowedActions).toEqual([]);
    expect(presentActions(evaluatePeriodActions({ userId: 'u', role: 'administrator' }, 'published'), 'en')).toMatchObject({
      allowedActions: ['archive', 'reopenPeriod'],
      reasonRequired: ['reopenPeriod'],
    });
    expect(presented.deniedActions.find((denied) => denied.action === 'publish')).toEqual({
      action: 'publish',
      reason: 'no-participants',
      message: 'The period has no participating unit, so there are no results to publish',
    });
    expect(presentActions(judged, 'vi').deniedActions[0]?.message).toBe(
      'Không thể mở tự đánh giá khi đang ở trạng thái "Đang thẩm định"',
    );
  });
});

describe('periodActionCapability', () => {
  it('names the capability of each action from the table, and none for an unknown one', () => {
    expect(Object.fromEntries(PERIOD_ACTIONS.map((action) => [action, periodActionCapability(action)]))).toEqual({
      openSelfAssessment: 'period.manage',
      startAppraisal: 'period.manage',
      publish: 'period.publish',
      archive: 'period.manage',
      reopenPeriod: 'period.manage',
    });
    expect(periodActionCapability('approve')).toBeUndefined();
    expect(periodActionCapability('constructor')).toBeUndefined();
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
