import { matchesSearch } from './format';

/**
 * The ranking table's rows: a cohort's published results joined, by unit code, to the previous
 * published year of the same cohort. Rank change is previous − current, so a unit that climbs from
 * 44th to 40th has +4 (as in core's compareWithPrevious); the value change is rounded to the
 * framework's precision so that 0,8482 − 0,6829 prints 0,1653 and not 0,16530000000000006.
 */
export interface ResultNode {
  code: string;
  name: string;
  points: number | null;
  max: number | null;
  value: number | null;
  rank: number | null;
}

export interface ResultUnit extends ResultNode {
  percent: number | null;
  /** Submitted by the system at the close of the self-assessment, not by the unit. */
  submittedAtClose?: boolean;
  mainIndices: ResultNode[];
  /** Where the framework has pillars (DTI: digital government, economy, society). */
  pillars?: ResultNode[];
}

export interface ResultSetLike {
  framework: { precision: number };
  units: ResultUnit[];
}

export interface RankingRow {
  code: string;
  name: string;
  /** Submitted by the system at the close of the self-assessment, not by the unit. */
  submittedAtClose: boolean;
  rank: number | null;
  value: number | null;
  percent: number | null;
  points: number | null;
  max: number | null;
  /** Undefined when there is nothing to compare with (no previous period, or the unit is new in it). */
  previous?: { rank: number | null; value: number | null };
  rankChange: number | null;
  valueChange: number | null;
  /** Per main index, by code. */
  mainIndices: Record<string, ResultNode>;
  /** Per pillar, by code; empty where the framework has none. */
  pillars: Record<string, ResultNode>;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** What the previous period contributes: each unit's rank and value, by code. */
export interface PreviousResultsLike {
  framework?: { precision: number };
  units: readonly Pick<ResultUnit, 'code' | 'rank' | 'value'>[];
}

export function buildRankingRows(current: ResultSetLike, previous?: PreviousResultsLike): RankingRow[] {
  const precision = current.framework.precision;
  const previousByCode = new Map((previous?.units ?? []).map((unit) => [unit.code, unit]));
  return current.units.map((unit) => {
    const before = previous ? previousByCode.get(unit.code) : undefined;
    return {
      code: unit.code,
      name: unit.name,
      submittedAtClose: unit.submittedAtClose === true,
      rank: unit.rank,
      value: unit.value,
      percent: unit.percent,
      points: unit.points,
      max: unit.max,
      ...(before ? { previous: { rank: before.rank, value: before.value } } : {}),
      rankChange: before && unit.rank !== null && before.rank !== null ? before.rank - unit.rank : null,
      valueChange: before && unit.value !== null && before.value !== null ? roundTo(unit.value - before.value, precision) : null,
      mainIndices: Object.fromEntries(unit.mainIndices.map((node) => [node.code, node])),
      pillars: Object.fromEntries((unit.pillars ?? []).map((node) => [node.code, node])),
    };
  });
}

/**
 * `main:<code>` sorts by a main index's rank, `mainValue:<code>` by its value: the table shows one or
 * the other (MainIndexView), and a header sorts by what it shows. `pillar:` and `pillarValue:` do
 * the same for pillars.
 */
export type SortColumn =
  | 'rank'
  | 'name'
  | 'value'
  | 'percent'
  | 'points'
  | 'rankChange'
  | 'valueChange'
  | `main:${string}`
  | `mainValue:${string}`
  | `pillar:${string}`
  | `pillarValue:${string}`;

/** The columns after the index: one per main index, or one per pillar where the framework has them. */
export type NodeColumns = 'mainIndices' | 'pillars';

export function parseNodeColumns(text: string | null): NodeColumns {
  return text === 'pillars' ? 'pillars' : 'mainIndices';
}

/** A node column's sort key: by rank (`main:1`, `pillar:CQS`) or by value (`mainValue:1`, `pillarValue:CQS`). */
export function nodeSortColumn(columns: NodeColumns, view: MainIndexView, code: string): SortColumn {
  const prefix = columns === 'pillars' ? 'pillar' : 'main';
  return view === 'values' ? `${prefix}Value:${code}` : `${prefix}:${code}`;
}

/** Which node column a sort names, if any. */
function nodeOfSort(column: SortColumn): { columns: NodeColumns; byValue: boolean; code: string } | undefined {
  const match = /^(main|pillar)(Value)?:(.+)$/.exec(column);
  if (!match) return undefined;
  return { columns: match[1] === 'pillar' ? 'pillars' : 'mainIndices', byValue: Boolean(match[2]), code: match[3] ?? '' };
}
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { column: 'rank', direction: 'asc' };

/** The direction a first click sorts in: best first (rank 1, the highest value, the biggest climb); names A→Z. */
export function naturalDirection(column: SortColumn): SortDirection {
  return column === 'rank' || column === 'name' || column.startsWith('main:') || column.startsWith('pillar:') ? 'asc' : 'desc';
}

export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column !== column) return { column, direction: naturalDirection(column) };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

