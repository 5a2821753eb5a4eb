import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { renderChartSvg } from '../../electron/charts/render-svg';
import { fontPath } from '../../electron/reports/fonts';
import { controlsByStateOption, coverageByFrameworkOption, coverageBySystemOption, satisfiedShare } from '../../shared/charts/dashboard-charts';
import { coverageColours, stateColours } from '../../shared/charts/palette';

const rows = [
  { name: 'EU AI Act', satisfied: 12, partly: 5, not_satisfied: 30, not_applicable: 2, governance_only: 4 },
  { name: 'NIST AI RMF 1.0', satisfied: 40, partly: 10, not_satisfied: 22, not_applicable: 0, governance_only: 0 },
];

describe('dashboard chart definitions', () => {
  it('stack each framework by coverage status, in the palette the app uses', () => {
    const option = coverageByFrameworkOption(rows);
    const series = option.series as { name: string; data: number[]; itemStyle: { color: string } }[];
    expect(series.map((s) => s.name)).toEqual(['Satisfied', 'Partly satisfied', 'Not satisfied', 'Not applicable', 'Governance only']);
    expect(series[0]!.data).toEqual([12, 40]);
    expect(series[2]!.data).toEqual([30, 22]);
    expect(series[0]!.itemStyle.color).toBe(coverageColours.satisfied);
    expect((option.aria as { label: { description: string } }).label.description).toContain('EU AI Act: 12 satisfied, 5 partly, 30 not satisfied');
  });

  it('draw no slice and no label for a state no control is in', () => {
    const option = controlsByStateOption({ not_started: 70, in_progress: 0, implemented: 10, not_applicable: 2 });
    const data = (option.series as { data: { name: string; value: number; label: { show: boolean }; itemStyle: { color: string } }[] }[])[0]!.data;
    expect(data.map((d) => [d.name, d.value, d.label.show])).toEqual([
      ['Not started', 70, true],
      ['In progress', 0, false],
      ['Implemented', 10, true],
      ['Not applicable', 2, true],
    ]);
    expect(data[2]!.itemStyle.color).toBe(stateColours.implemented);
  });

  it('grid systems by framework with the share satisfied of what applies', () => {
    expect(satisfiedShare({ satisfied: 3, partly: 1, not_satisfied: 0 })).toBe(75);
    expect(satisfiedShare({ satisfied: 0, partly: 0, not_satisfied: 0 })).toBeNull();
    const option = coverageBySystemOption([{ system: 'Credit scoring', satisfied: { 'EU AI Act': 40, 'NIST AI RMF 1.0': null } }], ['EU AI Act', 'NIST AI RMF 1.0']);
    expect((option.series as { data: unknown[] }[])[0]!.data).toEqual([
      [0, 0, 40],
      [1, 0, '-'],
    ]);
  });

  it('render in Node to SVG, as the reports will, with the same figures', () => {
    const svg = renderChartSvg(coverageByFrameworkOption(rows), 640, 260);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('EU AI Act');
    expect(svg).toContain('NIST AI RMF 1.0');
    expect(svg.toLowerCase()).toContain(coverageColours.satisfied);
    const ring = renderChartSvg(controlsByStateOption({ not_started: 70, in_progress: 0, implemented: 10, not_applicable: 2 }), 320, 260);
    expect(ring).toContain('>70<');
  });

  it('render the same chart to the same bytes every time (reports are reproducible)', () => {
    const first = renderChartSvg(coverageByFrameworkOption(rows), 640, 260);
    renderChartSvg(controlsByStateOption({ not_started: 1, in_progress: 2, implemented: 3, not_applicable: 4 }), 320, 260);
    expect(renderChartSvg(coverageByFrameworkOption(rows), 640, 260)).toBe(first);
    expect(first).not.toMatch(/zr\d+-cls/);
  });

  it('render to SVG that XML readers accept, naming the embedded font instead of the app\'s quoted font list', () => {
    const svg = renderChartSvg(coverageByFrameworkOption(rows), 640, 260);
    expect(svg).not.toContain('"Segoe UI"');
    expect(svg).toContain('Roboto');
    // An SVG reader accepts it (the DOCX renderer turns it into a picture with this one).
    const png = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [fontPath('regular')], defaultFontFamily: 'Roboto' } }).render();
    expect(png.width).toBe(640);
  });
});
