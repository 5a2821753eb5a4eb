import { useEffect, useRef } from 'react';
import type { ECharts, EChartsCoreOption } from 'echarts/core';

/**
 * One ECharts chart; the option comes from a pure builder in shared/charts. ECharts itself is
 * loaded with the first chart shown, in its own chunk, so the app starts without it.
 */
export function EChart({ option, height, label, testId, className = 'echart' }: { option: EChartsCoreOption; height?: number; label: string; testId?: string; className?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !host.current) return;
      const instance = echarts.init(host.current, null, { renderer: 'canvas' });
      chart.current = instance;
      instance.setOption(latest.current, { notMerge: true });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(host.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className={className} role="img" aria-label={label} data-testid={testId} style={height === undefined ? undefined : { height }} />;
}
