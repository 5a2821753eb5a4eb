import { AlignmentType, BorderStyle, Footer, Header, LineRuleType, PageNumber, Paragraph, Tab, TabStopType, TextRun, type IStylesOptions } from 'docx';
import { runningHeader, type PaperSize, type ReportMeta } from '../../../../shared/reports/model';
import { FONT_FAMILY } from '../../fonts';
import { colors } from './blocks';

/** Page geometry, styles, running header and footer: everything about the page rather than the content. */

/** Page sizes in twips (1/1440 inch): A4 is 210 x 297 mm, Letter 8.5 x 11 in. */
export const pageSizes: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
};

/** 2 cm sides (fits Letter's narrower page well), 2.5 cm top and bottom to leave room for header and footer. */
export const margins = { top: 1418, bottom: 1418, left: 1134, right: 1134, header: 567, footer: 567 };

export function contentWidth(paper: PaperSize): number {
  return pageSizes[paper].width - margins.left - margins.right;
}

const font = { ascii: FONT_FAMILY, hAnsi: FONT_FAMILY, cs: FONT_FAMILY, eastAsia: FONT_FAMILY };

/** The paragraph styles of data table cells (defined in `styles`). */
export type TableTextStyle = 'TableText' | 'TableHeading';

/** Headings keep their built-in ids (Heading1..3) so Word's navigation pane and the TOC field's \o switch find them. */
export const styles: IStylesOptions = {
  default: {
    // The rule spelled out: LibreOffice reads a bare line="276" as a fixed line height and clips each
    // chart (an inline image) to one line; Word assumes auto. Seen converting a report with soffice.
    document: { run: { font, size: 20, color: colors.text }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { font, size: 52, bold: true, color: '0F2A4A' }, paragraph: { spacing: { after: 200 } } },
    heading1: { run: { font, size: 32, bold: true, color: '0F2A4A' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true } },
    heading2: { run: { font, size: 26, bold: true, color: '0F2A4A' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true } },
    heading3: { run: { font, size: 22, bold: true, color: '0F2A4A' }, paragraph: { spacing: { before: 220, after: 100 }, keepNext: true, keepLines: true } },
    caption: { run: { font, size: 18, italics: true, color: colors.muted }, paragraph: { spacing: { before: 60, after: 120 } } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font, size: 30, color: '35506E' }, paragraph: { spacing: { after: 480 } } },
    { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { font, size: 32, bold: true, color: '0F2A4A' }, paragraph: { spacing: { after: 200 } } },
    // Dense tables read better a size smaller than body text (9 pt); set once here rather than on every cell.
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 } },
    { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', run: { bold: true } },
  ],
};

function labelRun(meta: ReportMeta): TextRun {
  return new TextRun({ text: meta.label, bold: true, color: 'B45309' });
}

const rule = { bottom: { style: BorderStyle.SINGLE, size: 4, color: colors.rule, space: 4 } };

/** The title page carries only the label (its own content states the rest); later pages the running header. */
export function headers(meta: ReportMeta): { first: Header; default: Header } {
  return {
    first: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [labelRun(meta)] })] }),
    default: new Header({
      children: [new Paragraph({ border: rule, children: [new TextRun({ text: runningHeader(meta), size: 16, color: colors.muted })] })],
    }),
  };
}

/** "Page X of Y" from Word's PAGE and NUMPAGES fields, with the label repeated at the foot of every page. */
export function footers(meta: ReportMeta, width: number): { first: Footer; default: Footer } {
  const line = (withPage: boolean): Paragraph =>
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: width }],
      children: [
        labelRun(meta),
        ...(withPage
          ? [new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 16, color: colors.muted })]
          : []),
      ],
    });
  return { first: new Footer({ children: [line(false)] }), default: new Footer({ children: [line(true)] }) };
}
