import type { Dictionary } from '../i18n/locale';

/** What a chart says while ECharts loads, or when it could not (shared/echarts-chart.tsx). */
export const chartMessages: Dictionary<'chartLoading' | 'chartFailed'> = {
  vi: {
    chartLoading: 'Đang tải biểu đồ…',
    chartFailed: 'Không tải được biểu đồ. Số liệu vẫn có trong bảng.',
  },
  en: {
    chartLoading: 'Loading the chart…',
    chartFailed: 'The chart could not be loaded. The table still has the figures.',
  },
};
