import type { EChartsCoreOption } from 'echarts/core';
import type { Content } from 'pdfmake/interfaces';
import type { FigureBlock } from '../../../../shared/reports/model';
import { renderChartSvg } from '../../../charts/render-svg';
import { FONT_FAMILY } from '../../fonts';

/**
 * A figure becomes vector graphics: the chart's ECharts option is rendered to SVG (the very
 * option the dashboard draws) and embedded as a pdfmake `svg` node.
 *
 * The dashboard's options name a browser font stack (`system-ui, "Segoe UI", Roboto, …`). ECharts
 * writes that list into a double-quoted style attribute without escaping the inner quotes, which
 * is not well-formed XML, and a PDF must use the embedded font anyway: the chart's text is set in
 * Roboto before rendering, and any font list that slipped through nested styles is rewritten.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The option as printed: text in the embedded font, and series labels never truncated. ECharts
 * cuts an outer pie label to the room left before the canvas edge, and a figure in a narrow
 * report column printed "40" as "4"; a number in an audit report must be whole or absent.
 */
export function forPrint(option: Record<string, unknown>): EChartsCoreOption {
  const textStyle = isRecord(option.textStyle) ? option.textStyle : {};
  const series = Array.isArray(option.series)
    ? option.series.map((s: unknown) => (isRecord(s) && isRecord(s.label) ? { ...s, label: { ...s.label, overflow: 'none' } } : s))
    : option.series;
  return { ...option, textStyle: { ...textStyle, fontFamily: FONT_FAMILY }, ...(series === undefined ? {} : { series }) };
}

/**
 * Every `font-family:` declaration names the embedded font only. A quoted name counts as part of
 * the list only when a comma or semicolon follows it, so the attribute's own closing quote is kept.
 */
export function pinChartFont(svg: string): string {
  return svg.replace(/font-family:(?:[^;"]|"[^"]*"(?=\s*[,;]))*/g, `font-family:${FONT_FAMILY}`).replace(/font-family="[^"]*"/g, `font-family="${FONT_FAMILY}"`);
}

/**
 * ECharts gives text a white halo (a stroke painted under the fill with `paint-order`). The SVG
 * reader inside pdfmake ignores paint-order and paints the stroke over the glyphs, which wipes
 * out small labels, so the halo is dropped from text.
 */
export function dropTextHalo(svg: string): string {
  return svg.replace(/<text\b[^>]*paint-order="stroke"[^>]*>/g, (tag) =>
    tag.replace(/\s(?:stroke|stroke-width|stroke-miterlimit|paint-order)="[^"]*"/g, ''),
  );
}

/**
 * Charts are laid out on a canvas a quarter larger than the figure and scaled down into it: the
 * dashboard's 12 px chart text then reads at about 9.5 pt, the size of the report's body text.
 */
export const CHART_SCALE = 1.25;

export function chartSvg(figure: FigureBlock): string {
  const svg = renderChartSvg(forPrint(figure.option), Math.round(figure.width * CHART_SCALE), Math.round(figure.height * CHART_SCALE));
  return dropTextHalo(pinChartFont(svg));
}

/** The chart scaled down to the text width if wider, centred, with its caption and data in words under it. */
export function figureContent(figure: FigureBlock, maxWidth: number): Content {
  const scale = Math.min(1, maxWidth / figure.width);
  return {
    unbreakable: true,
    margin: [0, 6, 0, 6],
    stack: [
      { svg: chartSvg(figure), width: figure.width * scale, height: figure.height * scale, alignment: 'center' },
      { text: figure.caption, style: 'figureCaption' },
      { text: figure.alt, style: 'alt' },
    ],
  };
}
