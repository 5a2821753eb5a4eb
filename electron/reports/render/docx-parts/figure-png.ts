import { Resvg } from '@resvg/resvg-js';
import type { EChartsCoreOption } from 'echarts/core';
import { renderChartSvg } from '../../../charts/render-svg';
import { FONT_FAMILY, fontFiles, fontPath, type FontFace } from '../../fonts';

/**
 * Word cannot be relied on to draw SVG (older versions and LibreOffice need a raster fallback), so
 * a DOCX gets each chart as a PNG rasterised from the very SVG the PDF embeds. Only the shipped
 * Roboto files are loaded, never system fonts: the pixels must not depend on the machine.
 */

/** Rendered at twice the displayed size so the chart stays sharp when printed or zoomed. */
export const FIGURE_SCALE = 2;

export interface FigurePng {
  png: Buffer;
  /** Pixel size of the PNG (already scaled). */
  width: number;
  height: number;
}

export function renderFigurePng(option: Record<string, unknown>, width: number, height: number): FigurePng {
  const svg = pinFontFamily(renderChartSvg(option as EChartsCoreOption, width, height));
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: FIGURE_SCALE },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: (Object.keys(fontFiles) as FontFace[]).map(fontPath),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
      serifFamily: FONT_FAMILY,
      monospaceFamily: FONT_FAMILY,
    },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/**
 * The dashboard's font stack ('system-ui, …, "Segoe UI", Roboto, sans-serif') is written by
 * ECharts inside a double-quoted style attribute, so its quotes end the attribute and no strict
 * SVG parser (resvg) accepts the file. A report draws its charts in the embedded Roboto anyway,
 * so every font-family declaration is replaced by it (values never contain ';').
 */
export function pinFontFamily(svg: string): string {
  return svg.replace(/font-family:[^;]*;/g, `font-family:${FONT_FAMILY};`);
}
