import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import type { Block, Cell, TableBlock, TableColumn } from '../../../../shared/reports/model';
import { figureContent } from './figure';
import { columnWidths, type TableType } from './column-widths';
import { colours, tableText } from './theme';

/** Each block kind of the report model as pdfmake content. Layout only: no text is added or changed. */

const CELL_PAD = 4;
const WIDE_CELL_PAD = 1.5;

const gridLayout: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: () => colours.rule,
  paddingLeft: () => CELL_PAD,
  paddingRight: () => CELL_PAD,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  // The header row is filled; later rows alternate so long rows stay easy to follow.
  fillColor: (row) => (row === 0 ? colours.headerFill : row % 2 === 0 ? colours.zebra : null),
};

const factsLayout: CustomTableLayout = {
  hLineWidth: () => 0.4,
  vLineWidth: () => 0,
  hLineColor: () => colours.rule,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (_row, _node, column) => (column === 0 ? colours.factsFill : null),
};

/** A box with a thick amber rule on the left: a warning reads differently at a glance, not only by colour. */
const warningLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: (i) => (i === 0 ? 3 : 0),
  vLineColor: () => colours.warningRule,
  paddingLeft: () => 8,
  paddingRight: () => 8,
  paddingTop: () => 5,
  paddingBottom: () => 5,
  fillColor: () => colours.warningFill,
};

const signoffLayout: CustomTableLayout = {
  hLineWidth: (i) => (i === 0 ? 0 : i === 1 ? 0.8 : 0.6),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? colours.accent : colours.ink),
  paddingLeft: () => 4,
  paddingRight: () => 10,
  paddingTop: (i) => (i === 0 ? 2 : 30),
  paddingBottom: () => 3,
};

/** Cells are text as given: a formula-like value is shown literally, a missing one as a muted dash. */
const wideLayout: CustomTableLayout = { ...gridLayout, paddingLeft: () => WIDE_CELL_PAD, paddingRight: () => WIDE_CELL_PAD };

function cellText(value: Cell, align: TableColumn['align'], fontSize: number | undefined): TableCell {
  const alignment = align ?? 'left';
  const size = fontSize === undefined ? {} : { fontSize };
  if (value === null) return { text: '—', color: colours.muted, style: 'td', alignment, ...size };
  return { text: typeof value === 'number' ? String(value) : value, style: 'td', alignment, ...size };
}

/** Tables of many columns (a risk register has 14) are set smaller, so ids and words are not split across lines. */
const WIDE_TABLE = 9;

/**
 * The caption is the table's first header row, spanning it: it repeats on every page the table runs
 * onto, and pdfmake keeps it with the column headings and the first row, so it is never left alone
 * at the foot of a page (as a paragraph above the table it could be).
 */
function captionedLayout(base: CustomTableLayout): CustomTableLayout {
  return {
    ...base,
    hLineWidth: (i, node) => (i === 0 ? 0 : i === 1 || i === node.table.body.length ? 0.8 : 0.4),
    fillColor: (row) => (row === 0 ? null : row === 1 ? colours.headerFill : (row - 1) % 2 === 0 ? colours.zebra : null),
  };
}

function tableContent(table: TableBlock, textWidth: number): Content {
  const wide = table.columns.length >= WIDE_TABLE;
  const fontSize = wide ? tableText.wide : undefined;
  const type: TableType = wide ? { bodySize: tableText.wide, headSize: tableText.wide, padding: 2 * WIDE_CELL_PAD } : { bodySize: tableText.body, headSize: tableText.head, padding: 2 * CELL_PAD };
  const span = table.columns.length;
  const filler = (): TableCell[] => table.columns.slice(1).map(() => ({ text: '' }));
  const header: TableCell[] = table.columns.map((c) => ({ text: c.label, style: 'th', alignment: c.align ?? 'left', ...(fontSize ? { fontSize } : {}) }));
  const caption: TableCell[][] = table.caption ? [[{ text: table.caption, style: 'caption', colSpan: span }, ...filler()]] : [];
  const body: TableCell[][] = [
    ...caption,
    header,
    ...table.rows.map((row) => table.columns.map((c, i) => cellText(row[i] ?? null, c.align, fontSize))),
  ];
  // A table without rows still shows its header, and says so rather than ending at a bare rule.
  if (table.rows.length === 0) body.push([{ text: 'No entries.', style: 'td', color: colours.muted, colSpan: span }, ...filler()]);
  const base = fontSize ? wideLayout : gridLayout;
  return {
    table: { headerRows: caption.length + 1, keepWithHeaderRows: 1, dontBreakRows: true, widths: columnWidths(table, textWidth, type), body },
    layout: caption.length ? captionedLayout(base) : base,
    margin: [0, 0, 0, 10],
  };
}

function factsContent(rows: [string, string][]): Content {
  if (rows.length === 0) return { text: '' };
  return {
    table: { widths: ['32%', '68%'], dontBreakRows: true, body: rows.map(([label, value]) => [{ text: label, style: 'factLabel' }, { text: value }]) },
    layout: factsLayout,
    margin: [0, 2, 0, 10],
  };
}

type SignoffRow = Extract<Block, { kind: 'signoff' }>['rows'][number];

/** Role and name as given; a signature line and a date line to fill in by hand (or the date when known). */
function signoffContent(rows: SignoffRow[]): Content {
  if (rows.length === 0) return { text: '' };
  const head = ['Role', 'Name', 'Signature', 'Date'].map((t) => ({ text: t, style: 'factLabel', color: colours.accent }));
  const body: TableCell[][] = rows.map((r) => [
    { text: r.role, bold: true },
    { stack: [{ text: r.name ?? ' ' }, ...(r.fingerprint ? [{ text: `Key ${r.fingerprint}`, fontSize: 7, color: colours.muted }] : [])] },
    { text: ' ' },
    { text: r.date ?? ' ' },
  ]);
  return { table: { headerRows: 1, dontBreakRows: true, widths: ['20%', '30%', '32%', '18%'], body: [head, ...body] }, layout: signoffLayout, margin: [0, 6, 0, 10] };
}

export function blockContent(block: Block, textWidth: number): Content {
  switch (block.kind) {
    case 'paragraph':
      if (block.tone === 'warning') {
        return {
          table: { widths: ['*'], body: [[{ text: [{ text: 'Warning: ', bold: true }, block.text], color: colours.warningInk }]] },
          layout: warningLayout,
          margin: [0, 2, 0, 10],
        };
      }
      return { text: block.text, style: block.tone === 'muted' ? 'muted' : 'body' };
    case 'list':
      if (block.items.length === 0) return { text: '' };
      return { ul: block.items.map((item) => ({ text: item })), margin: [6, 0, 0, 8] };
    case 'facts':
      return factsContent(block.rows);
    case 'table':
      return tableContent(block, textWidth);
    case 'figure':
      return figureContent(block, textWidth);
    case 'signoff':
      return signoffContent(block.rows);
    case 'pagebreak':
      return { text: '', pageBreak: 'after' };
  }
}
