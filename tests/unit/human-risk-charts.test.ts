import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../electron/charts/render-svg';
import { controlTrendOption, groupFiguresOption } from '../../shared/charts/human-risk-charts';
import { summarise } from '../../shared/domain/human-risk/summary';
import { sampleHumanRiskFigures } from '../../electron/sample/human-risk-sample';

const summary = summarise(sampleHumanRiskFigures('2026-11-28', (v) => `p-${v.length.toString(16).padStart(16, '0')}`), { 'HUM-04': 'AI-generated phishing simulations' });

describe('human-risk charts', () => {
  it("draw a control's figures per month, leaving counts out, and describe them in words", () => {
    const option = controlTrendOption(summary.controls[1]!);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-09', '2026-10', '2026-11']);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([['Phish-prone %', [16.9, 15.1, 13.5]]]);
    expect((option.aria as { label: { description: string } }).label.description).toContain('HUM-04 AI-generated phishing simulations: figures per month. Phish-prone %: 2026-09 16.9');
    expect(renderChartSvg(option, 600, 260)).toContain('<svg');
  });

  it('put the groups side by side, worst risk score first', () => {
    const option = groupFiguresOption(summary.groups);
    const groups = (option.yAxis as { data: string[] }).data;
    expect(groups[0]).toBe('Finance operations');
    expect(groups.at(-1)).toBe('Security');
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series[0]!.data[0]).toBe(35);
    expect(series[1]!.data[0]).toBe(84);
    expect(renderChartSvg(option, 600, 300)).toContain('Finance operations');
  });
});
