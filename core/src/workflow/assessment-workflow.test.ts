import { describe, expect, it } from 'vitest';
import { DomainError, formatMessage, formatProblem } from '../errors/problem.js';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATES,
  ASSESSMENT_TABLE,
  ASSESSMENT_TRANSITIONS,
  type AssessmentAction,
  type AssessmentState,
  applyTransition,
  assessmentActionCapability,
  assessmentStateLabel,
  awaitingUnitCodes,
  councilCanDecide,
  evaluateAssessmentActions,
  evaluateIndicatorActions,
  findTransition,
  type RebuttalFacts,
  rebuttalBlock,
  rebuttalWindowPassed,
  undecidedIndicators,
  unitCanAddRebuttalEvidence,
  unitCanAddSupplementation,
  unitCanEditAnswers,
} from './assessment-workflow.js';
import { PERIOD_STATES, type PeriodState } from './period-workflow.js';
import { type Actor, ROLES, type Role } from './roles.js';

/** Written out independently of ASSESSMENT_TRANSITIONS, so a change to the table must change this too. */
const EXPECTED: Record<
  AssessmentAction,
  { from: AssessmentState[]; to: AssessmentState; roles: Role[]; periodState: PeriodState }
> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['unitLeader'], periodState: 'selfAssessment' },
  returnToUnit: { from: ['submitted'], to: 'draft', roles: ['periodManager'], periodState: 'selfAssessment' },
  startAppraisal: {
    from: ['submitted', 'supplemented'],
    to: 'inAppraisal',
    roles: ['appraiser', 'councilChair'],
    periodState: 'appraisal',
  },
  requestSupplementation: {
    from: ['inAppraisal'],
    to: 'supplementationRequested',
    roles: ['appraiser', 'councilChair'],
    periodState: 'appraisal',
  },
  submitSupplementation: {
    from: ['supplementationRequested'],
    to: 'supplemented',
    roles: ['unitLeader'],
    periodState: 'appraisal',
  },
  sendResults: { from: ['inAppraisal', 'supplemented'], to: 'rebuttalOpen', roles: ['councilChair'], periodState: 'appraisal' },
  submitRebuttal: { from: ['rebuttalOpen'], to: 'rebuttalSubmitted', roles: ['unitLeader'], periodState: 'appraisal' },
  finalise: {
    from: ['inAppraisal', 'supplemented', 'rebuttalOpen', 'rebuttalSubmitted'],
    to: 'finalised',
    roles: ['councilChair'],
    periodState: 'appraisal',
  },
  withdrawSupplementation: {
    from: ['supplementationRequested'],
    to: 'inAppraisal',
    roles: ['appraiser', 'councilChair'],
    periodState: 'appraisal',
  },
  reopen: { from: ['finalised'], to: 'inAppraisal', roles: ['councilChair'], periodState: 'appraisal' },
};

const actorOf = (role: Role): Actor => ({ userId: `u-${role}`, role, ...(role.startsWith('unit') ? { unitId: 'DBP' } : {}) });

/** 10:00 on 20/01/2023 in Hà Nội. */
const NOW = new Date('2023-01-20T03:00:00Z');
const REASON = 'Tài liệu kiểm chứng chỉ số 1.2 chưa có số, ngày ban hành văn bản';

/** A request that satisfies every guard, so only the thing under test can fail. */
function requestFor(action: string, from: string, role: Role, periodState?: string) {
  return {
    action,
    from,
    actor: actorOf(role),
    reason: REASON,
    now: NOW,
    periodState: periodState ?? EXPECTED[action as AssessmentAction]?.periodState ?? 'appraisal',
    deadline: '2023-01-30',
    dueOn: '2023-02-10',
  };
}

function failureOf(run: () => unknown): { kind: string; codes: string[] } | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { kind: error.kind, codes: error.problems.map((problem) => problem.code) };
  }
}

function messagesOf(run: () => unknown, locale: 'vi' | 'en' = 'vi'): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems.map((problem) => formatProblem(problem, locale));
    throw error;
  }
  return [];
}

describe('applyTransition: every action from every state for every role', () => {
  const cases = ASSESSMENT_ACTIONS.flatMap((action) =>
    ASSESSMENT_STATES.flatMap((from) => ROLES.map((role) => ({ action, from, role }))),
  );

  it.each(cases)('$action from $from by $role', ({ action, from, role }) => {
    const expected = EXPECTED[action];
    const run = () => applyTransition(requestFor(action, from, role));
    if (!expected.roles.includes(role)) {
      expect(failureOf(run)).toEqual({ kind: 'forbidden', codes: ['workflow.role-not-allowed'] });
    } else if (!expected.from.includes(from)) {
      expect(failureOf(run)).toEqual({ kind: 'conflict', codes: ['workflow.transition-not-allowed'] });
    } else {
      expect(run()).toEqual({ to: expected.to });
    }
  });

  it('covers 10 actions × 8 states × 6 roles', () => {
    expect(cases).toHaveLength(480);
  });

  it('refuses an unknown action as invalid input, whoever asks', () => {
    for (const role of ROLES) {
      expect(failureOf(() => applyTransition(requestFor('approve', 'submitted', role)))).toEqual({
        kind: 'invalid-input',
        codes: ['workflow.unknown-action'],
      });
    }
  });

  it('says what cannot be done in which state', () => {
    expect(messagesOf(() => applyTransition(requestFor('submit', 'submitted', 'unitLeader')))).toEqual([
      'không thể nộp bản tự đánh giá khi đang ở trạng thái "Đã nộp, chờ thẩm định"',
    ]);
    expect(messagesOf(() => applyTransition(requestFor('finalise', 'draft', 'councilChair')), 'en')).toEqual([
      'cannot finalise the appraisal while the state is "Self-assessment in progress"',
    ]);
    expect(messagesOf(() => applyTransition(requestFor('finalise', 'inAppraisal', 'appraiser')))).toEqual([
      'vai trò "Thành viên hội đồng thẩm định" không được chốt kết quả thẩm định; chỉ Chủ tịch hội đồng thẩm định được làm việc này',
    ]);
  });
});

