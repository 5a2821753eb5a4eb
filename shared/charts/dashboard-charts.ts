import type { EChartsOption } from 'echarts';
import { type ControlState, controlStateLabels, controlStates } from '../domain/control-state';
import { type CoverageStatus, coverageStatusLabels } from '../domain/coverage';
import { chartText, coverageColours, stateColours } from './palette';

/**
 * Chart definitions for "where do we stand?". Pure data → ECharts option: the app draws them
 * interactively and the reports render the very same options to SVG in Node.
 */

export interface FrameworkCoverageRow {
  name: string;
  satisfied: number;
  partly: number;
  not_satisfied: number;
  not_applicable: number;
  governance_only: number;
}

const shownStatuses: CoverageStatus[] = ['satisfied', 'partly', 'not_satisfied', 'not_applicable', 'governance_only'];

/** Requirements per framework by coverage status, as stacked horizontal bars. */
export function coverageByFrameworkOption(rows: readonly FrameworkCoverageRow[], title = 'Requirement coverage by framework'): EChartsOption {
  const names = rows.map((r) => r.name);
  return {
    animation: false,
    aria: { enabled: true, label: { description: `${title}. ${rows.map((r) => `${r.name}: ${r.satisfied} satisfied, ${r.partly} partly, ${r.not_satisfied} not satisfied`).join('; ')}.` } },
    textStyle: chartText,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemWidth: 14, data: shownStatuses.map((s) => coverageStatusLabels[s]) },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 190, overflow: 'truncate' } },
    series: shownStatuses.map((status) => ({
      name: coverageStatusLabels[status],
      type: 'bar',
      stack: 'coverage',
      barMaxWidth: 22,
      itemStyle: { color: coverageColours[status] },
      data: rows.map((r) => r[status]),
    })),
  };
}

/** Controls by implementation state, as a ring with the count in each slice. */
export function controlsByStateOption(counts: Record<ControlState, number>, title = 'Controls by state'): EChartsOption {
  const total = controlStates.reduce((n, s) => n + counts[s], 0);
  return {
    animation: false,
    aria: { enabled: true, label: { description: `${title}: ${controlStates.map((s) => `${controlStateLabels[s]} ${counts[s]}`).join(', ')}; ${total} in all.` } },
    textStyle: chartText,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { top: 0, left: 0, itemWidth: 14 },
    series: [
      {
        name: title,
        type: 'pie',
        radius: ['42%', '64%'],
        center: ['50%', '58%'],
        label: { formatter: '{c}' },
        // Empty states stay in the legend but draw no slice and no label.
        data: controlStates.map((s) => ({ name: controlStateLabels[s], value: counts[s], itemStyle: { color: stateColours[s] }, label: { show: counts[s] > 0 }, labelLine: { show: counts[s] > 0 } })),
      },
    ],
  };
}

export interface SystemCoverageRow {
  system: string;
  /** Per framework name: share of applicable requirements satisfied (0–100), or null when none apply. */
  satisfied: Record<string, number | null>;
}

/** Share of each framework's applicable requirements satisfied, per system: a systems × frameworks grid. */
export function coverageBySystemOption(rows: readonly SystemCoverageRow[], frameworks: readonly string[], title = 'Coverage per system'): EChartsOption {
  const cells = rows.flatMap((r, y) => frameworks.map((f, x) => [x, y, r.satisfied[f] ?? '-'] as [number, number, number | string]));
  return {
    animation: false,
    aria: {
      enabled: true,
      label: {
        description: `${title}, share of applicable requirements satisfied. ${rows.map((r) => `${r.system}: ${frameworks.map((f) => `${f} ${r.satisfied[f] ?? 'n/a'}${r.satisfied[f] === null ? '' : '%'}`).join(', ')}`).join('; ')}.`,
      },
    },
    textStyle: chartText,
    tooltip: { position: 'top', formatter: '{c}' },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: [...frameworks], splitArea: { show: true }, axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'category', data: rows.map((r) => r.system), inverse: true, splitArea: { show: true }, axisLabel: { width: 150, overflow: 'truncate' } },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, text: ['100% satisfied', '0%'], inRange: { color: ['#f6d5cf', '#f3e3b5', '#bfe3cb', '#2e9b63'] } },
    series: [{ name: title, type: 'heatmap', data: cells, label: { show: true, formatter: (p) => (typeof (p.value as unknown[])[2] === 'number' ? `${(p.value as number[])[2]}%` : '–') } }],
  };
}

/** Share satisfied of what applies (not-applicable and governance-only left out), rounded; null when nothing applies. */
export function satisfiedShare(c: Pick<FrameworkCoverageRow, 'satisfied' | 'partly' | 'not_satisfied'>): number | null {
  const applicable = c.satisfied + c.partly + c.not_satisfied;
  return applicable === 0 ? null : Math.round((c.satisfied / applicable) * 100);
}
