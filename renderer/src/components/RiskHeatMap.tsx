import { HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TitleComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { riskHeatmapOption } from '../../../shared/charts/risk-heatmap';
import type { HeatMap } from '../../../shared/domain/risk';

// Only what the heat map needs, so the bundle stays small.
echarts.use([HeatmapChart, GridComponent, TitleComponent, VisualMapPiecewiseComponent, AriaComponent, CanvasRenderer]);

/** The inherent and residual heat maps, drawn from the same option the reports render to SVG. */
export function RiskHeatMap({ maps }: { maps: { inherent: HeatMap; residual: HeatMap; residualNotAssessed: number } }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current!;
    chart.current = echarts.init(element);
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(riskHeatmapOption(maps), true);
  }, [maps]);

  return <div ref={ref} className="risk-heatmap" data-testid="risk-heatmap" />;
}