describe('applyTransition: the period must be in the right state', () => {
  const cases = ASSESSMENT_ACTIONS.flatMap((action) => PERIOD_STATES.map((periodState) => ({ action, periodState })));

  it.each(cases)('$action while the period is $periodState', ({ action, periodState }) => {
    const expected = EXPECTED[action];
    const run = () => applyTransition(requestFor(action, expected.from[0] as string, expected.roles[0] as Role, periodState));
    if (periodState === expected.periodState) {
      expect(run()).toEqual({ to: expected.to });
    } else {
      expect(failureOf(run)).toEqual({ kind: 'conflict', codes: ['workflow.period-state'] });
    }
  });

  it('refuses to reopen a finalised result once the period is published or archived', () => {
    for (const periodState of ['published', 'archived']) {
      expect(failureOf(() => applyTransition(requestFor('reopen', 'finalised', 'councilChair', periodState)))).toEqual({
        kind: 'conflict',
        codes: ['workflow.period-state'],
      });
    }
    expect(messagesOf(() => applyTransition(requestFor('reopen', 'finalised', 'councilChair', 'published')))).toEqual([
      'không thể mở lại kết quả đã chốt khi kỳ đánh giá đang ở trạng thái "Đã công bố" (chỉ được khi kỳ ở trạng thái: Đang thẩm định)',
    ]);
    // After the administrator reopens the period (published → appraisal), the chair may correct.
    expect(applyTransition(requestFor('reopen', 'finalised', 'councilChair', 'appraisal'))).toEqual({ to: 'inAppraisal' });
  });
});

describe('applyTransition: reasons', () => {
  const needsReason: AssessmentAction[] = ['returnToUnit', 'requestSupplementation', 'reopen'];

  it.each(ASSESSMENT_ACTIONS.map((action) => [action, needsReason.includes(action)] as const))(
    '%s needs a reason: %s',
    (action, required) => {
      const expected = EXPECTED[action];
      for (const reason of [undefined, '', ' \t\n']) {
        const run = () =>
          applyTransition({ ...requestFor(action, expected.from[0] as string, expected.roles[0] as Role), reason });
        if (required) {
          expect(failureOf(run)).toEqual({ kind: 'invalid-input', codes: ['workflow.reason-required'] });
        } else {
          expect(run()).toEqual({ to: expected.to });
        }
      }
    },
  );

  it('names the action in the message', () => {
    const run = () => applyTransition({ ...requestFor('returnToUnit', 'submitted', 'periodManager'), reason: undefined });
    expect(messagesOf(run)).toEqual(['cần ghi rõ lý do để trả lại bản tự đánh giá cho đơn vị']);
  });
});

describe('applyTransition: supplementation due date', () => {
  const request = (dueOn: string | undefined, now = NOW) => ({
    ...requestFor('requestSupplementation', 'inAppraisal', 'appraiser'),
    dueOn,
    now,
  });

  it.each([
    [undefined, ['workflow.due-date-required']],
    ['', ['workflow.due-date-required']],
    ['10/02/2023', ['workflow.due-date-invalid']],
    ['2023-02-30', ['workflow.due-date-invalid']],
    ['2023-01-19', ['workflow.due-date-past']],
  ] as const)('due %s → %j', (dueOn, codes) => {
    expect(failureOf(() => applyTransition(request(dueOn)))).toEqual({ kind: 'invalid-input', codes });
  });

  it('accepts today and later, today being the day in Vietnam', () => {
    expect(applyTransition(request('2023-01-20'))).toEqual({ to: 'supplementationRequested' });
    // 18:00 UTC on the 19th is already 01:00 on the 20th in Hà Nội.
    expect(failureOf(() => applyTransition(request('2023-01-19', new Date('2023-01-19T18:00:00Z'))))).toEqual({
      kind: 'invalid-input',
      codes: ['workflow.due-date-past'],
    });
    expect(messagesOf(() => applyTransition(request('2023-01-19')))).toEqual([
      'hạn bổ sung 19/01/2023 đã qua; hãy chọn từ hôm nay trở đi',
    ]);
  });

  it('reports a missing reason and a missing due date together', () => {
    expect(failureOf(() => applyTransition({ ...request(undefined), reason: '' }))).toEqual({
      kind: 'invalid-input',
      codes: ['workflow.reason-required', 'workflow.due-date-required'],
    });
  });

  it('is ignored by the other actions', () => {
    expect(applyTransition({ ...requestFor('finalise', 'inAppraisal', 'councilChair'), dueOn: undefined })).toEqual({
      to: 'finalised',
    });
  });
});

