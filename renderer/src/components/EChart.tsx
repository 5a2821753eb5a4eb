import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, HeatmapChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts use: keeps the bundle small. Canvas in the app (the CSP forbids inline
// style attributes, which the SVG renderer writes); reports render the same options to SVG in Node.
echarts.use([BarChart, PieChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, TitleComponent, AriaComponent, CanvasRenderer]);

/** One ECharts chart; the option comes from a pure builder in shared/charts. */
export function EChart({ option, height, label, testId, className = 'echart' }: { option: EChartsCoreOption; height?: number; label: string; testId?: string; className?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = host.current!;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className={className} role="img" aria-label={label} data-testid={testId} style={height === undefined ? undefined : { height }} />;
}
