import { csvDocument, formatLocaleNumber, type Locale, type ResultSet, type UnitResult } from '@opendti/core';
import { renderTable } from './terminal-table.js';

const labels = {
  vi: {
    rank: 'Hạng',
    code: 'Mã',
    unit: 'Đơn vị',
    points: 'Điểm',
    self: 'Tự chấm',
    difference: 'Chênh lệch',
    max: 'Tối đa',
    value: 'Chỉ số',
    percent: '%',
    change: '± Hạng',
    valueChange: '± Chỉ số',
    mainIndices: 'Chỉ số chính (giá trị / hạng)',
    units: 'đơn vị',
  },
  en: {
    rank: 'Rank',
    code: 'Code',
    unit: 'Unit',
    points: 'Points',
    self: 'Self',
    difference: 'Difference',
    max: 'Max',
    value: 'Value',
    percent: '%',
    change: '± Rank',
    valueChange: '± Value',
    mainIndices: 'Main indices (value / rank)',
    units: 'units',
  },
} as const;

/** The ranking as a terminal table: overall results, then each main index's value and rank. */
export function renderResultsTable(results: ResultSet, locale: Locale): string {
  const text = labels[locale];
  const precision = results.framework.precision;
  const number = (value: number | null | undefined, decimals: number) =>
    value === null || value === undefined ? '–' : formatLocaleNumber(value, decimals, locale);
  const compared = results.units.some((unit) => unit.previous !== undefined);
  const arrow = (change: number | null | undefined) =>
    change === null || change === undefined ? '' : change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '=';
  const signed = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : `${value > 0 ? '+' : ''}${formatLocaleNumber(value, precision, locale)}`;

  // The council's adjustment: appraised minus self points (negative when the council cut points).
  const signedPoints = (value: number | null) =>
    value === null ? '–' : value === 0 ? '0' : `${value > 0 ? '+' : ''}${formatLocaleNumber(value, 2, locale)}`;
  const overall = renderTable(
    [
      { title: text.rank, align: 'right' },
      { title: text.code },
      { title: text.unit },
      { title: text.points, align: 'right' },
      { title: text.self, align: 'right' },
      { title: text.difference, align: 'right' },
      { title: text.max, align: 'right' },
      { title: text.value, align: 'right' },
      { title: text.percent, align: 'right' },
      ...(compared
        ? [
            { title: text.change, align: 'right' as const },
            { title: text.valueChange, align: 'right' as const },
          ]
        : []),
    ],
    results.units.map((unit) => [
      unit.rank === null ? '–' : String(unit.rank),
      unit.code,
      unit.name,
      number(unit.points, 2),
      number(unit.selfPoints, 2),
      signedPoints(difference(unit)),
      number(unit.max, 2),
      number(unit.value, precision),
      number(unit.percent, Math.max(precision - 2, 0)),
      ...(compared ? [arrow(unit.change?.rank), signed(unit.change?.value)] : []),
    ]),
  );

  const mainCodes = results.units[0]?.mainIndices.map((main) => main.code) ?? [];
  const perMain = renderTable(
    [{ title: text.code }, ...mainCodes.map((code) => ({ title: code, align: 'right' as const }))],
    results.units.map((unit) => [
      unit.code,
      ...unit.mainIndices.map((main) => `${number(main.value, precision)} / ${main.rank ?? '–'}`),
    ]),
  );
  const legend = results.units[0]?.mainIndices.map((main) => `  ${main.code}  ${main.name}`).join('\n') ?? '';
  const title = `${results.framework.name} (${results.framework.id}) — ${results.units.length} ${text.units}`;
  return `${title}\n\n${overall}\n\n${text.mainIndices}\n${legend}\n\n${perMain}\n`;
}

/**
 * The ranking as CSV for other programs: comma-separated, decimal point, UTF-8 with a BOM so that
 * Excel shows the diacritics. One row per unit; main indices and pillars as columns.
 */
export function renderResultsCsv(results: ResultSet): string {
  const first: UnitResult | undefined = results.units[0];
  const compared = results.units.some((unit) => unit.previous !== undefined);
  const header = [
    'rank',
    'unit_code',
    'unit_name',
    'points',
    'self_points',
    'difference',
    'max',
    'value',
    'percent',
    ...(compared ? ['previous_rank', 'previous_value', 'rank_change', 'value_change'] : []),
    ...(first?.mainIndices.flatMap((main) => [`${main.code}_points`, `${main.code}_value`, `${main.code}_rank`]) ?? []),
    ...(first?.pillars.flatMap((pillar) => [`${pillar.code}_value`, `${pillar.code}_rank`]) ?? []),
  ];
  const rows = results.units.map((unit) => [
    unit.rank,
    unit.code,
    unit.name,
    unit.points,
    unit.selfPoints,
    difference(unit),
    unit.max,
    unit.value,
    unit.percent,
    ...(compared ? [unit.previous?.rank, unit.previous?.value, unit.change?.rank, unit.change?.value] : []),
    ...unit.mainIndices.flatMap((main) => [main.points, main.value, main.rank]),
    ...unit.pillars.flatMap((pillar) => [pillar.value, pillar.rank]),
  ]);
  return csvDocument([header, ...rows]);
}

/** Appraised minus self points, rounded like points; null when either is missing. */
function difference(unit: UnitResult): number | null {
  if (unit.points === null || unit.selfPoints === null) return null;
  return Math.round((unit.points - unit.selfPoints) * 1e6) / 1e6;
}