describe('applyTransition: submission deadline', () => {
  const submitAt = (now: Date, deadline: string | undefined) => () =>
    applyTransition({ ...requestFor('submit', 'draft', 'unitLeader'), now, deadline });

  it('accepts a submission until the end of the deadline day in Vietnam (seed 001: "chậm nhất ngày 30/01")', () => {
    expect(submitAt(new Date('2023-01-30T16:59:59Z'), '2023-01-30')()).toEqual({ to: 'submitted' });
    expect(failureOf(submitAt(new Date('2023-01-30T17:00:00Z'), '2023-01-30'))).toEqual({
      kind: 'conflict',
      codes: ['workflow.deadline-passed'],
    });
    expect(messagesOf(submitAt(new Date('2023-02-01T02:00:00Z'), '2023-01-30'))).toEqual([
      'đã quá hạn nộp bản tự đánh giá (hạn chót ngày 30/01/2023); hãy đề nghị Cơ quan quản lý kỳ đánh giá gia hạn',
    ]);
  });

  it('accepts a late submission when the period manager has extended the deadline', () => {
    expect(submitAt(new Date('2023-02-01T02:00:00Z'), '2023-02-15')()).toEqual({ to: 'submitted' });
  });

  it('has no deadline to check when none is given', () => {
    expect(submitAt(new Date('2030-12-31T00:00:00Z'), undefined)()).toEqual({ to: 'submitted' });
  });

  it('treats a malformed deadline as the caller’s bug, not the user’s', () => {
    expect(submitAt(NOW, '30/01/2023')).toThrow(TypeError);
  });

  it('does not apply to the council', () => {
    const late = new Date('2023-03-01T02:00:00Z');
    expect(applyTransition({ ...requestFor('finalise', 'inAppraisal', 'councilChair'), now: late })).toEqual({ to: 'finalised' });
  });
});

describe('what each state lets whom edit', () => {
  // state                      unit answers  unit supplements  council decides
  const TABLE: [AssessmentState, boolean, boolean, boolean][] = [
    ['draft', true, false, false],
    ['submitted', false, false, true],
    ['inAppraisal', false, false, true],
    // Per indicator (seed 001 §1.3 b): the council decides every indicator not waiting for the unit.
    ['supplementationRequested', false, true, true],
    ['supplemented', false, false, true],
    // Results sent: decisions are frozen; the unit contests, then the council answers each contest.
    ['rebuttalOpen', false, false, false],
    ['rebuttalSubmitted', false, false, false],
    ['finalised', false, false, false],
  ];

  it.each(TABLE)('%s: answers %s, supplementation %s, council %s', (state, answers, supplements, decides) => {
    expect([unitCanEditAnswers(state), unitCanAddSupplementation(state), councilCanDecide(state)]).toEqual([
      answers,
      supplements,
      decides,
    ]);
  });

  it('covers every state', () => {
    expect(TABLE.map(([state]) => state)).toEqual([...ASSESSMENT_STATES]);
  });

  it('allows supplementation only on indicators under an open request', () => {
    const open = { openRequestCodes: ['1.2', '3.4'] };
    expect(unitCanAddSupplementation('supplementationRequested', { indicatorCode: '1.2', ...open })).toBe(true);
    expect(unitCanAddSupplementation('supplementationRequested', { indicatorCode: '2.1', ...open })).toBe(false);
    expect(unitCanAddSupplementation('supplementationRequested', { indicatorCode: '1.2', openRequestCodes: [] })).toBe(false);
    expect(unitCanAddSupplementation('inAppraisal', { indicatorCode: '1.2', ...open })).toBe(false);
  });

  it('allows nothing in an unknown state', () => {
    for (const state of ['', 'locked', 'toString']) {
      expect([unitCanEditAnswers(state), unitCanAddSupplementation(state), councilCanDecide(state)]).toEqual([
        false,
        false,
        false,
      ]);
    }
  });
});

describe('finalise guard', () => {
  const indicators = ['1.1', '1.2', '2.1', '2.2'];

  it.each([
    [
      'every indicator accepted or adjusted',
      [
        { indicatorCode: '1.1', decision: 'accepted' },
        { indicatorCode: '1.2', decision: 'adjusted' },
        { indicatorCode: '2.1', decision: 'accepted' },
        { indicatorCode: '2.2', decision: 'accepted' },
      ],
      [],
    ],
    [
      'an open supplementation request and a missing decision',
      [
        { indicatorCode: '1.1', decision: 'accepted' },
        { indicatorCode: '1.2', decision: 'supplementationRequested' },
        { indicatorCode: '2.2', decision: 'adjusted' },
      ],
      ['1.2', '2.1'],
    ],
    ['no decision at all', [], indicators],
    [
      'an unknown decision (bad data) counts as none',
      [
        { indicatorCode: '1.1', decision: 'maybe' },
        { indicatorCode: '1.2', decision: 'accepted' },
        { indicatorCode: '2.1', decision: 'accepted' },
        { indicatorCode: '2.2', decision: 'accepted' },
      ],
      ['1.1'],
    ],
    [
      'a decision on an indicator not in the list is irrelevant',
      [
        { indicatorCode: '1.1', decision: 'accepted' },
        { indicatorCode: '1.2', decision: 'accepted' },
        { indicatorCode: '2.1', decision: 'accepted' },
        { indicatorCode: '2.2', decision: 'accepted' },
        { indicatorCode: '9.9', decision: 'supplementationRequested' },
      ],
      [],
    ],
  ])('%s', (_name, decisions, undecided) => {
    expect(undecidedIndicators(indicators, decisions)).toEqual(undecided);
  });
});

