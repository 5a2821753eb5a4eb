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
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number, fontFamily = 'Roboto'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...(withFont(option, fontFamily) as EChartsCoreOption), textStyle: { fontFamily }, animation: false });
    return renumberClasses(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * The app's charts name a list of system fonts with quoted names ("Segoe UI"), which ECharts writes
 * inside a double-quoted style attribute: invalid XML that SVG readers refuse. Outside the browser
 * the one font the reports embed is named instead, everywhere the option names one.
 */
function withFont(value: unknown, family: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withFont(v, family));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fontFamily' ? family : withFont(v, family)]));
}

function renumberClasses(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/zr\d+-cls-\d+/g, (name) => {
    let renamed = seen.get(name);
    if (!renamed) seen.set(name, (renamed = `c${seen.size}`));
    return renamed;
  });
}
