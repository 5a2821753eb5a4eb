import type { Content, ContentTable, DynamicContent, TableOfContent } from 'pdfmake/interfaces';
import { provenance, type ReportMeta, runningHeader } from '../../../../shared/reports/model';
import { colours, labelColours, margins } from './theme';

/** The title page, the table of contents, and what every page carries above and below its text. */

/**
 * The confidentiality label as a badge (TLP colours on black): a one-cell table, because a text
 * background has no padding and an auto-width column measured the label a hair too narrow.
 */
export function labelBadge(label: string, fontSize: number): ContentTable {
  const { color, background } = labelColours(label);
  return {
    table: { widths: ['auto'], body: [[{ text: label, color, bold: true, fontSize, noWrap: true, fillColor: background }]] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 1, paddingBottom: () => 1 },
  };
}

export function titlePage(meta: ReportMeta): Content[] {
  return [
    { columns: [{ text: 'Assay compliance report', style: 'subtitle', fontSize: 10 }, { ...labelBadge(meta.label, 12), alignment: 'right', width: 'auto' }] },
    { text: meta.title, style: 'title', margin: [0, 120, 0, 8] },
    ...(meta.subtitle ? [{ text: meta.subtitle, style: 'subtitle', margin: [0, 0, 0, 24] } as Content] : [{ text: '', margin: [0, 0, 0, 16] } as Content]),
    { text: meta.assessment.name, style: 'assessment', margin: [0, 0, 0, 28] },
    {
      table: {
        widths: ['30%', '70%'],
        body: provenance(meta).map(([label, value]) => [
          { text: label, bold: true, color: colours.muted, fontSize: 9 },
          { text: value, fontSize: 9 },
        ]),
      },
      layout: {
        hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.3),
        vLineWidth: () => 0,
        hLineColor: () => colours.rule,
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
    },
    {
      text: 'Every figure in this report was computed from the assessment at the audit head above. The manifest beside this file lists its SHA-256 and the evidence it cites.',
      style: 'muted',
      margin: [0, 16, 0, 0],
      pageBreak: 'after',
    },
  ];
}

/**
 * pdfmake fills in the page numbers after layout; entries are indented by heading depth (their
 * tocMargin). `outlines` (pdfmake 0.3, missing from its typings) also makes them PDF bookmarks.
 */
export function tableOfContents(): Content {
  const toc: TableOfContent & { outlines: boolean } = { title: { text: 'Contents', style: 'tocTitle' }, textMargin: [0, 2, 0, 2], outlines: true };
  return { toc, pageBreak: 'after' };
}

/** The running header on every page but the title page. */
export function header(meta: ReportMeta): DynamicContent {
  const line = runningHeader(meta);
  return (page, _count, size) =>
    page === 1
      ? null
      : {
          margin: [margins[0], 28, margins[2], 0],
          stack: [
            { text: line, style: 'runningHeader' },
            { canvas: [{ type: 'line', x1: 0, y1: 4, x2: size.width - margins[0] - margins[2], y2: 4, lineWidth: 0.5, lineColor: colours.rule }] },
          ],
        };
}

/** The label on every page, the title page included, and "Page X of Y". */
export function footer(meta: ReportMeta): DynamicContent {
  return (page, count) => ({
    margin: [margins[0], 24, margins[2], 0],
    columns: [
      { ...labelBadge(meta.label, 9), width: 'auto' },
      { text: `Page ${page} of ${count}`, style: 'footer', alignment: 'right' },
    ],
  });
}