describe('evaluateAssessmentActions', () => {
  const facts = (state: string, periodState: PeriodState) => ({ state, periodState, unitId: 'unit-1', now: new Date() });
  const actorAs = (role: Role | undefined): Actor | undefined =>
    role && { userId: 'u', role, ...(role === 'unitLeader' || role === 'unitReporter' ? { unitId: 'unit-1' } : {}) };
  const allowed = (...args: Parameters<typeof evaluateAssessmentActions>) =>
    evaluateAssessmentActions(...args)
      .filter(({ verdict }) => verdict.allowed)
      .map(({ action }) => action);
  const reasonOf = (action: string, ...args: Parameters<typeof evaluateAssessmentActions>) => {
    const verdict = evaluateAssessmentActions(...args).find((entry) => entry.action === action)?.verdict;
    return verdict?.allowed === false ? verdict.reason : 'allowed';
  };

  it.each([
    ['draft', 'unitLeader', 'selfAssessment', ['submit']],
    ['draft', 'unitReporter', 'selfAssessment', []],
    ['draft', 'unitLeader', 'appraisal', []],
    ['submitted', 'periodManager', 'selfAssessment', ['returnToUnit']],
    ['submitted', 'periodManager', 'appraisal', []],
    ['submitted', 'appraiser', 'appraisal', ['startAppraisal']],
    ['inAppraisal', 'appraiser', 'appraisal', ['requestSupplementation']],
    ['inAppraisal', 'councilChair', 'appraisal', ['requestSupplementation', 'finalise']],
    ['supplementationRequested', 'unitLeader', 'appraisal', ['submitSupplementation']],
    ['supplemented', 'councilChair', 'appraisal', ['startAppraisal', 'finalise']],
    ['finalised', 'councilChair', 'appraisal', ['reopen']],
    ['finalised', 'councilChair', 'published', []],
    ['finalised', 'administrator', 'appraisal', []],
    ['inAppraisal', undefined, 'appraisal', []],
  ] as const)('%s, %s, period %s → %j', (state, role, periodState, actions) => {
    expect(allowed(actorAs(role), facts(state, periodState))).toEqual(actions);
  });

  it('closes submit once the deadline has passed, unless extended', () => {
    const context = { ...facts('draft', 'selfAssessment'), now: new Date('2023-02-01T02:00:00Z') };
    expect(reasonOf('submit', actorAs('unitLeader'), { ...context, deadline: '2023-01-30' })).toBe('deadline-passed');
    expect(reasonOf('submit', actorAs('unitLeader'), { ...context, deadline: '2023-02-15' })).toBe('allowed');
  });

  it('says why: another unit, another role, another state, the period, the data guards', () => {
    const leaderElsewhere: Actor = { userId: 'u', role: 'unitLeader', unitId: 'unit-2' };
    expect(reasonOf('submit', leaderElsewhere, facts('draft', 'selfAssessment'))).toBe('missing-capability');
    expect(reasonOf('finalise', actorAs('appraiser'), facts('inAppraisal', 'appraisal'))).toBe('missing-capability');
    expect(reasonOf('startAppraisal', actorAs('councilChair'), facts('inAppraisal', 'appraisal'))).toBe('wrong-state');
    expect(reasonOf('finalise', actorAs('councilChair'), facts('inAppraisal', 'selfAssessment'))).toBe('period-state');
    const undecided = { ...facts('inAppraisal', 'appraisal'), undecidedCodes: ['1.1', '2.3'] };
    expect(reasonOf('finalise', actorAs('councilChair'), undecided)).toBe('undecided-indicators');
    const verdict = evaluateAssessmentActions(actorAs('councilChair'), undecided).find(
      (entry) => entry.action === 'finalise',
    )?.verdict;
    expect(verdict?.allowed === false && formatMessage(verdict.problem, 'en')).toBe(
      'cannot finalise yet: 2 indicators are neither accepted nor adjusted (1.1, 2.3)',
    );
    const open = { ...facts('supplementationRequested', 'appraisal'), openRequestCodes: ['1.1'] };
    expect(reasonOf('submitSupplementation', actorAs('unitLeader'), open)).toBe('unanswered-requests');
  });

  it('follows the table it is given', () => {
    const table = {
      ...ASSESSMENT_TABLE,
      transitions: ASSESSMENT_TRANSITIONS.map((rule) =>
        rule.action === 'finalise'
          ? { ...rule, roles: ['appraiser', 'councilChair'] as Role[], capability: 'appraisal.decide' as const }
          : rule,
      ),
    };
    expect(allowed(actorAs('appraiser'), facts('inAppraisal', 'appraisal'), table)).toEqual([
      'requestSupplementation',
      'finalise',
    ]);
  });
});

