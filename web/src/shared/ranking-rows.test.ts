import { describe, expect, it } from 'vitest';
import {
  buildRankingRows,
  DEFAULT_SORT,
  filterRankingRows,
  formatSort,
  nextSort,
  parseMainIndexView,
  parseNodeColumns,
  parseSort,
  type RankingRow,
  type ResultSetLike,
  type ResultUnit,
  type SortColumn,
  sortForView,
  sortRankingRows,
} from './ranking-rows';

function unit(
  code: string,
  name: string,
  value: number | null,
  rank: number | null,
  mainRanks: (number | null)[] = [],
): ResultUnit {
  return {
    code,
    name,
    value,
    rank,
    percent: value === null ? null : value * 100,
    points: value === null ? null : value * 500,
    max: 500,
    mainIndices: mainRanks.map((mainRank, index) => ({
      code: String(index + 1),
      name: `Main ${index + 1}`,
      points: null,
      max: 50,
      // A main index's value falls as its rank does, so either column sorts the same units first.
      value: mainRank === null ? null : 1 - mainRank / 10,
      rank: mainRank,
    })),
  };
}

const set = (...units: ResultUnit[]): ResultSetLike => ({ framework: { precision: 4 }, units });

describe('buildRankingRows (year-over-year change by unit code)', () => {
  const previous = set(
    unit('DBP', 'Thành phố Điện Biên Phủ', 0.8482, 1),
    unit('MLA', 'Thị xã Mường Lay', 0.6829, 2),
    unit('NPO', 'Huyện Nậm Pồ', 0.3912, 10),
  );
  const current = set(
    unit('MLA', 'Thị xã Mường Lay', 0.4035, 9),
    unit('NPO', 'Huyện Nậm Pồ', 0.643, 4),
    unit('DBP', 'Thành phố Điện Biên Phủ', 0.5666, 6),
    unit('NEW', 'Xã mới', 0.5, 7),
    unit('UNR', 'Đơn vị không xếp hạng', null, null),
  );
  const rows = new Map(buildRankingRows(current, previous).map((row) => [row.code, row]));

  it.each([
    // code, rank change (previous − current: climbing is positive), value change at 4 decimals
    ['NPO', 6, 0.2518],
    ['DBP', -5, -0.2816],
    ['MLA', -7, -0.2794],
  ])('%s: rank change %s, value change %s', (code, rankChange, valueChange) => {
    const row = rows.get(code);
    expect(row?.rankChange).toBe(rankChange);
    expect(row?.valueChange).toBe(valueChange);
  });

  it('rounds the value change to the framework precision (no float noise)', () => {
    const rows = buildRankingRows(set(unit('A', 'A', 0.8482, 1)), set(unit('A', 'A', 0.6829, 1)));
    expect(rows[0]?.valueChange).toBe(0.1653);
    expect(rows[0]?.rankChange).toBe(0);
  });

  it('marks a unit absent from the previous period as new (no previous, no change)', () => {
    const row = rows.get('NEW');
    expect(row?.previous).toBeUndefined();
    expect(row?.rankChange).toBeNull();
    expect(row?.valueChange).toBeNull();
  });

  it('gives no change when either year has no rank or value', () => {
    const rows = buildRankingRows(set(unit('A', 'A', null, null)), set(unit('A', 'A', 0.5, 1)));
    expect(rows[0]?.previous).toEqual({ rank: 1, value: 0.5 });
    expect(rows[0]?.rankChange).toBeNull();
    expect(rows[0]?.valueChange).toBeNull();
  });

  it('has no previous at all without a previous period', () => {
    expect(buildRankingRows(current).every((row) => row.previous === undefined && row.rankChange === null)).toBe(true);
  });

  it('indexes main indices by code', () => {
    const [row] = buildRankingRows(set(unit('A', 'A', 0.5, 1, [3, null])));
    expect(row?.mainIndices['1']?.rank).toBe(3);
    expect(row?.mainIndices['2']?.rank).toBeNull();
  });
});