export function parseSort(text: string | null): SortState {
  const match =
    /^(rank|name|value|percent|points|rankChange|valueChange|(?:main|mainValue|pillar|pillarValue):.+?)(?:\.(asc|desc))?$/.exec(
      text ?? '',
    );
  if (!match) return DEFAULT_SORT;
  const column = match[1] as SortColumn;
  return { column, direction: (match[2] as SortDirection | undefined) ?? naturalDirection(column) };
}

/**
 * What the main-index columns show: their values, as dti.gov.vn publishes them (0,2849), or the
 * units' ranks in each. Values by default; `?show=ranks` in the address keeps the other choice.
 */
export type MainIndexView = 'values' | 'ranks';

export function parseMainIndexView(text: string | null): MainIndexView {
  return text === 'ranks' ? 'ranks' : 'values';
}

/**
 * A sort by a node column follows the view (switching to ranks sorts by the same main index's rank,
 * best first staying best first) and is dropped when its columns are not shown.
 */
export function sortForView(sort: SortState, view: MainIndexView, columns: NodeColumns = 'mainIndices'): SortState {
  const node = nodeOfSort(sort.column);
  if (!node) return sort;
  if (node.columns !== columns) return DEFAULT_SORT;
  const column = nodeSortColumn(columns, view, node.code);
  if (column === sort.column) return sort;
  const bestFirst = sort.direction === naturalDirection(sort.column);
  const natural = naturalDirection(column);
  return { column, direction: bestFirst ? natural : natural === 'asc' ? 'desc' : 'asc' };
}

export function formatSort(sort: SortState): string {
  return `${sort.column}.${sort.direction}`;
}

const vietnameseOrder = new Intl.Collator('vi', { numeric: true });

function sortValue(row: RankingRow, column: SortColumn): number | null {
  switch (column) {
    case 'rank':
    case 'value':
    case 'percent':
    case 'points':
    case 'rankChange':
    case 'valueChange':
      return row[column];
    case 'name':
      return null;
    default: {
      const node = nodeOfSort(column);
      if (!node) return null;
      const result = (node.columns === 'pillars' ? row.pillars : row.mainIndices)[node.code];
      return (node.byValue ? result?.value : result?.rank) ?? null;
    }
  }
}

/**
 * Sorted copy. Units without a figure (not ranked, new, not assessed) stay last in both directions;
 * ties keep the official order (rank, then name in Vietnamese alphabetical order: Đ after D).
 */
export function sortRankingRows(rows: readonly RankingRow[], sort: SortState): RankingRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byOfficialOrder = (a: RankingRow, b: RankingRow) =>
    (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
    vietnameseOrder.compare(a.name, b.name) ||
    a.code.localeCompare(b.code);
  return [...rows].sort((a, b) => {
    if (sort.column === 'name') return sign * vietnameseOrder.compare(a.name, b.name) || a.code.localeCompare(b.code);
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    if (left === null || right === null) return (left === null ? 1 : 0) - (right === null ? 1 : 0) || byOfficialOrder(a, b);
    return sign * (left - right) || byOfficialOrder(a, b);
  });
}

/** Diacritic-insensitive: "dien bien" finds "Điện Biên"; the unit code matches too. */
export function filterRankingRows(rows: readonly RankingRow[], query: string): RankingRow[] {
  if (query.trim() === '') return [...rows];
  return rows.filter((row) => matchesSearch(`${row.name} ${row.code}`, query));
}
