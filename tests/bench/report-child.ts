/**
 * One report rendered in a process of its own, so its peak memory (RSS) is its own: the gap
 * assessment of a file as the app renders it ("report"), or the floor: the same report model's
 * tables and text rendered as a plain document by the same library, without charts, table of
 * contents, bookmarks, running headers or page furniture. Prints one JSON line: { ms, maxRssMiB, bytes, pages }.
 */
import { performance } from 'node:perf_hooks';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { generateReport } from '../../electron/reports/generate';
import { pdfmake } from '../../electron/reports/render/pdf/engine';
import { reportSources } from '../../electron/reports/registry';
import { resolveScope } from '../../electron/reports/options';
import { openForReading } from '../../electron/store/open';
import type { Block, ReportSection } from '../../shared/reports/model';

const [file, format, mode] = process.argv.slice(2) as [string, 'pdf' | 'docx', 'report' | 'floor'];
const now = '2026-11-28T09:00:00.000Z';
const a = openForReading(file);
const start = performance.now();
let bytes: Buffer;
if (mode === 'report') bytes = (await generateReport(a, { type: 'gap', format }, { actor: 'bench', now })).bytes;
else {
  const scope = resolveScope(a, { type: 'gap', format, paper: 'A4', label: 'TLP:AMBER', audience: 'internal' }, now.slice(0, 10));
  const source = reportSources.gap!;
  const built = source.build(source.gather(a, scope), { type: 'gap', title: 'Gap assessment', assessment: { id: '', name: '' }, head: { count: 0, hash: '' }, catalogVersion: '', assayVersion: '', generatedAt: now, generatedBy: 'bench', paper: 'A4', label: 'TLP:AMBER', audience: 'internal', frameworks: [], systems: [] }, scope);
  const blocks = (sections: ReportSection[]): { title: string; block?: Block }[] => sections.flatMap((s) => [{ title: s.title }, ...s.blocks.map((block) => ({ title: '', block })), ...blocks(s.sections ?? [])]);
  const flat = blocks(built.sections).filter((b) => !b.block || b.block.kind === 'table' || b.block.kind === 'paragraph' || b.block.kind === 'facts');
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  if (format === 'pdf') {
    const content = flat.map(({ title, block }) => {
      if (!block) return { text: title, fontSize: 14, margin: [0, 8, 0, 4] };
      if (block.kind === 'paragraph') return { text: block.text };
      const rows = block.kind === 'table' ? [block.columns.map((c) => c.label), ...block.rows.map((r) => r.map(text))] : block.kind === 'facts' ? block.rows.map((r) => [...r]) : [];
      return { table: { headerRows: block.kind === 'table' ? 1 : 0, widths: rows[0]!.map(() => '*'), body: rows }, fontSize: 8 };
    });
    bytes = await pdfmake().createPdf({ pageSize: 'A4', content: content as never, defaultStyle: { font: 'Roboto', fontSize: 9 } }).getBuffer();
  } else {
    const children = flat.flatMap(({ title, block }): (Paragraph | Table)[] => {
      if (!block) return [new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 28 })] })];
      if (block.kind === 'paragraph') return [new Paragraph(block.text)];
      const rows = block.kind === 'table' ? [block.columns.map((c) => c.label), ...block.rows.map((r) => r.map(text))] : block.kind === 'facts' ? block.rows.map((r) => [...r]) : [];
      return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ text: c, alignment: AlignmentType.LEFT })] })) })) })];
    });
    bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  }
}
const ms = performance.now() - start;
a.close();
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, bytes: bytes.length }));
