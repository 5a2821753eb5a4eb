import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AssayError } from '../../../shared/errors';
import { provenance, runningHeader, type ReportDoc, type TableBlock } from '../../../shared/reports/model';
import type { RenderContext, Renderer } from './renderer';
import { safeCell, safeText } from './safe-cell';
import { reportTables, sheetNames } from './tables';

/** Excel column widths are in characters: one unit of relative width is this many. */
const CHARS_PER_UNIT = 16;
const MIN_WIDTH = 8;
const MAX_WIDTH = 90;

/**
 * A report as a workbook: an "About" sheet with the title and the provenance every report states,
 * then one sheet per table. Cells are plain values (numbers stay numbers, text never starts a
 * formula); the bytes depend on the model only.
 */
export const renderXlsx: Renderer = async (doc, ctx) => {
  const tables = reportTables(doc);
  const generated = new Date(doc.meta.generatedAt);
  if (Number.isNaN(generated.getTime())) throw new AssayError('invalid_input', `report "${doc.meta.title}": generatedAt "${doc.meta.generatedAt}" is not a date`);

  const wb = new ExcelJS.Workbook();
  // exceljs fills these from the clock when they are empty: the generation time keeps the bytes reproducible.
  wb.creator = 'Assay';
  wb.lastModifiedBy = 'Assay';
  wb.created = generated;
  wb.modified = generated;
  wb.lastPrinted = generated;
  wb.title = safeText(doc.meta.title);
  wb.subject = safeText(doc.meta.subtitle ?? '');
  wb.keywords = safeText(doc.meta.label);

  addAbout(wb, doc);
  const names = sheetNames(tables.map((t) => t.sheet), ['About']);
  tables.forEach((table, i) => {
    checkCancelled(ctx, doc);
    addTable(wb, doc, names[i]!, table);
    ctx?.onProgress?.(i + 1, tables.length);
  });
  checkCancelled(ctx, doc);
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(written, generated);
};

function checkCancelled(ctx: RenderContext | undefined, doc: ReportDoc): void {
  if (ctx?.isCancelled?.()) throw new AssayError('refused', `the ${doc.meta.title} workbook was cancelled`);
}

/** Excel's paper code for A4; Letter is Excel's default (no code written). */
const PAPER_A4 = 9 as ExcelJS.PaperSize;

/**
 * A printed sheet carries what every page of the report carries: the running header with the
 * classification label, and page numbers; a table's header row repeats on every printed page.
 */
function printSetup(ws: ExcelJS.Worksheet, doc: ReportDoc, repeatHeader: boolean): void {
  ws.pageSetup = {
    ...(doc.meta.paper === 'A4' ? { paperSize: PAPER_A4 } : {}),
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(repeatHeader ? { printTitlesRow: '1:1' } : {}),
  };
  ws.headerFooter = { oddHeader: `&L${headerText(runningHeader(doc.meta), 200)}`, oddFooter: `&L${headerText(doc.meta.label, 60)}&RPage &P of &N` };
}

/** "&" starts a header code in Excel, so a literal one is doubled; Excel refuses headers over 255 characters. */
function headerText(text: string, max: number): string {
  const escaped = [...text.replace(/&/g, '&&')];
  if (escaped.length <= max) return escaped.join('');
  let cut = escaped.slice(0, max - 1).join('');
  // Never end on half of a doubled "&".
  if (/(^|[^&])(&&)*&$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function addAbout(wb: ExcelJS.Workbook, doc: ReportDoc): void {
  const ws = wb.addWorksheet('About');
  printSetup(ws, doc, false);
  ws.columns = [{ width: 24 }, { width: 90 }];
  const title = ws.addRow([safeText(doc.meta.title)]);
  title.font = { bold: true, size: 14 };
  if (doc.meta.subtitle) ws.addRow([safeText(doc.meta.subtitle)]);
  ws.addRow([]);
  for (const [label, value] of provenance(doc.meta)) {
    const row = ws.addRow([safeText(label), safeText(value)]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow([safeText(doc.meta.label)]).font = { bold: true };
}

function addTable(wb: ExcelJS.Workbook, doc: ReportDoc, name: string, table: TableBlock): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  printSetup(ws, doc, true);
  ws.columns = table.columns.map((c) => ({
    key: c.key,
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round((c.width ?? 1) * CHARS_PER_UNIT))),
    style: c.align ? { alignment: { horizontal: c.align, vertical: 'top', wrapText: true } } : { alignment: { vertical: 'top', wrapText: true } },
  }));
  const header = ws.addRow(table.columns.map((c) => safeText(c.label)));
  header.font = { bold: true };
  for (const row of table.rows) ws.addRow(table.columns.map((_, i) => safeCell(row[i] ?? null)));
  if (table.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
}

/**
 * exceljs stamps every zip entry with the time it was written. The entries are copied, in the
 * order exceljs wrote them, into a fresh archive whose every entry carries the generation time.
 */
async function fixZipDates(xlsx: Buffer, date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    out.file(entry.name, await entry.async('nodebuffer'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
