import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../electron/charts/render-svg';
import { heatmapCells, ratingColours, riskHeatmapOption } from '../../shared/charts/risk-heatmap';
import { type Risk, heatMaps, ratingBands } from '../../shared/domain/risk';


const risk = (likelihood: Risk['likelihood'], impact: Risk['impact'], residual: [Risk['likelihood'], Risk['impact']] | null): Risk => ({
  id: `R-${likelihood}${impact}`,
  systemId: 'SYS-001',
  threatId: null,
  title: 'A risk',
  description: null,
  likelihood,
  impact,
  treatment: 'mitigate',
  controls: [],
  residualLikelihood: residual?.[0] ?? null,
  residualImpact: residual?.[1] ?? null,
  owner: null,
  status: 'open',
  reviewDate: null,
});

const maps = heatMaps([risk(4, 5, [2, 3]), risk(4, 5, [2, 3]), risk(1, 2, null)]);

describe('the risk heat map chart', () => {
  it('places each count in its likelihood × impact cell, with the cell score for its colour', () => {
    const option = riskHeatmapOption(maps);
    const [inherent, residual] = option.series as { data: number[][] }[];
    // [impact index, likelihood index, count, score]
    expect(inherent!.data).toHaveLength(25);
    expect(inherent!.data.filter((d) => d[2]! > 0)).toEqual([
      [1, 0, 1, 2],
      [4, 3, 2, 20],
    ]);
    expect(residual!.data.filter((d) => d[2]! > 0)).toEqual([[2, 1, 2, 6]]);
    expect(option.title).toEqual([expect.objectContaining({ text: 'Inherent risk (3)' }), expect.objectContaining({ text: 'Residual risk (2)', subtext: '1 not assessed' })]);
    expect(heatmapCells(maps.inherent).reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('colours cells by the rating bands, which cover every score from 1 to 25 once', () => {
    const pieces = (riskHeatmapOption(maps).visualMap as { pieces: { min: number; max: number; color: string }[] }).pieces;
    const covered = pieces.flatMap((p) => Array.from({ length: p.max - p.min + 1 }, (_, i) => p.min + i));
    expect(covered).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(pieces.map((p) => p.color)).toEqual(ratingBands.map((b) => ratingColours[b.rating]));
  });

  it('renders to SVG in Node, as the report will, with the counts and titles in it', () => {
    const svg = renderChartSvg(riskHeatmapOption(maps), 880, 360);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Inherent risk (3)');
    expect(svg).toContain('Residual risk (2)');
    expect(svg).toContain('1 not assessed');
    expect(svg).toContain('4 Likely');
    expect(svg).toContain(ratingColours.critical);
    expect(svg).toMatch(/>2<\/text>/);
  });
});
