import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  ImageRun,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Block, Cell, FigureBlock, TableBlock, TableColumn } from '../../../../shared/reports/model';
import type { TableTextStyle } from './page';
import { renderFigurePng } from './figure-png';
import { PlainTable } from './table-xml';
import { textRuns } from './text';

/**
 * One report block to the DOCX elements that show it. Layout facts the blocks share (the usable
 * width of the page, the colours) come in as arguments so every table is sized to the paper.
 */

export type BodyChild = Paragraph | Table | PlainTable;

export const colors = { text: '1F2937', muted: '6B7280', rule: 'B8BEC7', headerFill: 'E8ECF1', factFill: 'F3F5F8', warnFill: 'FFF4E0', warnRule: 'D97706', warnText: '7A3E00' };

const thin = { style: BorderStyle.SINGLE, size: 4, color: colors.rule };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const cellMargins = { top: 50, bottom: 50, left: 90, right: 90 };

/** 1 pt = 20 twips; images are sized in pixels at 96 per inch (1 pt = 4/3 px). */
const PX_PER_TWIP = 96 / 1440;

export function blockChildren(block: Block, contentWidth: number): BodyChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [paragraph(block.text, block.tone ?? 'normal')];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: textRuns(item) }));
    case 'facts':
      return [factsTable(block.rows, contentWidth), spacer()];
    case 'table':
      return dataTable(block, contentWidth);
    case 'figure':
      return figure(block, contentWidth);
    case 'signoff':
      return [signoffTable(block.rows, contentWidth), spacer()];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

function paragraph(text: string, tone: 'normal' | 'muted' | 'warning'): Paragraph {
  if (tone === 'warning') {
    // A warning must stand out in print and in greyscale: a heavy left rule, a tint and a bold lead word.
    return new Paragraph({
      spacing: { before: 120, after: 160 },
      indent: { left: 120 },
      shading: { type: ShadingType.CLEAR, fill: colors.warnFill, color: 'auto' },
      border: { left: { style: BorderStyle.SINGLE, size: 24, color: colors.warnRule, space: 6 } },
      children: [new TextRun({ text: 'Warning: ', bold: true, color: colors.warnText }), ...textRuns(text, { color: colors.warnText })],
    });
  }
  return new Paragraph({ spacing: { after: 140 }, children: textRuns(text, tone === 'muted' ? { color: colors.muted, italics: true } : {}) });
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [] });
}

/** Twips per column from the relative widths, summing exactly to the content width. */
export function columnWidths(columns: readonly Pick<TableColumn, 'width'>[], contentWidth: number): number[] {
  const weights = columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((contentWidth * w) / total));
  widths[widths.length - 1]! += contentWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

export function cellText(value: Cell): string {
  // Text stays literal: a value like "=HYPERLINK(...)" is a run of text in Word, never a field.
  return value === null ? '—' : String(value);
}

/**
 * A cell of the small label/value and sign-off tables: its width, shading and text; the table sets
 * borders and cell margins once. (Data tables, the bulk of a report, are ./table-xml's PlainTable,
 * with the same economy: formatting repeated on each of thousands of cells made the DOCX render
 * several times slower than the same tables plain, issue 9's benchmark.)
 */
function cell(text: string, width: number, opts: { bold?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
    children: [new Paragraph({ children: textRuns(text, opts.bold ? { bold: true } : {}) })],
  });
}

function table(rows: TableRow[], widths: number[], contentWidth: number): Table {
  return new Table({
    rows,
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: cellMargins,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
  });
}

function dataTable(block: TableBlock, contentWidth: number): BodyChild[] {
  // Word refuses a table without cells; a table with no columns says nothing, so only its caption stays.
  if (block.columns.length === 0) return block.caption ? [new Paragraph({ style: 'Caption', children: textRuns(block.caption) })] : [];
  const widths = columnWidths(block.columns, contentWidth);
  const plain = new PlainTable({
    width: contentWidth,
    columns: block.columns.map((c, i) => ({ width: widths[i]!, align: c.align ?? 'left' })),
    border: thin,
    margins: cellMargins,
    header: { labels: block.columns.map((c) => c.label), style: 'TableHeading' satisfies TableTextStyle, fill: colors.headerFill },
    body: { rows: block.rows.map((row) => block.columns.map((_c, i) => cellText(row[i] ?? null))), style: 'TableText' satisfies TableTextStyle },
  });
  const out: BodyChild[] = [];
  if (block.caption) out.push(new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] }));
  out.push(plain, spacer());
  return out;
}

function factsTable(rows: readonly [string, string][], contentWidth: number): Table {
  const widths = columnWidths([{ width: 1 }, { width: 2 }], contentWidth);
  return table(
    rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, widths[0]!, { bold: true, fill: colors.factFill }), cell(value, widths[1]!)] })),
    widths,
    contentWidth,
  );
}

/** Signature and date are left as ruled blank cells, tall enough to sign in. */
function signoffTable(rows: Extract<Block, { kind: 'signoff' }>['rows'], contentWidth: number): Table {
  const withKeys = rows.some((r) => r.fingerprint);
  const labels = ['Role', 'Name', 'Signature', 'Date', ...(withKeys ? ['Key fingerprint'] : [])];
  const widths = columnWidths(withKeys ? [{ width: 1.2 }, { width: 1.6 }, { width: 2.2 }, { width: 1.2 }, { width: 1.8 }] : [{ width: 1.2 }, { width: 1.8 }, { width: 2.6 }, { width: 1.4 }], contentWidth);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: labels.map((l, i) => cell(l, widths[i]!, { bold: true, fill: colors.headerFill })) });
  const line = (text: string | null, width: number): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 8, color: colors.text } },
      children: [new Paragraph({ children: text ? textRuns(text) : [] })],
    });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        height: { value: 720, rule: HeightRule.ATLEAST },
        children: [
          cell(r.role, widths[0]!, { bold: true }),
          line(r.name, widths[1]!),
          line(null, widths[2]!),
          line(r.date, widths[3]!),
          ...(withKeys ? [line(r.fingerprint, widths[4]!)] : []),
        ],
      }),
  );
  return new Table({ rows: [header, ...body], width: { size: contentWidth, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, margins: cellMargins, borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none } });
}

function figure(block: FigureBlock, contentWidth: number): BodyChild[] {
  const { png } = renderFigurePng(block.option, block.width, block.height);
  // Shown at the model's size in points, shrunk to the text width when wider; the PNG holds FIGURE_SCALE times the pixels.
  const maxPx = contentWidth * PX_PER_TWIP;
  const px = { width: (block.width * 4) / 3, height: (block.height * 4) / 3 };
  const shrink = Math.min(1, maxPx / px.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: Math.round(px.width * shrink), height: Math.round(px.height * shrink) },
          altText: { name: block.caption, title: block.caption, description: block.alt },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun(block.caption)] }),
  ];
}
