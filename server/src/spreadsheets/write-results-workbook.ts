import { type NodeResult, type ResultSet, sortByRank, type UnitResult } from '@opendti/core';
import type { Worksheet } from 'exceljs';
import { loadExcelJS } from './load-exceljs.js';

/**
 * The results workbook (`opendti score --output results.xlsx`): the ranking, one row per unit, and
 * the main indices in long form for pivot tables. Numbers are stored as numbers with a number
 * format, never as formatted text, so Excel shows them with the reader's decimal comma and they can
 * be summed and charted.
 */

const POINTS_FORMAT = '0.00';
const PERCENT_FORMAT = '0.00';
const RANK_FORMAT = '0';
/** Ranks climbed and value gained show their sign: "+2", "−0.0125". */
const RANK_CHANGE_FORMAT = '+0;-0;0';

interface ResultColumn {
  title: string;
  width: number;
  format?: string;
  value: (unit: UnitResult) => string | number | null;
}

/** The results as .xlsx bytes (`opendti score --output results.xlsx` writes them to the file). */
export async function writeResultsWorkbook(results: ResultSet): Promise<Uint8Array> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'OpenDTI';
  workbook.title = `Kết quả — ${results.framework.name} (${results.framework.year})`;
  const units = sortByRank(results.units);
  // Values are published at the framework's precision (4 decimals: 0,2849), percentages at two fewer.
  const precision = results.framework.precision;
  const valueFormat = decimalFormat(precision);
  const percentFormat = precision > 2 ? decimalFormat(precision - 2) : PERCENT_FORMAT;

  writeTable(workbook.addWorksheet('Xếp hạng'), rankingColumns(units, valueFormat, percentFormat), units, 3);
  writeMainIndexTable(workbook.addWorksheet('Chỉ số chính'), units, valueFormat);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function rankingColumns(units: UnitResult[], valueFormat: string, percentFormat: string): ResultColumn[] {
  const columns: ResultColumn[] = [
    { title: 'Hạng', width: 7, format: RANK_FORMAT, value: (unit) => unit.rank },
    { title: 'Mã đơn vị', width: 12, value: (unit) => unit.code },
    { title: 'Tên đơn vị', width: 32, value: (unit) => unit.name },
    { title: 'Điểm thẩm định', width: 12, format: POINTS_FORMAT, value: (unit) => unit.points },
    { title: 'Điểm tự đánh giá', width: 12, format: POINTS_FORMAT, value: (unit) => unit.selfPoints },
    { title: 'Điểm tối đa', width: 10, format: POINTS_FORMAT, value: (unit) => unit.max },
    { title: 'Chỉ số (0–1)', width: 10, format: valueFormat, value: (unit) => unit.value },
    { title: 'Tỷ lệ (%)', width: 10, format: percentFormat, value: (unit) => unit.percent },
  ];
  if (units.some((unit) => unit.previous !== undefined || unit.change !== undefined)) {
    columns.push(
      { title: 'Hạng năm trước', width: 10, format: RANK_FORMAT, value: (unit) => unit.previous?.rank ?? null },
      { title: 'Thay đổi hạng', width: 10, format: RANK_CHANGE_FORMAT, value: (unit) => unit.change?.rank ?? null },
      {
        title: 'Thay đổi giá trị',
        width: 12,
        format: `+${valueFormat};-${valueFormat};${valueFormat}`,
        value: (unit) => unit.change?.value ?? null,
      },
    );
  }
  // Main indices, then pillars: a "– giá trị" and a "– hạng" column each.
  for (const pick of [(unit: UnitResult) => unit.mainIndices, (unit: UnitResult) => unit.pillars]) {
    for (const node of distinctNodes(units, pick)) {
      const find = (unit: UnitResult): NodeResult | undefined => pick(unit).find((candidate) => candidate.code === node.code);
      columns.push(
        {
          title: `${node.code} ${node.name} – giá trị`,
          width: 16,
          format: valueFormat,
          value: (unit) => find(unit)?.value ?? null,
        },
        { title: `${node.code} ${node.name} – hạng`, width: 10, format: RANK_FORMAT, value: (unit) => find(unit)?.rank ?? null },
      );
    }
  }
  return columns;
}

function writeMainIndexTable(sheet: Worksheet, units: UnitResult[], valueFormat: string): void {
  type Entry = { unit: UnitResult; node: NodeResult };
  const columns: (Omit<ResultColumn, 'value'> & { value: (entry: Entry) => string | number | null })[] = [
    { title: 'Mã đơn vị', width: 12, value: ({ unit }) => unit.code },
    { title: 'Tên đơn vị', width: 32, value: ({ unit }) => unit.name },
    { title: 'Mã chỉ số chính', width: 10, value: ({ node }) => node.code },
    { title: 'Tên chỉ số chính', width: 40, value: ({ node }) => node.name },
    { title: 'Điểm', width: 10, format: POINTS_FORMAT, value: ({ node }) => node.points },
    { title: 'Điểm tối đa', width: 10, format: POINTS_FORMAT, value: ({ node }) => node.max },
    { title: 'Giá trị (0–1)', width: 10, format: valueFormat, value: ({ node }) => node.value },
    { title: 'Hạng', width: 7, format: RANK_FORMAT, value: ({ node }) => node.rank },
  ];
  const entries = units.flatMap((unit) => unit.mainIndices.map((node) => ({ unit, node })));
  writeTable(sheet, columns, entries, 2);
}

/** A header row (bold, frozen, filtered) and one row per item; null becomes an empty cell. */
function writeTable<T>(
  sheet: Worksheet,
  columns: { title: string; width: number; format?: string; value: (item: T) => string | number | null }[],
  items: T[],
  frozenColumns: number,
): void {
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (column.format) sheetColumn.numFmt = column.format;
  });
  const header = sheet.addRow(columns.map((column) => column.title));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (const item of items) sheet.addRow(columns.map((column) => column.value(item)));
}

/** Main indices (or pillars) in the order the results give them, each once. */
function distinctNodes(units: UnitResult[], pick: (unit: UnitResult) => NodeResult[]): { code: string; name: string }[] {
  const seen = new Map<string, { code: string; name: string }>();
  for (const unit of units) {
    for (const node of pick(unit)) if (!seen.has(node.code)) seen.set(node.code, { code: node.code, name: node.name });
  }
  return [...seen.values()];
}

/** "0.0000" for 4 decimals: a number format, shown with a decimal comma in a Vietnamese Excel. */
function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}