describe('assessmentActionCapability', () => {
  it('names the capability of each action asked for on its own, from the table', () => {
    expect(Object.fromEntries(ASSESSMENT_ACTIONS.map((action) => [action, assessmentActionCapability(action)]))).toEqual({
      submit: 'assessment.submit',
      returnToUnit: 'period.manage',
      startAppraisal: 'appraisal.decide',
      // Only through a decision on an indicator, which says what the unit must add.
      requestSupplementation: undefined,
      submitSupplementation: 'assessment.supplement',
      sendResults: 'appraisal.finalise',
      submitRebuttal: 'assessment.supplement',
      // Only through withdrawing an indicator's request.
      withdrawSupplementation: undefined,
      finalise: 'appraisal.finalise',
      reopen: 'appraisal.reopen',
    });
    expect(assessmentActionCapability('approve')).toBeUndefined();
  });

  it('gives every rule of an action the same capability', () => {
    for (const action of ASSESSMENT_ACTIONS) {
      const capabilities = new Set(
        ASSESSMENT_TRANSITIONS.filter((rule) => rule.action === action).map((rule) => rule.capability),
      );
      expect(capabilities.size).toBe(1);
    }
  });
});

describe('evaluateIndicatorActions', () => {
  const judge = (
    actor: Actor,
    state: string,
    extra: { indicatorCode?: string; openRequestCodes?: string[]; awaitingUnitCodes?: string[] } = {},
  ) => {
    const verdicts = evaluateIndicatorActions(actor, {
      state,
      periodState: state === 'draft' ? 'selfAssessment' : 'appraisal',
      unitId: 'unit-1',
      indicatorCode: extra.indicatorCode ?? '1.1',
      mainIndexCode: '1',
      openRequestCodes: extra.openRequestCodes ?? [],
      awaitingUnitCodes: extra.awaitingUnitCodes ?? extra.openRequestCodes ?? [],
    });
    return Object.fromEntries(
      Object.entries(verdicts).map(([key, verdict]) => [key, verdict.allowed ? 'allowed' : verdict.reason]),
    );
  };
  const reporter: Actor = { userId: 'u', role: 'unitReporter', unitId: 'unit-1' };
  const appraiser: Actor = { userId: 'a', role: 'appraiser', assignedScopes: ['2'] };
  const chair: Actor = { userId: 'c', role: 'councilChair' };

  it('lets the unit answer its draft, and supplement only an indicator under an open request', () => {
    expect(judge(reporter, 'draft')).toEqual({
      answer: 'allowed',
      supplement: 'wrong-state',
      decide: 'missing-capability',
      requestSupplementation: 'missing-capability',
      contest: 'wrong-state',
      answerContest: 'missing-capability',
      withdrawSupplementation: 'missing-capability',
    });
    expect(judge(reporter, 'supplementationRequested', { openRequestCodes: ['1.1'] }).supplement).toBe('allowed');
    expect(judge(reporter, 'supplementationRequested', { openRequestCodes: ['1.2'] }).supplement).toBe('wrong-state');
  });

  it('lets the council withdraw a request the unit has not answered, and only such a request', () => {
    expect(judge(chair, 'supplementationRequested', { openRequestCodes: ['1.1'] }).withdrawSupplementation).toBe('allowed');
    // Answered, not yet sent back: the unit's explanation stands; the council waits for it.
    expect(judge(chair, 'supplementationRequested', { openRequestCodes: [], awaitingUnitCodes: ['1.1'] })).toMatchObject({
      withdrawSupplementation: 'wrong-state',
      decide: 'awaiting-unit',
    });
    expect(judge(chair, 'inAppraisal').withdrawSupplementation).toBe('wrong-state');
    expect(judge(chair, 'finalised', { openRequestCodes: ['1.1'] }).withdrawSupplementation).toBe('wrong-state');
    expect(judge(appraiser, 'supplementationRequested', { openRequestCodes: ['1.1'] }).withdrawSupplementation).toBe(
      'missing-capability',
    );
  });

  it('lets the council decide within its scope, and wait only on the indicators the unit supplements', () => {
    expect(judge(chair, 'submitted')).toMatchObject({
      decide: 'allowed',
      requestSupplementation: 'allowed',
      answer: 'missing-capability',
    });
    expect(judge(chair, 'supplementationRequested', { openRequestCodes: ['1.2'] })).toMatchObject({
      decide: 'allowed',
      requestSupplementation: 'allowed',
    });
    expect(judge(chair, 'supplementationRequested', { openRequestCodes: ['1.1'] })).toMatchObject({
      decide: 'awaiting-unit',
      requestSupplementation: 'awaiting-unit',
    });
    expect(judge(chair, 'finalised')).toMatchObject({ decide: 'wrong-state', requestSupplementation: 'wrong-state' });
    expect(judge(appraiser, 'inAppraisal').decide).toBe('missing-capability');
    expect(judge(appraiser, 'inAppraisal', { indicatorCode: '2.1' }).decide).toBe('missing-capability');
    const inScope = evaluateIndicatorActions(appraiser, {
      state: 'inAppraisal',
      periodState: 'appraisal',
      unitId: 'unit-1',
      indicatorCode: '2.1',
      mainIndexCode: '2',
      openRequestCodes: [],
      awaitingUnitCodes: [],
    });
    expect(inScope.decide.allowed).toBe(true);
    const afterPublication = evaluateIndicatorActions(chair, {
      state: 'submitted',
      periodState: 'published',
      unitId: 'unit-1',
      indicatorCode: '1.1',
      openRequestCodes: [],
      awaitingUnitCodes: [],
    });
    expect(afterPublication.decide.allowed === false && afterPublication.decide.reason).toBe('period-state');
  });
});

