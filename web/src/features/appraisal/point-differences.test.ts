import { describe, expect, it } from 'vitest';
import type { OverviewAssessment, ProvisionalUnit } from './api-types';
import { buildOverviewRows, comparePoints } from './point-differences';

describe('comparePoints', () => {
  it.each([
    [10, 7.5, -2.5, true, false],
    [5, 5, 0, false, false],
    [0, 2, 2, false, true],
    // Sums of decimals: 0.1 + 0.2 is not 0.3, but nothing was cut.
    [0.3, 0.1 + 0.2, 0, false, false],
  ])('self %s, appraised %s → %s', (self, appraised, difference, cut, raised) => {
    expect(comparePoints(self, appraised)).toMatchObject({ difference, cut, raised });
  });

  it('has no difference when either side is unknown', () => {
    expect(comparePoints(null, 5)).toMatchObject({ difference: null, cut: false, raised: false });
    expect(comparePoints(5, null, 10)).toMatchObject({ difference: null, max: 10 });
  });
});

const decisions = (code: string, undecided: number) => ({
  code,
  indicators: 5,
  accepted: 5 - undecided,
  adjusted: 0,
  lowered: 0,
  awaitingSupplementation: 0,
  undecided,
  undecidedCodes: [],
});

function assessment(code: string, undecided: [number, number]): OverviewAssessment {
  return {
    id: `id-${code}`,
    state: 'inAppraisal',
    submittedAt: null,
    submittedAtClose: false,
    finalisedAt: null,
    frameworkId: 'f',
    unit: { id: code, code, name: code, kind: 'district' },
    indicators: 10,
    accepted: 10 - undecided[0] - undecided[1],
    adjusted: 0,
    lowered: 0,
    awaitingSupplementation: 0,
    undecided: undecided[0] + undecided[1],
    supplementation: { open: 0, answered: 0, overdue: 0, latestDueOn: null },
    mainIndices: [decisions('1', undecided[0]), decisions('2', undecided[1])],
    undecidedForYou: undecided[0] + undecided[1],
    awaitsCouncil: true,
    assignees: [],
    assignedToYou: false,
    awaitingUnit: 0,
    allowedActions: [],
    reasonRequired: [],
    deniedActions: [],
  };
}

const node = (code: string, selfPoints: number | null, points: number | null) => ({
  code,
  name: code,
  nameEn: null,
  selfPoints,
  points,
  max: 50,
  value: null,
  rank: null,
});

function result(code: string, rank: number | null, main: [number, number][]): ProvisionalUnit {
  const self = main.reduce((sum, [s]) => sum + s, 0);
  const points = main.reduce((sum, [, p]) => sum + p, 0);
  return {
    code,
    name: code,
    points,
    selfPoints: self,
    max: 100,
    value: points / 100,
    rank,
    percent: points,
    groups: [],
    pillars: [],
    mainIndices: main.map(([s, p], index) => node(String(index + 1), s, p)),
  };
}

describe('buildOverviewRows', () => {
  const rows = buildOverviewRows(
    [assessment('B', [0, 2]), assessment('A', [1, 0]), assessment('C', [0, 0])],
    [
      result('A', 2, [
        [40, 40],
        [30, 25],
      ]),
      result('B', 1, [
        [45, 40],
        [40, 38.5],
      ]),
    ],
    ['1', '2'],
  );

  it('orders by provisional rank, units without a result last', () => {
    expect(rows.map((row) => [row.assessment.unit.code, row.rank])).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', null],
    ]);
  });

  it('compares self and appraised points per main index and overall, and sums the cuts', () => {
    const [b, a] = rows;
    expect(b?.cells.map((cell) => [cell.code, cell.self, cell.appraised, cell.difference, cell.cut, cell.undecided])).toEqual([
      ['1', 45, 40, -5, true, 0],
      ['2', 40, 38.5, -1.5, true, 2],
    ]);
    expect(b?.total).toMatchObject({ self: 85, appraised: 78.5, difference: -6.5, cut: true, max: 100 });
    expect(b?.cutPoints).toBe(-6.5);
    expect(a?.cells.map((cell) => cell.cut)).toEqual([false, true]);
    expect(a?.percent).toBe(65);
  });

  it('shows a unit without a result with empty cells, still with its decisions', () => {
    const c = rows[2];
    expect(c?.cells.map((cell) => [cell.self, cell.appraised, cell.difference, cell.indicators])).toEqual([
      [null, null, null, 5],
      [null, null, null, 5],
    ]);
    expect(c?.cutPoints).toBe(0);
  });
});
