import { FileChild, type IXmlableObject } from 'docx';

/**
 * The data tables of a report (thousands of cells in a large gap assessment) written straight as
 * the element tree docx serialises, in a FileChild of our own, instead of through docx's Table,
 * TableRow, TableCell, Paragraph and TextRun objects: those build and walk nine objects a cell, and
 * were half of the render time left once the formatting was moved into styles (issue 9). The XML is
 * the same, element for element and byte for byte, as docx writes for the same table (a unit test
 * compares the two), so Word, LibreOffice and the TOC filler see no difference.
 */

type Xml = IXmlableObject;

export interface BorderSpec {
  style: string;
  size: number;
  color: string;
}

export interface PlainTableSpec {
  /** Table width and column widths, in twips. */
  width: number;
  columns: readonly { width: number; align: 'left' | 'right' | 'center' }[];
  border: BorderSpec;
  margins: { top: number; bottom: number; left: number; right: number };
  header: { labels: readonly string[]; style: string; fill: string };
  body: { rows: readonly (readonly string[])[]; style: string };
}

const empty = (): Xml => ({});
const attrs = (name: string, values: Record<string, string | number>): Xml => ({ [name]: { _attr: values } });

/** Runs as textRuns() makes them: one a line, a break before every line but the first. */
function runs(text: string): Xml[] {
  return text.split(/\r\n|\r|\n/).map((line, i) => ({ 'w:r': [...(i > 0 ? [{ 'w:br': empty() }] : []), { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, line] }] }));
}

function cell(text: string, width: number, align: string, style: string, fill: string | null): Xml {
  const props: Xml[] = [attrs('w:tcW', { 'w:type': 'dxa', 'w:w': width })];
  if (fill) props.push(attrs('w:shd', { 'w:fill': fill, 'w:color': 'auto', 'w:val': 'clear' }));
  const pPr: Xml[] = [attrs('w:pStyle', { 'w:val': style })];
  if (align !== 'left') pPr.push(attrs('w:jc', { 'w:val': align }));
  return { 'w:tc': [{ 'w:tcPr': props }, { 'w:p': [{ 'w:pPr': pPr }, ...runs(text)] }] };
}

function row(cells: Xml[], header: boolean): Xml {
  return { 'w:tr': [{ 'w:trPr': header ? [{ 'w:cantSplit': empty() }, { 'w:tblHeader': empty() }] : [{ 'w:cantSplit': empty() }] }, ...cells] };
}

function properties(spec: PlainTableSpec): Xml {
  const side = (name: string): Xml => attrs(name, { 'w:val': spec.border.style, 'w:color': spec.border.color, 'w:sz': spec.border.size });
  const margin = (name: string, w: number): Xml => attrs(name, { 'w:type': 'dxa', 'w:w': w });
  const { top, left, bottom, right } = spec.margins;
  return {
    'w:tblPr': [
      attrs('w:tblW', { 'w:type': 'dxa', 'w:w': spec.width }),
      { 'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(side) },
      attrs('w:tblLayout', { 'w:type': 'fixed' }),
      { 'w:tblCellMar': [margin('w:top', top), margin('w:left', left), margin('w:bottom', bottom), margin('w:right', right)] },
    ],
  };
}

export class PlainTable extends FileChild {
  constructor(private readonly spec: PlainTableSpec) {
    super('w:tbl');
  }

  /** Built when the document is written, so the tree of a large table lives only as long as that. */
  override prepForXml(): Xml {
    const { spec } = this;
    const header = row(spec.columns.map((c, i) => cell(spec.header.labels[i] ?? '', c.width, c.align, spec.header.style, spec.header.fill)), true);
    const body = spec.body.rows.map((r) => row(spec.columns.map((c, i) => cell(r[i] ?? '', c.width, c.align, spec.body.style, null)), false));
    return { 'w:tbl': [properties(spec), { 'w:tblGrid': spec.columns.map((c) => attrs('w:gridCol', { 'w:w': c.width })) }, header, ...body] };
  }
}
