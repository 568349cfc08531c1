/**
 * ECharts with what the indicator overview draws: the heatmap, its axes, colour legend and tooltip,
 * on the SVG renderer (no canvas, no inline script or style the CSP would refuse). Imported
 * dynamically when the heatmap nears the screen; it shares ECharts' core with the other charts.
 */
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export { init };
