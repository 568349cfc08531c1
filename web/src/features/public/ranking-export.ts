import { csvDocument } from '@opendti/core/csv';
import type { RankingRow } from './ranking-rows';

/**
 * The ranking as a plain table for downloads: the rows shown on screen, in the order shown, with
 * machine-readable numbers (decimal point, no grouping, full published precision) so that a
 * spreadsheet or a script reads them in any locale. CSV and XLSX are written from the same table.
 */
export type Cell = string | number | null;
export type ColumnKind = 'text' | 'rank' | 'value' | 'percent' | 'points' | 'valueChange';
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
}

export function buildRankingTable(
  rows: readonly RankingRow[],
  mainIndices: readonly { code: string; name: string }[],
  headers: ExportHeaders,
  withChange: boolean,
): ExportTable {
  const columns: ExportColumn[] = [
    { header: headers.rank, kind: 'rank' },
    { header: headers.code, kind: 'text' },
    { header: headers.name, kind: 'text' },
    { header: headers.value, kind: 'value' },
    { header: headers.percent, kind: 'percent' },
    { header: headers.points, kind: 'points' },
    { header: headers.max, kind: 'points' },
    ...(withChange
      ? ([
          { header: headers.previousRank, kind: 'rank' },
          { header: headers.rankChange, kind: 'rank' },
          { header: headers.valueChange, kind: 'valueChange' },
        ] satisfies ExportColumn[])
      : []),
    ...mainIndices.flatMap((main): ExportColumn[] => {
      const name = `${main.code}. ${main.name}`;
      return [
        { header: headers.mainValue(name), kind: 'value' },
        { header: headers.mainRank(name), kind: 'rank' },
      ];
    }),
  ];
  const body = rows.map((row): Cell[] => [
    row.rank,
    row.code,
    row.name,
    row.value,
    row.percent,
    row.points,
    row.max,
    ...(withChange ? [row.previous?.rank ?? null, row.rankChange, row.valueChange] : []),
    ...mainIndices.flatMap((main) => [row.mainIndices[main.code]?.value ?? null, row.mainIndices[main.code]?.rank ?? null]),
  ]);
  return { columns, rows: body };
}

/** 0.8482, 317.560689, -3: what `Number()` and every spreadsheet read back unchanged. */
export function machineNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte-order mark so Excel reads Vietnamese. */
export function toCsv(table: ExportTable): string {
  return csvDocument([table.columns.map((column) => column.header), ...table.rows], machineNumber);
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
