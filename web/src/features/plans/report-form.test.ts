import { describe, expect, it } from 'vitest';
import type { MyPlanTask, ProgressReport, TaskRound } from './progress-queries';
import {
  defaultRound,
  groupTasksByPlan,
  initialReportForm,
  needsAttention,
  reportableRounds,
  reportBody,
  reportFormErrors,
  splitProblems,
} from './report-form';
import { shownRound } from './shown-round';

const report = (extra: Partial<ProgressReport> = {}): ProgressReport => ({
  id: 'r1',
  taskId: 't1',
  roundDueOn: '2026-03-15',
  unit: { code: 'DBP', name: 'Thành phố Điện Biên Phủ' },
  text: 'Đã ban hành kế hoạch',
  percent: 40,
  state: 'inProgress',
  links: ['https://dienbienphu.gov.vn/a', 'https://dienbienphu.gov.vn/b'],
  evidence: [],
  submittedAt: '2026-03-10T03:00:00.000Z',
  submittedBy: null,
  updatedAt: '2026-03-10T03:00:00.000Z',
  version: 1,
  ...extra,
});

const round = (dueOn: string, extra: Partial<TaskRound> = {}): TaskRound => ({
  dueOn,
  opensOn: '2026-01-01',
  title: { vi: dueOn, en: dueOn },
  open: true,
  current: false,
  expected: true,
  status: 'pending',
  report: null,
  ...extra,
});

const task = (extra: Partial<MyPlanTask> = {}): MyPlanTask =>
  ({
    id: 't1',
    planId: 'p1',
    planTitle: 'Kế hoạch 2026',
    planDocumentNumber: '187/KH-UBND',
    position: 1,
    text: 'Ban hành kế hoạch',
    role: 'leadUnit',
    state: 'inProgress',
    displayedState: 'inProgress',
    reporting: {
      currentRound: '2026-06-15',
      rounds: [
        round('2026-03-15', { status: 'submitted', report: report() }),
        round('2026-06-15', { current: true }),
        round('2026-09-15', { open: false }),
      ],
    },
    ...extra,
  }) as MyPlanTask;

describe('the reporting form', () => {
  it('opens on the round being reported, carrying the percent on from the last report', () => {
    expect(defaultRound(task())).toBe('2026-06-15');
    expect(initialReportForm(task(), '2026-06-15')).toEqual({
      text: '',
      percent: 40,
      state: 'inProgress',
      links: '',
      evidence: [],
    });
    // A round already reported is edited as written.
    expect(initialReportForm(task(), '2026-03-15')).toMatchObject({
      text: 'Đã ban hành kế hoạch',
      links: 'https://dienbienphu.gov.vn/a\nhttps://dienbienphu.gov.vn/b',
    });
  });

  it('offers the open rounds to the lead unit only, the newest first', () => {
    expect(reportableRounds(task()).map((candidate) => candidate.dueOn)).toEqual(['2026-06-15', '2026-03-15']);
    expect(reportableRounds(task({ role: 'coordinatingUnit' }))).toEqual([]);
    expect(reportableRounds(task({ state: 'cancelled' }))).toEqual([]);
    // Once the last round has passed, the newest open one.
    const passed = task();
    passed.reporting.rounds[1] = round('2026-06-15', { current: false });
    expect(defaultRound(passed)).toBe('2026-06-15');
  });

  it.each([
    [{ text: ' ' }, { text: 'textRequired' }],
    [{ percent: '' }, { percent: 'percentRange' }],
    [{ percent: 101 }, { percent: 'percentRange' }],
    [{ percent: 12.5 }, { percent: 'percentRange' }],
    [{ links: 'https://a.vn\njavascript:alert(1)' }, { links: 'linkInvalid' }],
    [{ links: 'www.dienbien.gov.vn' }, { links: 'linkInvalid' }],
    [{ links: '\n https://a.vn \n' }, {}],
  ])('checks %j before sending', (change, errors) => {
    const values = { text: 'Đã làm', percent: 50, state: 'inProgress' as const, links: '', evidence: [], ...change };
    expect(reportFormErrors(values)).toEqual(errors);
  });

  it('sends the trimmed text, the links line by line, the files’ ids and the version edited', () => {
    const values = {
      text: '  Đã làm  ',
      percent: 100,
      state: 'done' as const,
      links: 'https://a.vn\n\n  https://b.vn ',
      evidence: [{ id: 'e1' }, { id: 'e2' }] as ProgressReport['evidence'],
    };
    expect(reportBody(values, 3)).toEqual({
      text: 'Đã làm',
      percent: 100,
      state: 'done',
      links: ['https://a.vn', 'https://b.vn'],
      evidenceIds: ['e1', 'e2'],
      version: 3,
    });
    expect(reportBody(values, undefined)).not.toHaveProperty('version');
  });

  it('puts the server’s problems under their fields, the rest above the form', () => {
    expect(
      splitProblems([
        { message: 'trường text: cần nêu kết quả', location: { path: 'text' } },
        { message: 'đường dẫn 1 sai', location: { path: 'links[0]' } },
        { message: 'đường dẫn 2 sai', location: { path: 'links[1]' } },
        { message: 'tệp lạ', location: { path: 'evidenceIds[0]' } },
        { message: 'kế hoạch đã kết thúc' },
      ]),
    ).toEqual({
      fields: { text: 'trường text: cần nêu kết quả', links: 'đường dẫn 1 sai đường dẫn 2 sai', evidence: 'tệp lạ' },
      others: ['kế hoạch đã kết thúc'],
    });
  });
});

describe('the unit’s task list', () => {
  it('groups by plan and filters by role or by what needs a report', () => {
    const coordinated = task({ id: 't2', role: 'coordinatingUnit' });
    const other = task({ id: 't3', planId: 'p2', planTitle: 'Kế hoạch khác' });
    const done = task({ id: 't4' });
    done.reporting.rounds[1] = round('2026-06-15', { current: true, status: 'submitted', report: report() });
    const all = [task(), coordinated, other, done];
    expect(groupTasksByPlan(all, 'all').map((group) => [group.planId, group.tasks.map((item) => item.id)])).toEqual([
      ['p1', ['t1', 't2', 't4']],
      ['p2', ['t3']],
    ]);
    expect(groupTasksByPlan(all, 'coordinatingUnit').flatMap((group) => group.tasks.map((item) => item.id))).toEqual(['t2']);
    expect(all.filter(needsAttention).map((item) => item.id)).toEqual(['t1', 't3']);
  });
});

describe('the manager’s round', () => {
  const rounds = [
    { dueOn: '2026-03-15', open: true, current: false },
    { dueOn: '2026-06-15', open: true, current: true },
    { dueOn: '2026-09-15', open: false, current: false },
  ];
  it('shows the round asked for, else the one being reported, else the last opened', () => {
    expect(shownRound(rounds, '2026-03-15')).toBe('2026-03-15');
    expect(shownRound(rounds, '2030-01-01')).toBe('2026-06-15');
    expect(shownRound(rounds, null)).toBe('2026-06-15');
    expect(shownRound([rounds[0] as never, { ...rounds[1], current: false } as never], null)).toBe('2026-06-15');
    expect(shownRound([], null)).toBeUndefined();
  });
});
