import type { EChartsOption } from 'echarts';
import { type FindingSeverity, findingSeverities } from '../imports/finding-data';
import { chartText } from './palette';

/**
 * Findings per threat by severity, as stacked horizontal bars: pure data → ECharts option, so
 * the app and the reports (rendered to SVG in Node) draw the same chart.
 */

export const severityColours: Record<FindingSeverity, string> = { critical: '#a4262c', high: '#d0543f', medium: '#e0a526', low: '#5b8fc9', info: '#9aa5b1' };
const severityLabel = (s: FindingSeverity) => s.charAt(0).toUpperCase() + s.slice(1);

export interface ThreatSeverityRow {
  /** "THR-12 Prompt injection", or what stands for findings without a threat. */
  name: string;
  counts: Record<FindingSeverity, number>;
}

export function findingsByThreatOption(rows: readonly ThreatSeverityRow[], title = 'Findings by threat and severity'): EChartsOption {
  const described = rows.map((r) => `${r.name}: ${findingSeverities.filter((s) => r.counts[s] > 0).map((s) => `${r.counts[s]} ${s}`).join(', ') || 'none'}`);
  return {
    animation: false,
    aria: { enabled: true, label: { description: `${title}. ${described.join('; ') || 'No findings'}.` } },
    textStyle: chartText,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemWidth: 14, data: findingSeverities.map(severityLabel) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 200, overflow: 'truncate' } },
    series: findingSeverities.map((s) => ({
      name: severityLabel(s),
      type: 'bar',
      stack: 'severity',
      barMaxWidth: 20,
      itemStyle: { color: severityColours[s] },
      data: rows.map((r) => r.counts[s]),
    })),
  };
}
