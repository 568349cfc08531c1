import { csvDocument } from '@opendti/core/csv';
import { toSearchKey } from '../../shared/format';
import type { RankingRow } from '../../shared/ranking-rows';

/**
 * The ranking as a plain table for downloads: the rows shown on screen, in the order shown. CSV and
 * XLSX are written from the same table; a CSV writes each number rounded as the screen shows it
 * (0.8482, 84.82, 424.09), never with grouping, so that what a reader sums is what they saw.
 */
export type Cell = string | number | null;
/** `maxPoints` prints as points do on screen (500, 16.67); `points` at two places, as the table's column. */
export type ColumnKind = 'text' | 'rank' | 'value' | 'percent' | 'points' | 'maxPoints' | 'valueChange';
export interface ExportColumn {
  header: string;
  kind: ColumnKind;
}
export interface ExportTable {
  columns: ExportColumn[];
  rows: Cell[][];
}

export interface ExportHeaders {
  rank: string;
  code: string;
  name: string;
  value: string;
  percent: string;
  points: string;
  max: string;
  previousRank: string;
  rankChange: string;
  valueChange: string;
  mainValue: (mainIndexName: string) => string;
  mainRank: (mainIndexName: string) => string;
  /** Said after the name of a unit the system submitted at the close ("nộp tự động khi đóng kỳ"). */
  submittedAtClose?: string;
}

export function buildRankingTable(
  rows: readonly RankingRow[],
  mainIndices: readonly { code: string; name: string }[],
  headers: ExportHeaders,
  withChange: boolean,
  /** Where the framework has pillars, their values and ranks follow the main indices'. */
  pillars: readonly { code: string; name: string }[] = [],
): ExportTable {
  const columns: ExportColumn[] = [
    { header: headers.rank, kind: 'rank' },
    { header: headers.code, kind: 'text' },
    { header: headers.name, kind: 'text' },
    { header: headers.value, kind: 'value' },
    { header: headers.percent, kind: 'percent' },
    { header: headers.points, kind: 'points' },
    { header: headers.max, kind: 'maxPoints' },
    ...(withChange
      ? ([
          { header: headers.previousRank, kind: 'rank' },
          { header: headers.rankChange, kind: 'rank' },
          { header: headers.valueChange, kind: 'valueChange' },
        ] satisfies ExportColumn[])
      : []),
    ...[...mainIndices, ...pillars].flatMap((node): ExportColumn[] => {
      const name = `${node.code}. ${node.name}`;
      return [
        { header: headers.mainValue(name), kind: 'value' },
        { header: headers.mainRank(name), kind: 'rank' },
      ];
    }),
  ];
  const body = rows.map((row): Cell[] => [
    row.rank,
    row.code,
    row.submittedAtClose && headers.submittedAtClose ? `${row.name} (${headers.submittedAtClose})` : row.name,
    row.value,
    row.percent,
    row.points,
    row.max,
    ...(withChange ? [row.previous?.rank ?? null, row.rankChange, row.valueChange] : []),
    ...mainIndices.flatMap((main) => [row.mainIndices[main.code]?.value ?? null, row.mainIndices[main.code]?.rank ?? null]),
    ...pillars.flatMap((pillar) => [row.pillars[pillar.code]?.value ?? null, row.pillars[pillar.code]?.rank ?? null]),
  ]);
  return { columns, rows: body };
}

/** The places a column shows on screen: the framework's precision for indices, two fewer for percentages. */
export function decimalsOf(kind: ColumnKind, precision: number): number | 'trimmed' {
  switch (kind) {
    case 'value':
    case 'valueChange':
      return precision;
    case 'percent':
      return Math.max(precision - 2, 0);
    case 'points':
      return 2;
    case 'maxPoints':
      return 'trimmed';
    default:
      return 0;
  }
}

/**
 * A number rounded as displayed, with a decimal point and no grouping: 0.8482, 424.09, -3, 500.
 * `trimmed` is formatPoints' rule (at most two places, no trailing zeros). −0 prints as 0.
 */
export function displayedNumber(value: number, decimals: number | 'trimmed'): string {
  if (!Number.isFinite(value)) return '';
  const places = decimals === 'trimmed' ? 2 : decimals;
  const factor = 10 ** places;
  const rounded = Math.round(value * factor) / factor + 0;
  return decimals === 'trimmed' ? String(rounded) : rounded.toFixed(places);
}

/**
 * `standard`: RFC 4180 (comma, decimal point), what programs and an English Excel read.
 * `excel-vi`: semicolons and a decimal comma (0,8482), what Excel set to Vietnamese opens into
 * columns with numbers it can sum. Both UTF-8 with a byte-order mark so Excel reads Vietnamese.
 */
export type CsvVariant = 'standard' | 'excel-vi';

export function toCsv(table: ExportTable, precision: number, variant: CsvVariant = 'standard'): string {
  const decimals = table.columns.map((column) => decimalsOf(column.kind, precision));
  const formatNumber = (value: number, column: number) => {
    const text = displayedNumber(value, decimals[column] ?? 'trimmed');
    return variant === 'excel-vi' ? text.replace('.', ',') : text;
  };
  return csvDocument([table.columns.map((column) => column.header), ...table.rows], {
    separator: variant === 'excel-vi' ? ';' : ',',
    formatNumber,
  });
}

/**
 * ket-qua-dti-2023-huyen-thi-xa-thanh-pho: Vietnamese words without diacritics, as the portal's
 * addresses are written. A name with diacritics survives Chrome and Windows 10+, but not every path a
 * file takes on a provincial office's machines: a zip made by Windows Explorer stores names in the
 * legacy code page (Vietnamese turns to "?"), some mail gateways rewrite them, and the same "ệ" can
 * arrive composed or decomposed, so the name in a cover letter stops matching the file's.
 */
export function exportFileName(...parts: (string | number)[]): string {
  return parts
    .map((part) =>
      toSearchKey(String(part))
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter(Boolean)
    .join('-');
}

/** Hands a generated file to the browser as a download. */
export function saveFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