describe('supplementation per indicator (seed 001 §1.3 b: "đối với từng chỉ số thành phần")', () => {
  // Appraiser A holds main index 1, appraiser B main index 2; A asked the unit about 1.3 (open).
  const appraiserA: Actor = { userId: 'a', role: 'appraiser', assignedScopes: ['1'] };
  const appraiserB: Actor = { userId: 'b', role: 'appraiser', assignedScopes: ['2'] };
  const unitLeader: Actor = { userId: 'l', role: 'unitLeader', unitId: 'unit-1' };
  const verdictOf = (actor: Actor, indicatorCode: string, awaiting: string[], open: string[] = awaiting) => {
    const verdicts = evaluateIndicatorActions(actor, {
      state: 'supplementationRequested',
      periodState: 'appraisal',
      unitId: 'unit-1',
      indicatorCode,
      mainIndexCode: indicatorCode.split('.')[0],
      openRequestCodes: open,
      awaitingUnitCodes: awaiting,
    });
    const show = (verdict: { allowed: boolean; reason?: string }) => (verdict.allowed ? 'allowed' : verdict.reason);
    return {
      decide: show(verdicts.decide),
      request: show(verdicts.requestSupplementation),
      supplement: show(verdicts.supplement),
    };
  };

  it.each([
    // actor       indicator  decide                 request               unit supplements
    ['A', appraiserA, '1.1', 'allowed', 'allowed', 'missing-capability'],
    ['A', appraiserA, '1.3', 'awaiting-unit', 'awaiting-unit', 'missing-capability'],
    ['A', appraiserA, '2.1', 'missing-capability', 'missing-capability', 'missing-capability'],
    ['B', appraiserB, '2.1', 'allowed', 'allowed', 'missing-capability'],
    ['B', appraiserB, '2.4', 'allowed', 'allowed', 'missing-capability'],
    ['B', appraiserB, '1.3', 'missing-capability', 'missing-capability', 'missing-capability'],
    ['the leader', unitLeader, '1.3', 'missing-capability', 'missing-capability', 'allowed'],
    ['the leader', unitLeader, '2.1', 'missing-capability', 'missing-capability', 'wrong-state'],
  ] as const)('%s on %s while 1.3 awaits the unit', (_name, actor, code, decide, request, supplement) => {
    expect(verdictOf(actor, code, ['1.3'])).toEqual({ decide, request, supplement });
  });

  it('keeps an answered indicator waiting until the leader sends it back, then returns it to its appraiser', () => {
    // Answered, not yet sent: the unit may no longer add evidence, the council still waits.
    expect(verdictOf(appraiserA, '1.3', ['1.3'], [])).toMatchObject({
      decide: 'awaiting-unit',
      supplement: 'missing-capability',
    });
    expect(verdictOf(appraiserA, '1.3', [], [])).toMatchObject({ decide: 'allowed' });
  });

  it.each([
    ['open requests wait', 'supplementationRequested', [['1.3', 'open']], ['1.3']],
    ['answered, not sent back, waits', 'supplementationRequested', [['1.3', 'answered']], ['1.3']],
    [
      'sent back (closed) does not',
      'supplementationRequested',
      [
        ['1.3', 'closed'],
        ['2.2', 'open'],
      ],
      ['2.2'],
    ],
    ['answered under an older round, already sent back, does not', 'supplemented', [['1.3', 'answered']], []],
    ['none', 'inAppraisal', [], []],
  ] as const)('awaitingUnitCodes: %s', (_name, state, rows, expected) => {
    const requests = rows.map(([indicatorCode, status]) => ({ indicatorCode, status }));
    expect(awaitingUnitCodes(state, requests)).toEqual(expected);
  });

  it('says why the council waits, in both languages', () => {
    const verdict = evaluateIndicatorActions(appraiserA, {
      state: 'supplementationRequested',
      periodState: 'appraisal',
      unitId: 'unit-1',
      indicatorCode: '1.3',
      mainIndexCode: '1',
      openRequestCodes: ['1.3'],
      awaitingUnitCodes: ['1.3'],
    }).decide;
    expect(verdict.allowed === false && [formatMessage(verdict.problem, 'vi'), formatMessage(verdict.problem, 'en')]).toEqual([
      'chỉ số 1.3 đang chờ đơn vị bổ sung, giải trình; hãy thẩm định sau khi đơn vị gửi lại',
      "indicator 1.3 is waiting for the unit's supplementation; decide it once the unit sends it back",
    ]);
  });

  it('keeps finalise closed while an indicator waits (its decision is the request, so it is undecided)', () => {
    const decisions = [
      { indicatorCode: '1.1', decision: 'accepted' },
      { indicatorCode: '1.3', decision: 'supplementationRequested' },
      { indicatorCode: '2.1', decision: 'adjusted' },
    ];
    expect(undecidedIndicators(['1.1', '1.3', '2.1'], decisions)).toEqual(['1.3']);
    const chair: Actor = { userId: 'c', role: 'councilChair' };
    const facts = { state: 'supplementationRequested', periodState: 'appraisal', unitId: 'unit-1', now: NOW };
    const finalise = evaluateAssessmentActions(chair, { ...facts, undecidedCodes: ['1.3'] }).find(
      (entry) => entry.action === 'finalise',
    )?.verdict;
    expect(finalise?.allowed).toBe(false);
  });
});

