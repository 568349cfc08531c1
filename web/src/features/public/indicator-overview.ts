import { type ChartOption, FONT, TEXT } from './chart-options';
import type { IndicatorOverview } from './public-api';
import { type Cell, type ExportTable, toCsv } from './ranking-export';

/**
 * The province-wide indicator overview as the page draws and downloads it: the heatmap's matrix
 * (units × main indices, or units × the indicators of one main index), its ECharts option, and the
 * indicator list as a table for CSV. Pure (type imports of ECharts only), tested without drawing.
 */
/**
 * Viridis (matplotlib's, five stops): ordered light to dark without relying on red against green,
 * read the same by the common colour-vision deficiencies and in greyscale print. Low is dark.
 */
export const SCALE = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
const EMPTY = '#e9ecef';

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The scale's colour at a share 0–1, interpolated linearly in RGB between stops as ECharts' visualMap does. */
export function scaleColour(share: number): string {
  const clamped = Math.min(Math.max(share, 0), 1) * (SCALE.length - 1);
  const low = Math.floor(clamped);
  const high = Math.min(low + 1, SCALE.length - 1);
  const t = clamped - low;
  const a = channels(SCALE[low] as string);
  const b = channels(SCALE[high] as string);
  const mixed = a.map((channel, i) => Math.round(channel + ((b[i] as number) - channel) * t));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or near-black, whichever contrasts more with the cell (WCAG contrast ratio). */
export function labelColour(background: string): string {
  const l = luminance(background);
  const againstWhite = 1.05 / (l + 0.05);
  const againstDark = (l + 0.05) / (luminance('#1a1b1e') + 0.05);
  return againstWhite >= againstDark ? '#ffffff' : '#1a1b1e';
}

export interface HeatmapColumn {
  code: string;
  name: string;
  /** Points a unit can obtain (drill-in); null for a main index, whose cell is its value. */
  max: number | null;
}

export interface HeatmapMatrix {
  columns: HeatmapColumn[];
  rows: { code: string; name: string; rank: number | null }[];
  /** cells[row][column]: share 0–1 of the maximum obtained (a main index's value), null where none. */
  shares: (number | null)[][];
  /** Points obtained (drill-in only), as the cell prints them. */
  points: (number | null)[][] | null;
}

type Name = (node: { code: string; name: string; nameEn: string | null }) => string;

/** Units × main indices (published values), or with `mainIndex` units × that main index's indicators. */
export function heatmapMatrix(overview: IndicatorOverview, mainIndex: string | null, name: Name): HeatmapMatrix {
  const rows = overview.units.map((unit) => ({ code: unit.code, name: unit.name, rank: unit.rank }));
  const main = mainIndex ? overview.mainIndices.find((candidate) => candidate.code === mainIndex) : undefined;
  if (!main) {
    return {
      columns: overview.mainIndices.map((candidate) => ({ code: candidate.code, name: name(candidate), max: null })),
      rows,
      shares: overview.units.map((unit) => unit.mainIndexValues),
      points: null,
    };
  }
  const position = new Map(overview.indicatorOrder.map((code, index) => [code, index]));
  const byCode = new Map(overview.indicators.map((item) => [item.code, item]));
  const columns = main.indicators.map((code) => {
    const item = byCode.get(code);
    return { code, name: item ? name(item) : code, max: item?.max ?? null };
  });
  const points = overview.units.map((unit) =>
    main.indicators.map((code) => unit.indicatorPoints[position.get(code) ?? -1] ?? null),
  );
  const shares = points.map((row) =>
    row.map((value, c) => {
      const max = columns[c]?.max;
      return value === null || !max ? null : value / max;
    }),
  );
  return { columns, rows, shares, points };
}

export interface HeatmapTexts {
  /** A share or value as the cell and tooltip print it (0,8482). */
  formatValue: (value: number) => string;
  formatPoints: (value: number) => string;
  /** Tooltip line of a drill-in cell: "7,5/10 điểm". */
  pointsOf: (points: string, max: string) => string;
  noValue: string;
  legendLow: string;
  legendHigh: string;
}

/** Rows of the heatmap in pixels (a row per unit) plus the room for the axis and the legend. */
export function heatmapHeight(rowCount: number, compact: boolean): number {
  return 96 + Math.max(rowCount, 1) * (compact ? 30 : 32);
}

/**
 * The heatmap: units down (by rank), columns across, each cell coloured by the share obtained on
 * the colour-blind-safe scale and printing its number, white or black by contrast; the legend is
 * the scale from 0 to 1. Columns are labelled by code (the table beside names them).
 */
export function heatmapOption(matrix: HeatmapMatrix, texts: HeatmapTexts, compact: boolean): ChartOption {
  const named = !compact && matrix.points === null && matrix.columns.length <= 8;
  const data = matrix.rows.flatMap((_, r) =>
    matrix.columns.map((column, c) => {
      const share = matrix.shares[r]?.[c] ?? null;
      const points = matrix.points?.[r]?.[c] ?? null;
      const background = share === null ? EMPTY : scaleColour(share);
      const label =
        share === null ? '–' : matrix.points ? (points === null ? '–' : texts.formatPoints(points)) : texts.formatValue(share);
      return {
        name: column.code,
        // −1 is outside the legend's 0–1: drawn in the out-of-range grey, with its dash.
        value: [c, r, share ?? -1],
        label: { formatter: label, color: labelColour(background) },
      };
    }),
  );
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    grid: { left: 8, right: 8, top: 28, bottom: 64, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const [c, r] = ((item?.value ?? []) as (number | string)[]).map(Number) as [number, number];
        const row = matrix.rows[r];
        const column = matrix.columns[c];
        const share = matrix.shares[r]?.[c] ?? null;
        const points = matrix.points?.[r]?.[c] ?? null;
        const figure =
          share === null
            ? texts.noValue
            : matrix.points && column?.max !== null && points !== null
              ? `${texts.pointsOf(texts.formatPoints(points), texts.formatPoints(column?.max ?? 0))} (${texts.formatValue(share)})`
              : texts.formatValue(share);
        // Names are the framework's and the province's: escaped, the tooltip is HTML.
        return `${escapeHtml(row?.name ?? '')}<br/>${escapeHtml(`${column?.code ?? ''}. ${column?.name ?? ''}`)}: <b>${escapeHtml(figure)}</b>`;
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: matrix.columns.map((column) => column.code),
      splitArea: { show: false },
      axisTick: { show: false },
      axisLabel: {
        color: TEXT,
        fontWeight: 'bold',
        interval: 0,
        // A few main indices on a wide screen are named in full ("1. Nhận thức số", wrapped, never
        // cut); indicators and a phone show codes, which the table beside names.
        ...(named
          ? {
              formatter: (code: string) => `${code}. ${matrix.columns.find((column) => column.code === code)?.name ?? ''}`,
              width: 120,
              overflow: 'break' as const,
              lineHeight: 14,
            }
          : {}),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { color: TEXT, width: compact ? 110 : 190, overflow: 'break', lineHeight: 13 },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemWidth: 14,
      itemHeight: compact ? 160 : 240,
      calculable: false,
      text: [texts.legendHigh, texts.legendLow],
      textStyle: { color: TEXT },
      inRange: { color: [...SCALE] },
      outOfRange: { color: EMPTY },
      // The legend explains the colours; it does not hide cells.
      hoverLink: false,
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: compact ? 11 : 12 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: TEXT, borderWidth: 2 } },
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );
}

