import type { Problem } from '../errors/problem.js';
import { findColumn } from '../text/column-key.js';
import type { IndicatorOwnership } from './plan-model.js';

/**
 * The ownership table (phân công theo dõi chỉ số): one lead unit and any coordinating units per
 * indicator code, as a province keeps it in `owners.csv`:
 *
 *     indicator,lead,coordinating
 *     1.1,VPUBND,STTTT;SNV
 *
 * Coordinating units are separated by `;`. Column titles are matched like every other table's
 * ("Chỉ số", "Chủ trì", "Phối hợp" are accepted too). Pure: the caller reads the file and passes rows.
 */
export interface OwnersTable {
  file?: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface OwnersContext {
  frameworkId: string;
  /** The framework's indicator codes; a row naming another is refused. */
  indicatorCodes: ReadonlySet<string>;
  /** Known unit codes; when omitted (the command line has no unit register) any code is accepted. */
  unitCodes?: ReadonlySet<string>;
}

export interface OwnersResult {
  owners: IndicatorOwnership[];
  problems: Problem[];
}

const COLUMNS = {
  indicator: ['indicator', 'chi_so', 'ma_chi_so', 'indicator_code'],
  lead: ['lead', 'chu_tri', 'don_vi_chu_tri', 'lead_unit'],
  coordinating: ['coordinating', 'phoi_hop', 'don_vi_phoi_hop', 'coordinating_units'],
} as const;

/** Splits "STTTT; SNV ;" into codes, dropping blanks and repeats. */
export function splitUnitCodes(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(/[;\n]/)
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * Reads an ownership table. Every bad row is reported (row numbers count the header as row 1) and
 * left out; the good rows are kept, so a caller that must import all or nothing checks `problems`.
 */
export function readOwnersTable(table: OwnersTable, context: OwnersContext): OwnersResult {
  const problems: Problem[] = [];
  const at = (row: number, column?: string) => ({
    ...(table.file ? { file: table.file } : {}),
    row,
    ...(column ? { column } : {}),
  });
  const indicatorColumn = findColumn(table.header, COLUMNS.indicator);
  const leadColumn = findColumn(table.header, COLUMNS.lead);
  const coordinatingColumn = findColumn(table.header, COLUMNS.coordinating);
  for (const [column, position] of [
    ['indicator', indicatorColumn],
    ['lead', leadColumn],
  ] as const) {
    if (position === undefined) problems.push({ code: 'owners.missing-column', params: { column }, location: at(1) });
  }
  if (indicatorColumn === undefined || leadColumn === undefined) return { owners: [], problems };

  const owners: IndicatorOwnership[] = [];
  const firstRowOf = new Map<string, number>();
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const indicator = (cells[indicatorColumn] ?? '').trim();
    const lead = (cells[leadColumn] ?? '').trim();
    const coordinating = splitUnitCodes(coordinatingColumn === undefined ? '' : cells[coordinatingColumn]);
    if (!indicator && !lead && coordinating.length === 0) return; // a blank line
    const before = problems.length;
    if (!context.indicatorCodes.has(indicator)) {
      problems.push({
        code: 'owners.unknown-indicator',
        params: { indicator, framework: context.frameworkId },
        location: { ...at(row, 'indicator'), code: indicator },
      });
    } else if (firstRowOf.has(indicator)) {
      problems.push({
        code: 'owners.duplicate-row',
        params: { indicator, firstRow: firstRowOf.get(indicator) as number },
        location: { ...at(row, 'indicator'), code: indicator },
      });
    }
    if (!lead) problems.push({ code: 'owners.missing-lead', params: { indicator }, location: at(row, 'lead') });
    const known = context.unitCodes;
    if (known) {
      if (lead && !known.has(lead)) {
        problems.push({ code: 'owners.unknown-unit', params: { column: 'lead', unit: lead }, location: at(row, 'lead') });
      }
      for (const unit of coordinating.filter((code) => !known.has(code))) {
        problems.push({
          code: 'owners.unknown-unit',
          params: { column: 'coordinating', unit },
          location: at(row, 'coordinating'),
        });
      }
    }
    if (lead && coordinating.includes(lead)) {
      problems.push({
        code: 'owners.lead-also-coordinating',
        params: { unit: lead, indicator },
        location: at(row, 'coordinating'),
      });
    }
    if (!firstRowOf.has(indicator)) firstRowOf.set(indicator, row);
    if (problems.length === before) owners.push({ indicator, lead, coordinating });
  });
  return { owners, problems };
}

/** The table as rows for `owners.csv` (header first), the inverse of `readOwnersTable`. */
export function ownersRows(owners: readonly IndicatorOwnership[]): string[][] {
  return [
    ['indicator', 'lead', 'coordinating'],
    ...owners.map((owner) => [owner.indicator, owner.lead, owner.coordinating.join(';')]),
  ];
}

export interface CarriedOwnership {
  /** The ownership of the new framework's indicators. */
  owners: IndicatorOwnership[];
  /** Old indicator codes that have no place in the new framework (dropped, to reassign by hand). */
  dropped: string[];
  /** New indicator codes nobody owns yet. */
  unowned: string[];
}

/**
 * Carries last year's ownership into next year's framework: by indicator code, and where codes
 * change by `mapping` (old code → new code). When two old indicators land on one new code, the first
 * in the old table's order keeps it.
 */
export function carryOwnership(
  owners: readonly IndicatorOwnership[],
  newIndicatorCodes: readonly string[],
  mapping: Readonly<Record<string, string>> = {},
): CarriedOwnership {
  const wanted = new Set(newIndicatorCodes);
  const carried = new Map<string, IndicatorOwnership>();
  const dropped: string[] = [];
  for (const owner of owners) {
    const target = Object.hasOwn(mapping, owner.indicator) ? (mapping[owner.indicator] as string) : owner.indicator;
    if (!wanted.has(target)) {
      dropped.push(owner.indicator);
      continue;
    }
    if (!carried.has(target)) carried.set(target, { indicator: target, lead: owner.lead, coordinating: [...owner.coordinating] });
  }
  return {
    owners: newIndicatorCodes.filter((code) => carried.has(code)).map((code) => carried.get(code) as IndicatorOwnership),
    dropped,
    unowned: newIndicatorCodes.filter((code) => !carried.has(code)),
  };
}
