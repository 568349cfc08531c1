import { describe, expect, it } from 'vitest';
import { formatMessage } from '../errors/problem.js';
import {
  assignmentCovers,
  assignmentScopeProblems,
  councilMinutesProblems,
  evaluateAssignAction,
  evaluateMinutesAction,
} from './council.js';
import type { Actor } from './roles.js';

const chair: Actor = { userId: 'u-chair', role: 'councilChair' };
const appraiser: Actor = { userId: 'u-appr', role: 'appraiser' };
const now = new Date('2025-03-10T03:00:00Z');

describe('assignmentCovers', () => {
  it('a whole unit covers each of its main indices, and no other unit', () => {
    const unit = { unitId: 'DBP', mainIndexCode: null };
    expect(assignmentCovers(unit, { unitId: 'DBP', mainIndexCode: '3' })).toBe(true);
    expect(assignmentCovers(unit, { unitId: 'DBP' })).toBe(true);
    expect(assignmentCovers(unit, { unitId: 'MLA' })).toBe(false);
  });

  it('a main index in every unit covers that main index only, anywhere', () => {
    const main = { unitId: null, mainIndexCode: '3' };
    expect(assignmentCovers(main, { unitId: 'MLA', mainIndexCode: '3' })).toBe(true);
    expect(assignmentCovers(main, { unitId: 'MLA', mainIndexCode: '4' })).toBe(false);
    expect(assignmentCovers(main, { unitId: 'MLA' })).toBe(true);
  });

  it('a main index of one unit', () => {
    const one = { unitId: 'DBP', mainIndexCode: '3' };
    expect(assignmentCovers(one, { unitId: 'DBP', mainIndexCode: '3' })).toBe(true);
    expect(assignmentCovers(one, { unitId: 'MLA', mainIndexCode: '3' })).toBe(false);
  });

  it('an assignment names a unit or a main index', () => {
    expect(assignmentScopeProblems({})).toEqual([{ code: 'assignment.empty-scope' }]);
    expect(assignmentScopeProblems({ unitId: null, mainIndexCode: '2' })).toEqual([]);
  });
});

describe('councilMinutesProblems', () => {
  const valid = { meetingOn: '2025-03-10', memberIds: ['u-chair'], otherAttendees: [], decision: 'Thông qua kết quả thẩm định.' };

  it('accepts a meeting held today (Vietnam time) with a member and a decision', () => {
    expect(councilMinutesProblems(valid, now)).toEqual([]);
  });

  it('refuses a date in the future, no member and an empty decision, all at once, in both languages', () => {
    const problems = councilMinutesProblems({ ...valid, meetingOn: '2025-03-11', memberIds: [], decision: '  ' }, now);
    expect(problems.map((problem) => problem.code)).toEqual([
      'minutes.date-future',
      'minutes.no-members',
      'minutes.decision-empty',
    ]);
    expect(formatMessage(problems[0] as never, 'vi')).toContain('11/03/2025');
    expect(formatMessage(problems[1] as never, 'en')).toBe('choose at least one council member present');
  });

  it('refuses a date that is not one', () => {
    expect(councilMinutesProblems({ ...valid, meetingOn: '2025-02-30' }, now).map((problem) => problem.code)).toEqual([
      'minutes.date-invalid',
    ]);
  });
});

describe('evaluateMinutesAction', () => {
  it('the chair records minutes while the period is under appraisal', () => {
    expect(evaluateMinutesAction(chair, 'appraisal')).toEqual({ allowed: true });
  });

  it('not once the results are published', () => {
    const verdict = evaluateMinutesAction(chair, 'published');
    expect(verdict.allowed).toBe(false);
    expect(verdict.allowed === false && verdict.reason).toBe('period-state');
  });

  it('a member may read them but not record them', () => {
    const verdict = evaluateMinutesAction(appraiser, 'appraisal');
    expect(verdict.allowed === false && verdict.reason).toBe('missing-capability');
  });
});

describe('evaluateAssignAction', () => {
  it('the chair and the period manager share out the work until the results are published', () => {
    expect(evaluateAssignAction(chair, 'appraisal').allowed).toBe(true);
    expect(evaluateAssignAction({ userId: 'm', role: 'periodManager' }, 'selfAssessment').allowed).toBe(true);
    const published = evaluateAssignAction(chair, 'published');
    expect(published.allowed === false && published.reason).toBe('period-state');
    const member = evaluateAssignAction(appraiser, 'appraisal');
    expect(member.allowed === false && member.reason).toBe('missing-capability');
  });
});
