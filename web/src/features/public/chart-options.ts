import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, MapSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * ECharts options of the portal's charts (the choropleth's is in choropleth.ts), built from plain figures (type imports only: no
 * ECharts code reaches the first view). Numbers are printed by the caller's formatter, so charts
 * speak Vietnamese like the tables (0,8482).
 */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
// Mantine indigo.7 and orange.8: distinguishable, and at least 3:1 against white for graphics.
const PRIMARY = '#4263eb';
const SECONDARY = '#e8590c';
export const TEXT = '#343a40';

type Format = (value: number) => string;

/** Bar height plus gap, in pixels, and the room for the axis. */
export function rankingBarsHeight(count: number): number {
  return 48 + Math.max(count, 1) * 28;
}

/** `format` prints a value (0,8482); `formatAxis` the axis ticks (0,2). `compact` is a phone's width. */
export function rankingBarsOption(
  bars: readonly { name: string; value: number }[],
  format: Format,
  formatAxis: Format,
  compact: boolean,
): ChartOption {
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    grid: { left: 4, right: 52, top: 8, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? format(value) : String(value ?? '')),
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 1,
      splitNumber: compact ? 2 : 5,
      axisLabel: { formatter: (value: number) => formatAxis(value) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.name),
      axisTick: { show: false },
      // Names wrap onto a second line rather than end in "…": "Thành phố Điện Biên Phủ" cut to
      // "Thành phố Điện…" on a phone could be any of the cohort's towns.
      axisLabel: { width: compact ? 110 : 200, overflow: 'break', lineHeight: 14, color: TEXT },
    },
    series: [
      {
        type: 'bar',
        data: bars.map((bar) => bar.value),
        itemStyle: { color: PRIMARY },
        barMaxWidth: 20,
        label: {
          show: true,
          position: 'right',
          formatter: ({ value }) => format(Number(value)),
          color: TEXT,
          fontSize: compact ? 11 : 12,
        },
      },
    ],
  };
}

/** On a phone the axes show codes only (the names would not fit); the table beside the chart names them. */
export function radarOption(
  axes: readonly { code: string; name: string }[],
  series: readonly { name: string; values: (number | null)[] }[],
  format: Format,
  compact: boolean,
): ChartOption {
  const colors = [PRIMARY, SECONDARY];
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    legend: { bottom: 0, textStyle: { color: TEXT } },
    tooltip: { trigger: 'item', confine: true, valueFormatter: (value) => (typeof value === 'number' ? format(value) : '–') },
    radar: {
      radius: compact ? '70%' : '62%',
      center: ['50%', '48%'],
      indicator: axes.map((axis) => ({ name: compact ? axis.code : `${axis.code}. ${axis.name}`, min: 0, max: 1 })),
      axisName: { color: TEXT, width: 90, overflow: 'break' },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        data: series.map((entry, index) => ({
          name: entry.name,
          value: entry.values.map((value) => value ?? 0),
          lineStyle: { color: colors[index % colors.length], width: 2, type: index === 0 ? 'solid' : 'dashed' },
          itemStyle: { color: colors[index % colors.length] },
          areaStyle: index === 0 ? { color: PRIMARY, opacity: 0.15 } : undefined,
          symbol: index === 0 ? 'circle' : 'rect',
        })),
      },
    ],
  };
}

export function historyOption(
  points: readonly { label: string; value: number | null; rank: number | null }[],
  names: { value: string; rank: string },
  cohortSize: number,
  format: Format,
  formatAxis: Format,
): ChartOption {
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    legend: { top: 0, textStyle: { color: TEXT } },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 8, top: 48, bottom: 28 },
    xAxis: { type: 'category', data: points.map((point) => point.label), boundaryGap: true },
    yAxis: [
      { type: 'value', name: names.value, min: 0, max: 1, axisLabel: { formatter: (value: number) => formatAxis(value) } },
      {
        type: 'value',
        name: names.rank,
        // Rank 1 at the top: climbing the ranking reads as going up; the name stays at the top too.
        inverse: true,
        nameLocation: 'start',
        min: 1,
        max: Math.max(cohortSize, 2),
        minInterval: 1,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: names.value,
        yAxisIndex: 0,
        data: points.map((point) => point.value),
        itemStyle: { color: PRIMARY },
        lineStyle: { width: 2 },
        symbolSize: 8,
        label: { show: true, position: 'top', formatter: ({ value }) => format(Number(value)) },
        tooltip: { valueFormatter: (value) => (typeof value === 'number' ? format(value) : '–') },
      },
      {
        type: 'line',
        name: names.rank,
        yAxisIndex: 1,
        data: points.map((point) => point.rank),
        itemStyle: { color: SECONDARY },
        lineStyle: { width: 2, type: 'dashed' },
        symbol: 'rect',
        symbolSize: 8,
        label: { show: true, position: 'bottom', color: TEXT },
      },
    ],
  };
}