describe('sortRankingRows', () => {
  const rows: RankingRow[] = buildRankingRows(
    set(
      unit('B', 'Huyện Điện Biên', 0.6819, 3, [6]),
      unit('A', 'Thành phố Điện Biên Phủ', 0.8482, 1, [1]),
      unit('C', 'Huyện Mường Ảng', 0.633, 4, [2]),
      unit('D', 'Huyện Đà Bắc', null, null, [null]),
      unit('E', 'Huyện Dương Minh Châu', 0.6829, 2, [5]),
    ),
    set(unit('A', '', 0.8, 2), unit('B', '', 0.7, 1), unit('C', '', 0.5, 4), unit('E', '', 0.6, 3)),
  );
  const codes = (sorted: RankingRow[]) => sorted.map((row) => row.code).join('');

  it.each([
    [{ column: 'rank', direction: 'asc' }, 'AEBCD'],
    [{ column: 'rank', direction: 'desc' }, 'CBEAD'],
    [{ column: 'value', direction: 'desc' }, 'AEBCD'],
    [{ column: 'value', direction: 'asc' }, 'CBEAD'],
    // +1 (A, E… E climbed 3→2 = +1, A 2→1 = +1), 0 (C), −2 (B): ties keep the official order.
    [{ column: 'rankChange', direction: 'desc' }, 'AECBD'],
    [{ column: 'main:1', direction: 'asc' }, 'ACEBD'],
    [{ column: 'main:1', direction: 'desc' }, 'BECAD'],
    [{ column: 'mainValue:1', direction: 'desc' }, 'ACEBD'],
    [{ column: 'mainValue:1', direction: 'asc' }, 'BECAD'],
  ] as const)('%o → %s (units without a figure last in both directions)', (sort, expected) => {
    expect(codes(sortRankingRows(rows, sort))).toBe(expected);
  });

  it('sorts names in Vietnamese alphabetical order: D before Đ, both before H', () => {
    const names = sortRankingRows(
      buildRankingRows(
        set(unit('1', 'Đông', 0.1, 1), unit('2', 'Hà', 0.1, 1), unit('3', 'Dương', 0.1, 1), unit('4', 'Ân', 0.1, 1)),
      ),
      { column: 'name', direction: 'asc' },
    ).map((row) => row.name);
    expect(names).toEqual(['Ân', 'Dương', 'Đông', 'Hà']);
  });

  it('does not change its input', () => {
    const before = codes(rows);
    sortRankingRows(rows, { column: 'value', direction: 'asc' });
    expect(codes(rows)).toBe(before);
  });
});

