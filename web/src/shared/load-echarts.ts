/**
 * ECharts with only what the portal draws: bars (ranking), radar (a unit against its cohort) and
 * lines (history), on the SVG renderer. Imported dynamically by echarts-chart.tsx, so none of it is
 * in the JavaScript of the first view.
 */
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, SVGRenderer]);

export { init };