describe('findTransition and labels', () => {
  it('finds the row of an action from a state, or nothing', () => {
    expect(findTransition('startAppraisal', 'supplemented')?.to).toBe('inAppraisal');
    expect(findTransition('startAppraisal', 'inAppraisal')).toBeUndefined();
    expect(findTransition('approve', 'submitted')).toBeUndefined();
  });

  it('labels every state in Vietnamese', () => {
    expect(ASSESSMENT_STATES.map((state) => assessmentStateLabel(state))).toEqual([
      'Đang tự đánh giá',
      'Đã nộp, chờ thẩm định',
      'Đang thẩm định',
      'Yêu cầu bổ sung, giải trình',
      'Đã bổ sung, chờ thẩm định lại',
      'Đã gửi kết quả, đơn vị giải trình, kiến nghị',
      'Đơn vị đã gửi kiến nghị, chờ Hội đồng trả lời',
      'Đã chốt kết quả',
    ]);
    expect(assessmentStateLabel('finalised', 'en')).toBe('Result finalised');
  });

  it('renders the problems of the server guards', () => {
    expect(formatMessage({ code: 'workflow.undecided-indicators', params: { count: 2, codes: '1.2, 2.1' } }, 'vi')).toBe(
      'chưa chốt được: còn 2 chỉ số chưa được công nhận hoặc điều chỉnh điểm (1.2, 2.1)',
    );
  });
});

