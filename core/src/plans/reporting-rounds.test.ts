import { describe, expect, it } from 'vitest';
import { formatProblem } from '../errors/problem.js';
import {
  currentRound,
  reportExpected,
  reportedStateAction,
  reportingRounds,
  reportingScheduleProblems,
  reportStatus,
  roundIsOpen,
} from './reporting-rounds.js';

const plan = (reportingSchedule: string[], date = '2023-01-10') => ({ year: 2023, date, reportingSchedule });

describe('reporting rounds', () => {
  it('derives quarterly rounds before the 15th of each quarter’s last month, each opening the day after the previous', () => {
    const rounds = reportingRounds(plan(['quarterly']));
    expect(rounds.map((round) => [round.dueOn, round.opensOn, round.title.vi])).toEqual([
      ['2023-03-15', '2023-01-10', 'Quý I/2023'],
      ['2023-06-15', '2023-03-16', 'Quý II/2023'],
      ['2023-09-15', '2023-06-16', 'Quý III/2023'],
      ['2023-12-15', '2023-09-16', 'Quý IV/2023'],
    ]);
    expect(rounds[1]?.title.en).toBe('Q2 2023');
  });

  it('keeps only rounds on or after the plan’s date, one per day, in date order', () => {
    const rounds = reportingRounds(plan(['2023-11-15', 'half-yearly', '15/06'], '2023-06-15'));
    expect(rounds.map((round) => round.dueOn)).toEqual(['2023-06-15', '2023-11-15', '2023-12-15']);
    // The first entry giving a day names it.
    expect(rounds[0]?.title.vi).toBe('6 tháng đầu năm 2023');
    expect(rounds[1]?.title).toEqual({ vi: 'Báo cáo tháng 11/2023', en: 'November 2023 report' });
  });

  it.each([
    ['15/11', '2023-11-15'],
    ['15/11/2023', '2023-11-15'],
    ['2023-11-15', '2023-11-15'],
    [' Quarterly ', '2023-03-15'],
  ])('reads the schedule entry %j', (entry, first) => {
    expect(reportingScheduleProblems(plan([entry]))).toEqual([]);
    expect(reportingRounds(plan([entry]))[0]?.dueOn).toBe(first);
  });

  it('refuses unknown entries and written days before the plan, at reportingSchedule[i], in both languages', () => {
    const problems = reportingScheduleProblems(plan(['quarterly', 'hằng tháng', '2023-01-05', '31/02/2023']));
    expect(problems.map((problem) => [problem.code, problem.location?.path])).toEqual([
      ['plan.schedule-unknown-entry', 'reportingSchedule[1]'],
      ['plan.schedule-before-plan', 'reportingSchedule[2]'],
      ['plan.schedule-unknown-entry', 'reportingSchedule[3]'],
    ]);
    expect(formatProblem(problems[1] as never, 'vi')).toContain('05/01/2023');
    expect(formatProblem(problems[1] as never, 'en')).toContain('2023-01-05');
    expect(formatProblem(problems[0] as never, 'en')).toContain('"hằng tháng" is not a reporting schedule entry');
  });

  it('finds the round being reported and which rounds are open', () => {
    const rounds = reportingRounds(plan(['quarterly']));
    expect(currentRound(rounds, '2023-03-15')?.dueOn).toBe('2023-03-15');
    expect(currentRound(rounds, '2023-03-16')?.dueOn).toBe('2023-06-15');
    expect(currentRound(rounds, '2023-12-16')).toBeUndefined();
    expect(roundIsOpen(rounds[1] as never, '2023-03-15')).toBe(false);
    expect(roundIsOpen(rounds[1] as never, '2023-03-16')).toBe(true);
  });

  it.each([
    ['2023-03-15', null, '2023-03-15', 'pending'],
    [null, null, '2023-03-16', 'missing'],
    ['2023-03-15', '2023-03-15', '2023-04-01', 'submitted'],
    ['2023-03-15', '2023-03-16', '2023-04-01', 'late'],
  ] as const)('a report due %s submitted on %s is, on %s, %s', (dueOn, submittedOn, today, status) => {
    expect(reportStatus({ dueOn: dueOn ?? '2023-03-15' }, submittedOn, today)).toBe(status);
  });

  it('expects no report of a cancelled task, nor of one whose completion an earlier round reported', () => {
    expect(reportExpected({ state: 'cancelled' }, false)).toBe(false);
    expect(reportExpected({ state: 'done' }, true)).toBe(false);
    expect(reportExpected({ state: 'done' }, false)).toBe(true);
    expect(reportExpected({ state: 'inProgress' }, true)).toBe(true);
  });

  it.each([
    ['notStarted', 'notStarted', null],
    ['notStarted', 'inProgress', 'start'],
    ['notStarted', 'done', 'complete'],
    ['inProgress', 'done', 'complete'],
    ['done', 'inProgress', 'reopen'],
    ['inProgress', 'notStarted', undefined],
  ] as const)('a task %s reported %s asks for %s', (from, to, action) => {
    expect(reportedStateAction(from, to)).toBe(action);
  });
});