export interface OverviewHeaders {
  code: string;
  indicator: string;
  mainIndex: string;
  max: string;
  full: string;
  partial: string;
  zero: string;
  notAssessed: string;
  lost: string;
  meanShare: string;
}

/** The indicator list as downloaded: the order shown (most points lost first), counts and points as on screen. */
export function overviewTable(
  overview: IndicatorOverview,
  headers: OverviewHeaders,
  name: Name,
  mainIndex: string | null = null,
): ExportTable {
  const mainNames = new Map(overview.mainIndices.map((main) => [main.code, `${main.code}. ${name(main)}`]));
  return {
    columns: [
      { header: headers.code, kind: 'text' },
      { header: headers.indicator, kind: 'text' },
      { header: headers.mainIndex, kind: 'text' },
      { header: headers.max, kind: 'maxPoints' },
      { header: headers.full, kind: 'rank' },
      { header: headers.partial, kind: 'rank' },
      { header: headers.zero, kind: 'rank' },
      { header: headers.notAssessed, kind: 'rank' },
      { header: headers.lost, kind: 'points' },
      { header: headers.meanShare, kind: 'value' },
    ],
    rows: overview.indicators
      .filter((item) => mainIndex === null || item.mainIndex === mainIndex)
      .map((item): Cell[] => [
        item.code,
        name(item),
        mainNames.get(item.mainIndex) ?? item.mainIndex,
        item.max,
        item.full,
        item.partial,
        item.zero,
        item.notAssessed,
        item.lost,
        item.meanShare,
      ]),
  };
}

export { toCsv };