describe('rebuttal round (giải trình, kiến nghị)', () => {
  const chair: Actor = { userId: 'c', role: 'councilChair' };
  const leader: Actor = { userId: 'l', role: 'unitLeader', unitId: 'unit-1' };
  const reporter: Actor = { userId: 'r', role: 'unitReporter', unitId: 'unit-1' };
  const appraiser: Actor = { userId: 'a', role: 'appraiser', assignedScopes: ['2'] };
  /** 10:00 on Friday 06/06/2025 in Hà Nội; the window runs to Friday 13/06/2025. */
  const SENT = new Date('2025-06-06T03:00:00Z');
  const AFTER = new Date('2025-06-13T17:30:00Z'); // 00:30 on 14/06 in Hà Nội
  const facts = (state: string, rebuttal: RebuttalFacts | undefined, now = SENT) => ({
    state,
    periodState: 'appraisal',
    unitId: 'unit-1',
    now,
    undecidedCodes: [] as string[],
    rebuttal,
  });
  const verdictOf = (actor: Actor, action: string, input: ReturnType<typeof facts>) => {
    const verdict = evaluateAssessmentActions(actor, input).find((entry) => entry.action === action)?.verdict;
    return verdict?.allowed === false ? `${verdict.reason} ${verdict.problem.code}` : 'allowed';
  };
  const ON: RebuttalFacts = { enabled: true };
  const OPEN: RebuttalFacts = { enabled: true, dueOn: '2025-06-13', unansweredCodes: [] };

  it('lets the chair send the results once every indicator is decided, where the period holds a round', () => {
    expect(verdictOf(chair, 'sendResults', facts('inAppraisal', ON))).toBe('allowed');
    expect(verdictOf(chair, 'sendResults', facts('supplemented', ON))).toBe('allowed');
    expect(verdictOf(chair, 'sendResults', { ...facts('inAppraisal', ON), undecidedCodes: ['1.1'] })).toBe(
      'undecided-indicators workflow.undecided-indicators',
    );
    expect(verdictOf(chair, 'sendResults', facts('inAppraisal', { enabled: false }))).toBe('rebuttal-off workflow.rebuttal-off');
    expect(verdictOf(chair, 'sendResults', facts('inAppraisal', undefined))).toBe('rebuttal-off workflow.rebuttal-off');
    expect(verdictOf(appraiser, 'sendResults', facts('inAppraisal', ON))).toMatch(/^missing-capability/);
  });

  it('refuses finalising until the round is over, and changes nothing with the round off', () => {
    expect(verdictOf(chair, 'finalise', facts('inAppraisal', ON))).toBe('rebuttal-pending workflow.rebuttal-not-sent');
    expect(verdictOf(chair, 'finalise', facts('inAppraisal', { enabled: false }))).toBe('allowed');
    expect(verdictOf(chair, 'finalise', facts('inAppraisal', undefined))).toBe('allowed');
    expect(verdictOf(chair, 'finalise', facts('rebuttalOpen', OPEN))).toBe('rebuttal-pending workflow.rebuttal-window-open');
    // The window passed without a submission: the round ends with no contest, found from the date.
    expect(verdictOf(chair, 'finalise', facts('rebuttalOpen', OPEN, AFTER))).toBe('allowed');
    expect(verdictOf(chair, 'finalise', facts('rebuttalSubmitted', { ...OPEN, unansweredCodes: ['1.2'] }))).toBe(
      'rebuttal-pending workflow.unanswered-contests',
    );
    expect(verdictOf(chair, 'finalise', facts('rebuttalSubmitted', OPEN))).toBe('allowed');
  });

  it('lets the leader send the contests within the window only', () => {
    expect(verdictOf(leader, 'submitRebuttal', facts('rebuttalOpen', OPEN))).toBe('allowed');
    expect(verdictOf(leader, 'submitRebuttal', facts('rebuttalOpen', OPEN, new Date('2025-06-13T16:59:00Z')))).toBe('allowed');
    expect(verdictOf(leader, 'submitRebuttal', facts('rebuttalOpen', OPEN, AFTER))).toBe(
      'deadline-passed workflow.rebuttal-window-passed',
    );
    expect(verdictOf(reporter, 'submitRebuttal', facts('rebuttalOpen', OPEN))).toMatch(/^role-not-allowed/);
    expect(verdictOf(chair, 'submitRebuttal', facts('rebuttalOpen', OPEN))).toMatch(/^missing-capability/);
  });

  it('words the guards in both languages', () => {
    const problem = rebuttalBlock('finalise', 'rebuttalOpen', OPEN, SENT)?.problem;
    expect(problem && formatMessage(problem, 'vi')).toBe(
      'chưa chốt được: đơn vị còn được giải trình, kiến nghị đến hết ngày 13/06/2025',
    );
    expect(problem && formatMessage(problem, 'en')).toBe(
      'cannot finalise yet: the unit may contest the results until the end of 13/06/2025',
    );
  });

  it('lets the unit contest only adjusted indicators while the window is open, and the council answer only contests', () => {
    const indicator = (state: string, code: string, now = SENT) => ({
      state,
      periodState: 'appraisal',
      unitId: 'unit-1',
      indicatorCode: code,
      mainIndexCode: code.split('.')[0],
      openRequestCodes: [],
      awaitingUnitCodes: [],
      now,
      rebuttal: { dueOn: '2025-06-13', contestableCodes: ['1.2', '2.1'], contestedCodes: ['2.1'] },
    });
    const reasonOf = (verdict: { allowed: boolean; reason?: string }) => (verdict.allowed ? 'allowed' : verdict.reason);
    expect(reasonOf(evaluateIndicatorActions(reporter, indicator('rebuttalOpen', '1.2')).contest)).toBe('allowed');
    expect(reasonOf(evaluateIndicatorActions(reporter, indicator('rebuttalOpen', '1.1')).contest)).toBe('wrong-state');
    expect(reasonOf(evaluateIndicatorActions(reporter, indicator('rebuttalOpen', '1.2', AFTER)).contest)).toBe('deadline-passed');
    expect(reasonOf(evaluateIndicatorActions(reporter, indicator('rebuttalSubmitted', '1.2')).contest)).toBe('wrong-state');
    expect(reasonOf(evaluateIndicatorActions(chair, indicator('rebuttalOpen', '1.2')).contest)).toBe('missing-capability');
    expect(reasonOf(evaluateIndicatorActions(chair, indicator('rebuttalSubmitted', '2.1')).answerContest)).toBe('allowed');
    expect(reasonOf(evaluateIndicatorActions(appraiser, indicator('rebuttalSubmitted', '2.1')).answerContest)).toBe('allowed');
    expect(reasonOf(evaluateIndicatorActions(appraiser, indicator('rebuttalSubmitted', '1.2')).answerContest)).toBe(
      'missing-capability',
    );
    expect(reasonOf(evaluateIndicatorActions(chair, indicator('rebuttalSubmitted', '1.2')).answerContest)).toBe('wrong-state');
    expect(reasonOf(evaluateIndicatorActions(chair, indicator('rebuttalOpen', '2.1')).answerContest)).toBe('wrong-state');
    expect(reasonOf(evaluateIndicatorActions(reporter, indicator('rebuttalSubmitted', '2.1')).answerContest)).toBe(
      'missing-capability',
    );
    // Decisions are frozen while the round runs.
    expect(reasonOf(evaluateIndicatorActions(chair, indicator('rebuttalOpen', '2.1')).decide)).toBe('wrong-state');
  });

  it('lets evidence be added during the window only on a contested indicator', () => {
    expect(unitCanAddRebuttalEvidence('rebuttalOpen', { indicatorCode: '1.2', contestCodes: ['1.2'] })).toBe(true);
    expect(unitCanAddRebuttalEvidence('rebuttalOpen', { indicatorCode: '1.1', contestCodes: ['1.2'] })).toBe(false);
    expect(unitCanAddRebuttalEvidence('rebuttalSubmitted', { indicatorCode: '1.2', contestCodes: ['1.2'] })).toBe(false);
  });

  it('ends the window at the end of its last day, Vietnam time', () => {
    expect(rebuttalWindowPassed('2025-06-13', new Date('2025-06-13T16:59:59Z'))).toBe(false);
    expect(rebuttalWindowPassed('2025-06-13', new Date('2025-06-13T17:00:00Z'))).toBe(true);
    expect(rebuttalWindowPassed(null, AFTER)).toBe(false);
  });
});
