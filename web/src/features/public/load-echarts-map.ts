/**
 * ECharts with what the choropleth draws: the map series, its colour scale and tooltip, on the SVG
 * renderer. Imported dynamically by choropleth-map.tsx when the map nears the screen; it shares
 * ECharts' core with shared/load-echarts.ts, so a page with both charts fetches the core once.
 */
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { init, registerMap, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([MapChart, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export { init, registerMap };
