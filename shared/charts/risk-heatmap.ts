import type { HeatmapSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, TitleComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { type HeatMap, type Rating, impactLabels, likelihoodLabels, ratingBands, riskLevels } from '../domain/risk';

/**
 * The 5×5 heat maps of inherent and residual risk as one ECharts option: the app draws it, and
 * the report renders the very same option to SVG in Node. Each cell is coloured by the rating
 * band of its score (likelihood × impact) and labelled with the number of risks in it. No tooltip:
 * the register beside the chart says the same in text, and a report has nothing to hover.
 */
export type RiskHeatmapOption = ComposeOption<
  HeatmapSeriesOption | GridComponentOption | TitleComponentOption | VisualMapComponentOption | AriaComponentOption
>;

/** Band colours light enough for dark count labels to stay readable (contrast above 4.5:1). */
export const ratingColours: Record<Rating, string> = { low: '#cfe9d2', medium: '#fbe7a3', high: '#f7c38f', critical: '#f2a3a0' };

export interface HeatmapCell {
  impact: number;
  likelihood: number;
  count: number;
  score: number;
}

/** Every cell of one map, counts from `cells[likelihood - 1][impact - 1]`. */
export function heatmapCells(cells: HeatMap): HeatmapCell[] {
  return riskLevels.flatMap((likelihood) => riskLevels.map((impact) => ({ likelihood, impact, count: cells[likelihood - 1]?.[impact - 1] ?? 0, score: likelihood * impact })));
}

/** Two equal grids, each with room on its left for the likelihood labels. */
const grids = [
  { left: '13%', right: '55%', centre: '29%' },
  { left: '63%', right: '5%', centre: '79%' },
] as const;

export function riskHeatmapOption(maps: { inherent: HeatMap; residual: HeatMap; residualNotAssessed: number }): RiskHeatmapOption {
  const total = (m: HeatMap) => m.flat().reduce((a, b) => a + b, 0);
  const shortTitles = [`Inherent risk (${total(maps.inherent)})`, `Residual risk (${total(maps.residual)})`];
  const titles = [
    `Inherent risk (${total(maps.inherent)})`,
    `Residual risk (${total(maps.residual)}${maps.residualNotAssessed ? `; ${maps.residualNotAssessed} not assessed` : ''})`,
  ];
  // Impact labels slanted: five words side by side do not fit under a grid half a page wide.
  const impactTicks = riskLevels.map((i) => `${i} ${impactLabels[i]}`);
  const likelihoods = riskLevels.map((l) => `${l} ${likelihoodLabels[l]}`);
  const series = [maps.inherent, maps.residual].map(
    (cells, i): HeatmapSeriesOption => ({
      type: 'heatmap',
      name: titles[i],
      xAxisIndex: i,
      yAxisIndex: i,
      data: heatmapCells(cells).map((c) => [c.impact - 1, c.likelihood - 1, c.count, c.score]),
      label: { show: true, color: '#1b1f24', fontSize: 14, fontWeight: 'bold', formatter: (p) => (((p.value as number[])[2] ?? 0) > 0 ? String((p.value as number[])[2]) : '') },
      itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      emphasis: { disabled: true },
    }),
  );
  return {
    aria: { enabled: true, label: { description: `${titles[0]} and ${titles[1]}: heat maps of likelihood (rows) by impact (columns), each cell giving the number of risks.` } },
    animation: false,
    // The not-assessed count goes on a second line: on one line the residual title ran off the chart.
    title: shortTitles.map((text, i) => ({
      text,
      ...(i === 1 && maps.residualNotAssessed ? { subtext: `${maps.residualNotAssessed} not assessed` } : {}),
      left: grids[i]!.centre,
      textAlign: 'center',
      top: 0,
      itemGap: 2,
      textStyle: { fontSize: 14, fontWeight: 600, color: '#1b1f24' },
      subtextStyle: { fontSize: 11, color: '#3b4450' },
    })),
    grid: grids.map((g) => ({ left: g.left, right: g.right, top: 56, bottom: 100 })),
    xAxis: grids.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: impactTicks,
      name: 'Impact',
      nameLocation: 'middle',
      nameGap: 50,
      nameTextStyle: { color: '#3b4450', fontWeight: 600 },
      axisLabel: { interval: 0, rotate: 30, fontSize: 10, color: '#3b4450' },
      axisTick: { show: false },
      splitArea: { show: false },
    })),
    yAxis: grids.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: likelihoods,
      name: 'Likelihood',
      nameLocation: 'end',
      nameGap: 8,
      nameTextStyle: { color: '#3b4450', fontWeight: 600, align: 'right' },
      axisLabel: { fontSize: 11, color: '#3b4450' },
      axisTick: { show: false },
    })),
    visualMap: {
      type: 'piecewise',
      dimension: 3,
      seriesIndex: [0, 1],
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      selectedMode: false,
      itemSymbol: 'rect',
      textStyle: { color: '#1b1f24' },
      pieces: ratingBands.map((b) => ({ min: b.min, max: b.max, label: `${b.label} ${b.min}–${b.max}`, color: ratingColours[b.rating] })),
    },
    series,
  };
}
