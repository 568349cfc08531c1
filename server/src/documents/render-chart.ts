import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type * as EchartsModule from 'echarts';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

// Loaded on the first chart: ECharts and resvg are most of the documents' memory (≈ 75 MB), and a
// score sheet or a ZIP of them draws no chart.
const require = createRequire(import.meta.url);
let libraries: { echarts: typeof EchartsModule; Resvg: typeof ResvgModule.Resvg } | undefined;
function chartLibraries() {
  libraries ??= {
    echarts: require('echarts') as typeof EchartsModule,
    Resvg: (require('@resvg/resvg-js') as typeof ResvgModule).Resvg,
  };
  return libraries;
}

export const CHART_WIDTH_PX = 1000;
/** One bar per unit, 30 px each: at 16 cm wide a 20 px label prints at 9 pt. */
export const chartHeightPx = (bars: number) => Math.max(240, 70 + bars * 30);

export interface BarItem {
  label: string;
  value: number | null;
}

/**
 * A ranking as horizontal bars, best on top, with the value printed at each bar (the same numbers as
 * the table beside it). Drawn by ECharts' server-side SVG renderer (the web's chart library), made a
 * PNG by resvg with the shipped font only, so the picture is the same on every machine.
 */
export function renderRankingChart(
  items: BarItem[],
  valueLabel: (value: number) => string,
  widthPx = CHART_WIDTH_PX,
): Uint8Array {
  const height = chartHeightPx(items.length);
  const { echarts, Resvg } = chartLibraries();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: widthPx, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 20, color: '#000' },
      grid: { left: 8, right: 80, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (value: number) => valueLabel(value) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((item) => item.label),
        axisLabel: { interval: 0, width: 320, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: items.map((item) => item.value ?? 0),
          barMaxWidth: 22,
          itemStyle: { color: '#1f5fa8' },
          label: { show: true, position: 'right', formatter: (point: { value: number }) => valueLabel(point.value) },
        },
      ],
    });
    const svg = chart.renderToSVGString();
    return new Resvg(svg, {
      font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      background: '#ffffff',
    })
      .render()
      .asPng();
  } finally {
    chart.dispose();
  }
}
