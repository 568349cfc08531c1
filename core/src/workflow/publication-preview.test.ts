import { describe, expect, it } from 'vitest';
import type { ResultSet, UnitResult } from '../scoring/result-set.js';
import { type PreviewUnitFacts, publicationWarnings } from './publication-preview.js';

const unit = (code: string, rank: number | null, value: number | null): UnitResult => ({
  code,
  name: `Đơn vị ${code}`,
  points: null,
  selfPoints: null,
  max: 100,
  value,
  rank,
  percent: value === null ? null : value * 100,
  groups: [],
  mainIndices: [],
  pillars: [],
});
const table = (units: UnitResult[]): ResultSet => ({
  framework: { id: 'f', name: 'F', year: 2025, max: 100, precision: 4 },
  units,
});
const facts = (code: string, over: Partial<PreviewUnitFacts> = {}): PreviewUnitFacts => ({
  unitKind: 'department',
  code,
  name: `Đơn vị ${code}`,
  state: 'finalised',
  answered: 10,
  undecided: 0,
  ...over,
});

describe('publicationWarnings', () => {
  it('names each unit with no answers, unfinalised or with undecided indicators', () => {
    const warnings = publicationWarnings(
      [
        facts('A', { answered: 0, state: 'submitted', undecided: 10 }),
        facts('B', { state: 'underAppraisal', undecided: 3 }),
        facts('C'),
      ],
      [],
      'vi',
    );
    expect(warnings.map((warning) => [warning.kind, warning.unitCode])).toEqual([
      ['no-answers', 'A'],
      ['not-finalised', 'A'],
      ['not-finalised', 'B'],
      ['undecided-indicators', 'B'],
    ]);
    expect(warnings[3]?.message).toBe('Đơn vị B: còn 3 chỉ số chưa được Hội đồng công nhận hoặc điều chỉnh điểm');
  });

  it('follows the manager’s decision: a unit taken out gets no warning, one scored as zero only its missing answers', () => {
    const warnings = publicationWarnings(
      [
        facts('A', { answered: 0, state: 'draft', undecided: 10, participation: 'notParticipating' }),
        facts('B', { answered: 0, state: 'draft', undecided: 10, participation: 'scoredAsZero' }),
        facts('C', { answered: 0, state: 'draft', undecided: 10, participation: 'participating' }),
      ],
      [],
      'vi',
    );
    expect(warnings.map((warning) => [warning.kind, warning.unitCode])).toEqual([
      ['no-answers', 'B'],
      ['no-answers', 'C'],
      ['not-finalised', 'C'],
    ]);
  });

  it('flags a change of 5 places or 0,1 on the index from the previous published table, not less', () => {
    const cohort = {
      unitKind: 'department',
      results: table([unit('A', 1, 0.9), unit('B', 2, 0.7), unit('C', 8, 0.5), unit('D', 9, 0.45), unit('E', null, null)]),
      previous: {
        year: 2024,
        results: table([unit('A', 6, 0.85), unit('B', 1, 0.8), unit('C', 4, 0.55), unit('D', 5, 0.5)]),
      },
    };
    const warnings = publicationWarnings(
      ['A', 'B', 'C', 'D', 'E'].map((code) => facts(code)),
      [cohort],
      'vi',
    );
    expect(warnings.map((warning) => warning.message)).toEqual([
      'Đơn vị A: thay đổi lớn so với năm 2024 (hạng 6 → 1)',
      'Đơn vị B: thay đổi lớn so với năm 2024 (chỉ số −0,1000)',
    ]);
    const english = publicationWarnings([facts('A')], [cohort], 'en');
    expect(english[0]?.message).toBe('Đơn vị A: a large change from 2024 (rank 6 → 1)');
  });
});
