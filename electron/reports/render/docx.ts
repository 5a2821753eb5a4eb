import { Document, HeadingLevel, Paragraph, Table, TableOfContents, TextRun, type FileChild } from 'docx';
import { AssayError } from '../../../shared/errors';
import { outline, provenance, type ReportDoc, type ReportSection } from '../../../shared/reports/model';
import { FONT_FAMILY, fontBytes } from '../fonts';
import { blockChildren, type BodyChild } from './docx-parts/blocks';
import { compileDocx, withSeededRandom, zipDocx } from './docx-parts/determinism';
import { safeDoc } from './docx-parts/text';
import { contentWidth, footers, headers, margins, pageSizes, styles } from './docx-parts/page';
import type { RenderContext, Renderer } from './renderer';

/**
 * The DOCX renderer: a title page with the report's provenance, a table of contents Word shows
 * filled in on first open, numbered Heading 1-3 sections, and the blocks of the model.
 * Same model => same bytes (see ./docx-parts/determinism).
 */

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function cancelled(ctx: RenderContext | undefined): void {
  if (ctx?.isCancelled?.()) throw new AssayError('refused', 'report generation was cancelled');
}

function titlePage(doc: ReportDoc, width: number): FileChild[] {
  const { meta } = doc;
  const facts = provenance(meta);
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
    ...(meta.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(meta.subtitle)] })] : []),
    new Paragraph({ spacing: { after: 360 }, children: [new TextRun({ text: meta.assessment.name, size: 28, bold: true })] }),
    ...blockChildren({ kind: 'facts', rows: facts }, width),
  ];
}

/**
 * Headings carry their number as literal text ("2.1 Requirements"), the same numbers outline()
 * gives the PDF, so the TOC entries (the heading text) match without Word list numbering.
 */
function sectionChildren(sections: readonly ReportSection[], numbers: Iterator<{ number: string; depth: number }>, width: number, ctx: RenderContext | undefined, progress: () => void): BodyChild[] {
  return sections.flatMap((section) => {
    cancelled(ctx);
    const { number, depth } = numbers.next().value as { number: string; depth: number };
    // A section that opens with a page break starts its heading on the new page too, rather than
    // leaving the heading stranded at the foot of the previous one.
    const breakFirst = section.blocks[0]?.kind === 'pagebreak';
    const blocks = breakFirst ? section.blocks.slice(1) : section.blocks;
    const heading = new Paragraph({ heading: headingLevels[Math.min(depth, 3) - 1], pageBreakBefore: breakFirst, children: [new TextRun(`${number} ${section.title}`)] });
    const body = blocks.flatMap((b) => blockChildren(b, width));
    if (depth === 1) progress();
    return [heading, ...body, ...sectionChildren(section.sections ?? [], numbers, width, ctx, progress)];
  });
}

function buildDocument(doc: ReportDoc, ctx: RenderContext | undefined): Document {
  const { meta } = doc;
  const width = contentWidth(meta.paper);
  const entries = outline(doc.sections);
  let done = 0;
  const total = doc.sections.length + 1;
  const progress = (): void => ctx?.onProgress?.(++done, total);
  const body = sectionChildren(doc.sections, entries[Symbol.iterator](), width, ctx, progress);

  return new Document({
    title: meta.title,
    subject: meta.assessment.name,
    creator: meta.generatedBy,
    lastModifiedBy: meta.generatedBy,
    description: `Audit head ${meta.head.count}:${meta.head.hash}`,
    keywords: `${meta.type} ${meta.label}`,
    // Word asks on open whether to update fields: accepting refreshes the TOC's page numbers after real layout.
    features: { updateFields: true },
    // No `pageNumbers` estimator: docx's (docx/layout, guess mode, as Roboto is a font Office
    // also offers) tripled the render time (160 rows: 1.5 s -> 6 s), against the benchmark's
    // 1.5x-the-floor target. The TOC still lists every heading, linked to its bookmark; its page
    // numbers come from Word when it updates the dirty field on open.
    fonts: [{ name: FONT_FAMILY, data: fontBytes('regular'), bold: fontBytes('bold'), italic: fontBytes('italic'), boldItalic: fontBytes('boldItalic') }],
    styles,
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: pageSizes[meta.paper], margin: margins },
        },
        headers: headers(meta),
        footers: footers(meta, width),
        children: [
          ...titlePage(doc, width),
          new Paragraph({ pageBreakBefore: true, style: 'TOCHeading', children: [new TextRun('Contents')] }),
          new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', beginDirty: true }),
          new Paragraph({ pageBreakBefore: true, children: [] }),
          ...body,
        ] as (Paragraph | Table | TableOfContents)[],
      },
    ],
  });
}

export const renderDocx: Renderer = async (model, ctx) => {
  cancelled(ctx);
  const doc = safeDoc(model);
  // The seed is the model itself: the same model gives the same ids, a different one need not.
  const seed = JSON.stringify(doc);
  const compiled = withSeededRandom(seed, () => compileDocx(buildDocument(doc, ctx), doc.meta.generatedAt));
  cancelled(ctx);
  const bytes = zipDocx(compiled);
  ctx?.onProgress?.(doc.sections.length + 1, doc.sections.length + 1);
  return bytes;
};
