import { formatMessage } from '@opendti/core/answers';
import { describe, expect, it } from 'vitest';
import { buildDecisionBody, type DecisionContext, type DecisionDraft } from './decision-input';

const blank: DecisionDraft = { decision: 'accepted', points: '', reason: '', comment: '', dueOn: '', councilNote: '' };
const context: DecisionContext = { code: '1.2', maxPoints: 10, selfPoints: 7.5, baseVersion: 2, today: '2024-02-10' };

describe('buildDecisionBody: accept', () => {
  it('sends the decision with the base version; an empty council note is null', () => {
    expect(buildDecisionBody(blank, context)).toEqual({
      ok: true,
      body: { decision: 'accepted', reason: null, councilNote: null, baseVersion: 2 },
    });
  });

  it('keeps the council note, trimmed, and drops a reason typed for another choice', () => {
    const result = buildDecisionBody({ ...blank, reason: 'x', councilNote: '  Kiểm tra lại với Sở Nội vụ ' }, context);
    expect(result).toEqual({
      ok: true,
      body: { decision: 'accepted', reason: null, councilNote: 'Kiểm tra lại với Sở Nội vụ', baseVersion: 2 },
    });
  });
});

describe('buildDecisionBody: adjust', () => {
  const adjust = (points: string, reason = 'Chỉ có 2 biên bản') =>
    buildDecisionBody({ ...blank, decision: 'adjusted', points, reason }, context);

  it.each([
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['0', 0],
    ['10', 10],
    [' 0,5 ', 0.5],
  ])('accepts %s as %s points', (points, expected) => {
    expect(adjust(points)).toEqual({
      ok: true,
      body: { decision: 'adjusted', appraisedPoints: expected, reason: 'Chỉ có 2 biên bản', councilNote: null, baseVersion: 2 },
    });
  });

  it.each([
    ['', 'pointsRequired'],
    ['abc', 'pointsInvalid'],
    ['1,2,3', 'pointsInvalid'],
    ['-1', 'pointsOutOfRange'],
    ['10,5', 'pointsOutOfRange'],
    ['7,5', 'pointsUnchanged'],
  ])('refuses points %s: %s', (points, problem) => {
    expect(adjust(points)).toMatchObject({ ok: false, problems: { points: problem } });
  });

  it('refuses off-step points at the field, by core’s rule and with its explanation, like the server', () => {
    const stepped = (points: string) =>
      buildDecisionBody({ ...blank, decision: 'adjusted', points, reason: 'r' }, { ...context, pointsStep: 0.5 });
    const refused = stepped('2,3');
    expect(refused).toMatchObject({
      ok: false,
      problems: { points: 'pointsOffStep' },
      pointsDetail: { code: 'input.points-off-step', params: { indicator: '1.2' } },
    });
    expect(refused.ok === false && refused.pointsDetail && formatMessage(refused.pointsDetail, 'vi')).toContain('2,5');
    expect(stepped('2,5').ok).toBe(true);
    expect(adjust('10,5')).toMatchObject({ pointsDetail: { code: 'input.points-above-max' } });
  });

  it('requires a reason, and reports it with a points problem at once', () => {
    expect(adjust('2', '   ')).toEqual({ ok: false, problems: { reason: 'reasonRequired' } });
    expect(adjust('', '')).toEqual({ ok: false, problems: { points: 'pointsRequired', reason: 'reasonRequired' } });
  });

  it('has no upper bound when the framework publishes no maximum', () => {
    const result = buildDecisionBody(
      { ...blank, decision: 'adjusted', points: '120', reason: 'r' },
      { ...context, maxPoints: null, selfPoints: null },
    );
    expect(result.ok).toBe(true);
  });
});

describe('buildDecisionBody: request supplementation', () => {
  const request = (dueOn: string, comment = 'Bổ sung kế hoạch đã ký') =>
    buildDecisionBody({ ...blank, decision: 'supplementationRequested', comment, dueOn }, context);

  it('converts the due date from dd/mm/yyyy to yyyy-mm-dd', () => {
    expect(request('17/02/2024')).toEqual({
      ok: true,
      body: {
        decision: 'supplementationRequested',
        comment: 'Bổ sung kế hoạch đã ký',
        dueOn: '2024-02-17',
        reason: null,
        councilNote: null,
        baseVersion: 2,
      },
    });
  });

  it('accepts today (in Vietnam) as the due date', () => {
    expect(request('10/02/2024').ok).toBe(true);
  });

  it.each([
    ['', 'dueDateRequired'],
    ['17/02/24', 'dueDateInvalid'],
    ['02/17/2024', 'dueDateInvalid'],
    ['30/02/2024', 'dueDateInvalid'],
    ['09/02/2024', 'dueDatePast'],
  ])('refuses due date %j: %s', (dueOn, problem) => {
    expect(request(dueOn)).toEqual({ ok: false, problems: { dueOn: problem } });
  });

  it('requires what the unit must add', () => {
    expect(request('17/02/2024', ' ')).toEqual({ ok: false, problems: { comment: 'commentRequired' } });
  });
});
