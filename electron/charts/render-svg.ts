import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts';

/**
 * Renders a chart option to an SVG document in Node (ECharts' server-side rendering), so the
 * reports show the very charts the app draws, from the same pure option builders.
 */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
