import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AssayError } from '../../../shared/errors';
import { outline, type ReportDoc, type ReportSection } from '../../../shared/reports/model';
import { blockContent } from './pdf/blocks';
import { pdfmake } from './pdf/engine';
import { printableDoc } from './pdf/printable';
import { footer, header, tableOfContents, titlePage } from './pdf/pages';
import { contentWidth, defaultStyle, margins, paper, styles } from './pdf/theme';
import type { RenderContext, Renderer } from './renderer';

/**
 * The PDF renderer (pdfmake 0.3, server side): title page with the report's provenance, a table
 * of contents with page numbers, numbered headings, the running header and the confidentiality
 * label on the pages, tables whose header row repeats, charts as vector SVG, Roboto embedded.
 *
 * Deterministic: pdfkit stamps CreationDate with the clock and derives the file ID from an MD5 of
 * the info dictionary (dates included). Setting both dates from meta.generatedAt makes the ID and
 * therefore every byte a function of the model; nothing else in pdfmake/pdfkit is random unless
 * the PDF is encrypted, which reports never are.
 */

function checkCancelled(ctx: RenderContext | undefined): void {
  if (ctx?.isCancelled?.()) throw new AssayError('refused', 'report generation was cancelled');
}

function generationDate(doc: ReportDoc): Date {
  const date = new Date(doc.meta.generatedAt);
  if (Number.isNaN(date.getTime())) throw new AssayError('invalid_input', `report meta.generatedAt is not a date: "${doc.meta.generatedAt}"`);
  return date;
}

const headingStyle = (depth: number): string => (depth === 1 ? 'h1' : depth === 2 ? 'h2' : 'h3');

/**
 * A section's heading carries its number ("2.1 Requirements") and is listed in the contents.
 * A section that opens with a page break starts on the new page, heading included.
 */
function sectionContent(section: ReportSection, numbers: Iterator<{ number: string; depth: number }>, textWidth: number): Content[] {
  const entry = numbers.next().value as { number: string; depth: number };
  const [first, ...rest] = section.blocks;
  const breakFirst = first?.kind === 'pagebreak';
  const heading: Content = {
    text: `${entry.number}\u2002${section.title}`,
    style: headingStyle(entry.depth),
    tocItem: true,
    tocStyle: entry.depth === 1 ? 'toc1' : 'toc2',
    tocMargin: [(entry.depth - 1) * 14, entry.depth === 1 ? 5 : 1, 0, 1],
    headlineLevel: entry.depth,
    ...(breakFirst ? { pageBreak: 'before' as const } : {}),
  };
  const own = breakFirst ? rest : section.blocks;
  const blocks = own.map((b) => blockContent(b, textWidth));
  const subsections = (section.sections ?? []).flatMap((s) => sectionContent(s, numbers, textWidth));
  // A figure cannot break, so pdfmake moves it whole to the next page, and reports its start on this
  // one: a heading followed by it would be left alone at the foot of the page. They travel together.
  if (own[0]?.kind === 'figure') return [{ unbreakable: true, stack: [heading, blocks[0]!] }, ...blocks.slice(1), ...subsections];
  return [heading, ...blocks, ...subsections];
}

export function pdfDefinition(model: ReportDoc, ctx?: RenderContext): TDocumentDefinitions {
  const doc = printableDoc(model);
  const { meta } = doc;
  const date = generationDate(doc);
  const numbers = outline(doc.sections)[Symbol.iterator]();
  const textWidth = contentWidth(meta.paper);
  const body: Content[] = [];
  doc.sections.forEach((section, i) => {
    checkCancelled(ctx);
    body.push(...sectionContent(section, numbers, textWidth));
    ctx?.onProgress?.(i + 1, doc.sections.length + 1);
  });
  return {
    pageSize: paper[meta.paper].size,
    pageMargins: margins,
    info: {
      title: meta.title,
      author: meta.generatedBy,
      subject: meta.assessment.name,
      keywords: meta.label,
      creator: `Assay ${meta.assayVersion}`,
      producer: `Assay ${meta.assayVersion} (pdfmake)`,
      creationDate: date,
      modDate: date,
    },
    header: header(meta),
    footer: footer(meta),
    content: [...titlePage(meta), tableOfContents(), ...body],
    styles,
    defaultStyle,
    // Keeps a heading off the foot of a page when nothing of its section follows it there.
    pageBreakBefore: (node, queries) => node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0,
  };
}

export const renderPdf: Renderer = async (doc, ctx) => {
  checkCancelled(ctx);
  const definition = pdfDefinition(doc, ctx);
  checkCancelled(ctx);
  const bytes = await pdfmake().createPdf(definition).getBuffer();
  checkCancelled(ctx);
  ctx?.onProgress?.(doc.sections.length + 1, doc.sections.length + 1);
  return bytes;
};