describe('sort state in the address', () => {
  it.each([
    [null, DEFAULT_SORT],
    ['', DEFAULT_SORT],
    ['nonsense', DEFAULT_SORT],
    ['valueChange.desc', { column: 'valueChange', direction: 'desc' }],
    ['value', { column: 'value', direction: 'desc' }],
    ['name.asc', { column: 'name', direction: 'asc' }],
    ['main:1.2.desc', { column: 'main:1.2', direction: 'desc' }],
    ['main:1.2', { column: 'main:1.2', direction: 'asc' }],
    ['mainValue:1.2', { column: 'mainValue:1.2', direction: 'desc' }],
  ] as const)('parseSort(%s)', (text, expected) => {
    expect(parseSort(text)).toEqual(expected);
  });

  it('round-trips through formatSort', () => {
    const sort = { column: 'main:3', direction: 'desc' } as const;
    expect(parseSort(formatSort(sort))).toEqual(sort);
  });

  it('toggles the direction on the same column and starts a new column best-first', () => {
    expect(nextSort(DEFAULT_SORT, 'rank')).toEqual({ column: 'rank', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'value')).toEqual({ column: 'value', direction: 'desc' });
    expect(nextSort(DEFAULT_SORT, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });
});

describe('main-index view (values or ranks) in the address', () => {
  it.each([
    [null, 'values'],
    ['', 'values'],
    ['ranks', 'ranks'],
    ['nonsense', 'values'],
  ] as const)('parseMainIndexView(%s) → %s (values by default)', (text, expected) => {
    expect(parseMainIndexView(text)).toBe(expected);
  });

  it.each([
    // A main-index sort follows the view and keeps best-first (or worst-first) order.
    [{ column: 'mainValue:2', direction: 'desc' }, 'ranks', { column: 'main:2', direction: 'asc' }],
    [{ column: 'mainValue:2', direction: 'asc' }, 'ranks', { column: 'main:2', direction: 'desc' }],
    [{ column: 'main:2', direction: 'asc' }, 'values', { column: 'mainValue:2', direction: 'desc' }],
    [{ column: 'main:2', direction: 'asc' }, 'ranks', { column: 'main:2', direction: 'asc' }],
    [{ column: 'value', direction: 'asc' }, 'ranks', { column: 'value', direction: 'asc' }],
  ] as const)('sortForView(%o, %s) → %o', (sort, view, expected) => {
    expect(sortForView(sort, view)).toEqual(expected);
  });
});

describe('filterRankingRows (diacritic-insensitive)', () => {
  const rows = buildRankingRows(
    set(
      unit('DBP', 'Thành phố Điện Biên Phủ', 0.8, 1),
      unit('DBD', 'Huyện Điện Biên Đông', 0.6, 2),
      unit('MAN', 'Huyện Mường Ảng', 0.5, 3),
      unit('STTTT', 'Sở Thông tin và Truyền thông', 0.4, 4),
    ),
  );
  const found = (query: string) => filterRankingRows(rows, query).map((row) => row.code);

  it.each([
    ['dien bien', ['DBP', 'DBD']],
    ['ĐIỆN BIÊN', ['DBP', 'DBD']],
    ['bien dong', ['DBD']],
    ['muong ang', ['MAN']],
    ['  ', ['DBP', 'DBD', 'MAN', 'STTTT']],
    ['stttt', ['STTTT']],
    ['ha noi', []],
  ])('"%s" finds %o', (query, expected) => {
    expect(found(query)).toEqual(expected);
  });

  it.each([
    // Pillars: the same rules; a sort by a kind of column not shown falls back to the official order.
    [{ column: 'pillarValue:CQS', direction: 'desc' }, 'ranks', 'pillars', { column: 'pillar:CQS', direction: 'asc' }],
    [{ column: 'pillar:CQS', direction: 'asc' }, 'values', 'pillars', { column: 'pillarValue:CQS', direction: 'desc' }],
    [{ column: 'pillarValue:CQS', direction: 'desc' }, 'values', 'mainIndices', DEFAULT_SORT],
    [{ column: 'mainValue:1', direction: 'desc' }, 'values', 'pillars', DEFAULT_SORT],
  ] as const)('sortForView(%o, %s, %s) → %o', (sort, view, columns, expected) => {
    expect(sortForView(sort, view, columns)).toEqual(expected);
  });

  it('reads the pillar columns from the address only as "pillars"', () => {
    expect([parseNodeColumns(null), parseNodeColumns('pillars'), parseNodeColumns('x')]).toEqual([
      'mainIndices',
      'pillars',
      'mainIndices',
    ]);
    expect(parseSort('pillarValue:KTS')).toEqual({ column: 'pillarValue:KTS', direction: 'desc' });
    expect(parseSort('pillar:KTS')).toEqual({ column: 'pillar:KTS', direction: 'asc' });
  });

  it('sorts by a pillar value or rank, units without one last', () => {
    const pillarUnit = (code: string, value: number | null, rank: number | null): ResultUnit => ({
      ...unit(code, code, 0.5, 1),
      pillars: [{ code: 'CQS', name: 'Chính quyền số', points: null, max: null, value, rank }],
    });
    const rows = buildRankingRows(set(pillarUnit('A', 0.4, 2), pillarUnit('B', 0.7, 1), pillarUnit('C', null, null)));
    const order = (sort: { column: SortColumn; direction: 'asc' | 'desc' }) =>
      sortRankingRows(rows, sort)
        .map((row) => row.code)
        .join('');
    expect(order({ column: 'pillarValue:CQS', direction: 'desc' })).toBe('BAC');
    expect(order({ column: 'pillar:CQS', direction: 'desc' })).toBe('ABC');
  });
});
