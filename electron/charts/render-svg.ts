import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts';

/**
 * Renders a chart option to an SVG document in Node (ECharts' server-side rendering), so the
 * reports show the very charts the app draws, from the same pure option builders.
 *
 * ECharts numbers the CSS classes it writes per process ("zr0-cls-0", then "zr1-cls-7" for the
 * next chart), so two renders of one chart differ. Reports must be byte-identical for the same
 * assessment and clock: the classes are renumbered in order of first appearance.
 */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return renumberClasses(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

function renumberClasses(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/zr\d+-cls-\d+/g, (name) => {
    let renamed = seen.get(name);
    if (!renamed) seen.set(name, (renamed = `c${seen.size}`));
    return renamed;
  });
}
