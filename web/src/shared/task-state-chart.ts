import type { DisplayedTaskState } from '@opendti/core/labels';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/**
 * Stacked bars of tasks by state (the plan dashboard's per main index and lead unit, the public
 * summary's for the whole plan), built from plain counts with type imports only, so no ECharts code
 * reaches the page before a chart appears.
 */
export type TaskStateChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** The order the states stack in: finished work first, what needs attention after it. */
export const STACK_ORDER: readonly DisplayedTaskState[] = ['done', 'inProgress', 'notStarted', 'overdue', 'cancelled'];

/**
 * Mantine's green.9, blue.8, gray.7, red.8 and gray.5: told apart without colour by the legend's
 * order and the table beside the chart; the first four at least 3:1 against white.
 */
export const STATE_COLOURS: Readonly<Record<DisplayedTaskState, string>> = {
  done: '#2b8a3e',
  inProgress: '#1971c2',
  notStarted: '#495057',
  overdue: '#c92a2a',
  cancelled: '#adb5bd',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';
const TEXT = '#343a40';

export type StateCounts = Record<DisplayedTaskState, number>;

export interface StackedRow extends StateCounts {
  /** The category's label on the axis, e.g. "1. Nhận thức số" or "Sở Nội vụ". */
  label: string;
}

/** Bar height plus gap, in pixels, and the room for the legend and the axis. */
export function stackedBarsHeight(count: number, compact: boolean): number {
  return (compact ? 96 : 72) + Math.max(count, 1) * 34;
}

/** One horizontal stacked bar per row, one series per state, named in the reader's language. */
export function stackedStateBars(
  rows: readonly StackedRow[],
  stateName: (state: DisplayedTaskState) => string,
  format: (value: number) => string,
  compact: boolean,
): TaskStateChartOption {
  return {
    textStyle: { fontFamily: FONT, color: TEXT },
    animation: false,
    legend: { top: 0, left: 0, itemGap: compact ? 8 : 16, textStyle: { color: TEXT } },
    grid: { left: 4, right: 24, top: compact ? 56 : 32, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? format(value) : String(value ?? '')),
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format(value) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisTick: { show: false },
      axisLabel: { width: compact ? 110 : 220, overflow: 'break', lineHeight: 14, color: TEXT },
    },
    series: STACK_ORDER.map(
      (state): BarSeriesOption => ({
        type: 'bar',
        name: stateName(state),
        stack: 'tasks',
        data: rows.map((row) => row[state]),
        itemStyle: { color: STATE_COLOURS[state] },
        barMaxWidth: 22,
        emphasis: { focus: 'series' },
      }),
    ),
  };
}

/** Tasks of a row, whatever their state. */
export function totalOf(counts: StateCounts): number {
  return STACK_ORDER.reduce((sum, state) => sum + counts[state], 0);
}
