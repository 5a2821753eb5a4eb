import type { EChartsOption } from 'echarts';
import type { ControlSummary, GroupFigures } from '../domain/human-risk/summary';
import { chartText } from './palette';

/**
 * Human-risk charts: a control's figures month by month, and the groups side by side. Pure
 * data → ECharts option, so the app and the reports draw the same thing.
 */

const seriesColours = ['#2f6db5', '#d0543f', '#2e9b63', '#e0a526', '#8c7bc4'];

/** The control's percentages and scores per month (counts, on another scale, stay in the table). */
export function controlTrendOption(control: ControlSummary): EChartsOption {
  const figures = control.figures.filter((f) => f.unit !== 'count' && f.series.length > 0);
  const periods = [...new Set(figures.flatMap((f) => f.series.map((p) => p.period)))].sort();
  const title = `${control.control} ${control.name}: figures per month`;
  return {
    animation: false,
    aria: {
      enabled: true,
      label: { description: `${title}. ${figures.map((f) => `${f.label}: ${f.series.map((p) => `${p.period} ${p.value}`).join(', ')}`).join('; ') || 'no figures yet'}.` },
    },
    textStyle: chartText,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 0, itemWidth: 14, data: figures.map((f) => f.label) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', min: 0 },
    series: figures.map((f, i) => ({
      name: f.label,
      type: 'line',
      symbolSize: 7,
      itemStyle: { color: seriesColours[i % seriesColours.length] },
      data: periods.map((p) => f.series.find((s) => s.period === p)?.value ?? null),
      connectNulls: true,
    })),
  };
}

/** Each group's phish-prone percentage and risk score (0–100), worst first. */
export function groupFiguresOption(groups: readonly GroupFigures[]): EChartsOption {
  const shown = [...groups].filter((g) => g.phishPronePct !== null || g.riskScore !== null).sort((a, b) => (b.riskScore ?? b.phishPronePct ?? 0) - (a.riskScore ?? a.phishPronePct ?? 0));
  const title = 'Phish-prone percentage and risk score per group';
  return {
    animation: false,
    aria: {
      enabled: true,
      label: { description: `${title}. ${shown.map((g) => `${g.group}: phish-prone ${g.phishPronePct ?? 'n/a'}${g.phishPronePct === null ? '' : '%'}, risk score ${g.riskScore ?? 'n/a'}`).join('; ')}.` },
    },
    textStyle: chartText,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemWidth: 14, data: ['Phish-prone %', 'Risk score'] },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: shown.map((g) => g.group), inverse: true, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      { name: 'Phish-prone %', type: 'bar', barMaxWidth: 14, itemStyle: { color: seriesColours[0] }, data: shown.map((g) => g.phishPronePct) },
      { name: 'Risk score', type: 'bar', barMaxWidth: 14, itemStyle: { color: seriesColours[1] }, data: shown.map((g) => g.riskScore) },
    ],
  };
}
