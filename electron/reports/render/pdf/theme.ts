import type { PageSize, StyleDictionary } from 'pdfmake/interfaces';
import type { PaperSize } from '../../../../shared/reports/model';
import { FONT_FAMILY } from '../../fonts';

/** Page geometry, colours and text styles of the PDF reports, in one place. */

export const paper: Record<PaperSize, { size: PageSize; width: number; height: number }> = {
  A4: { size: 'A4', width: 595.28, height: 841.89 },
  Letter: { size: 'LETTER', width: 612, height: 792 },
};

/** [left, top, right, bottom]: room above for the running header, below for the label and page number. */
export const margins: [number, number, number, number] = [56, 72, 56, 64];

export function contentWidth(size: PaperSize): number {
  return paper[size].width - margins[0] - margins[2];
}

export const colours = {
  ink: '#1d2733',
  muted: '#5b6676',
  rule: '#c9d0da',
  accent: '#1f4e79',
  headerFill: '#1f4e79',
  headerInk: '#ffffff',
  zebra: '#f3f5f8',
  factsFill: '#eef2f7',
  warningFill: '#fff4d6',
  warningRule: '#d08a00',
  warningInk: '#6b4500',
};

/**
 * FIRST TLP 2.0 shows each label in its colour on black. A label of the organisation's own gets
 * white on dark grey, so it is still as visible.
 */
const tlpColours: Record<string, string> = {
  'TLP:RED': '#ff2b2b',
  'TLP:AMBER': '#ffc000',
  'TLP:AMBER+STRICT': '#ffc000',
  'TLP:GREEN': '#33ff00',
  'TLP:CLEAR': '#ffffff',
};

export function labelColours(label: string): { color: string; background: string } {
  const tlp = tlpColours[label.trim().toUpperCase()];
  return tlp ? { color: tlp, background: '#000000' } : { color: '#ffffff', background: '#3a4350' };
}

/** Table text sizes, shared by the styles below and the column-width estimate. */
export const tableText = { body: 8.5, head: 7.5, wide: 6.5 } as const;

export const defaultStyle = { font: FONT_FAMILY, fontSize: 9.5, lineHeight: 1.25, color: colours.ink };

export const styles: StyleDictionary = {
  title: { fontSize: 26, bold: true, color: colours.accent, lineHeight: 1.1 },
  subtitle: { fontSize: 14, color: colours.muted },
  assessment: { fontSize: 13, bold: true },
  h1: { fontSize: 15, bold: true, color: colours.accent, margin: [0, 14, 0, 6] },
  h2: { fontSize: 12, bold: true, color: colours.accent, margin: [0, 10, 0, 4] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
  tocTitle: { fontSize: 15, bold: true, color: colours.accent, margin: [0, 0, 0, 10] },
  toc1: { fontSize: 10.5, bold: true },
  toc2: { fontSize: 9.5 },
  body: { margin: [0, 0, 0, 6] },
  muted: { color: colours.muted, fontSize: 8.5, margin: [0, 0, 0, 6] },
  caption: { fontSize: 8.5, bold: true, color: colours.muted, margin: [0, 4, 0, 3] },
  figureCaption: { fontSize: 9, italics: true, color: colours.muted, alignment: 'center', margin: [0, 4, 0, 0] },
  alt: { fontSize: 7, color: colours.muted, alignment: 'center', margin: [0, 1, 0, 8] },
  th: { bold: true, color: colours.headerInk, fontSize: tableText.head },
  td: { fontSize: tableText.body },
  factLabel: { bold: true, fontSize: 9 },
  runningHeader: { fontSize: 8, color: colours.muted },
  footer: { fontSize: 8, color: colours.muted },
};
