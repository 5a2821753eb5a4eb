import { formatBytes } from '../../shared/format-bytes';
import type { ImportBatch, ImportPreview, ImportResult } from '../../shared/imports/model';
import { textTable } from './format';

/** The preview and the result of an import as the terminal shows them: the same content as the app. */

const LIST = 20;
const more = (n: number, shown: number, what: string) => (n > shown ? [`  … and ${n - shown} more ${what} (--json lists them all)`] : []);

export function formatImportPreview(p: ImportPreview | ImportResult): string {
  const c = p.counts;
  const out = [
    `${p.source.name} (${formatBytes(p.source.size)}, SHA-256 ${p.source.sha256})`,
    `Format: ${p.format} (${p.formatReason})`,
    `Records: ${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.skip} skipped`,
  ];
  if (p.mapping) {
    const m = p.mapping;
    out.push('', `Columns (${m.origin}${m.savedName ? ` mapping "${m.savedName}"` : ''}${m.sheet ? `, sheet "${m.sheet}"` : ''}${m.headerRow ? `, header on row ${m.headerRow}` : ''}):`);
    out.push(textTable(['Column', 'Field'], m.columns.map((col) => [col, m.mapping[col] ?? '(not used)'])));
    if (m.unmatchedRequired.length) out.push(`Required fields with no column: ${m.unmatchedRequired.join(', ')}`);
  }
  if (p.systems.length) {
    out.push('', 'AI systems the file names that the assessment does not have:');
    for (const s of p.systems) out.push(`  ${s.name} (${s.records} records): ${s.decision === 'create' ? 'will be created' : s.decision === 'skip' ? 'its records are skipped' : `matched to ${s.decision}`}`);
  }
  if (p.threats.length) {
    out.push('', 'Threats matched to the catalog:');
    for (const t of p.threats)
      out.push(`  "${t.text}" (${t.records} records) → ${t.decision === 'none' ? 'kept unmatched' : t.decision}${t.candidates.length ? `; candidates: ${t.candidates.map((x) => `${x.id} ${x.name}`).join(', ')}` : ''}`);
  }
  if (p.items.length) {
    out.push('', textTable(['Action', 'Kind', 'Where', 'Id', 'Title', 'Detail'], p.items.slice(0, LIST).map((i) => [i.action, i.kind, i.location, i.entityId ?? '(new)', i.title.slice(0, 60), i.detail.slice(0, 80)])));
    out.push(...more(p.itemsTotal, Math.min(LIST, p.items.length), 'records'));
  }
  if (p.skipped.length) {
    out.push('', 'Skipped:');
    out.push(...p.skipped.slice(0, LIST).map((s) => `  ${s.location}: ${s.reason}`), ...more(p.skipped.length, LIST, 'skipped parts'));
  }
  if (p.problems.length) {
    out.push('', 'Problems:');
    for (const x of p.problems) out.push(`  ${x.severity === 'error' ? 'error' : 'warning'}: ${x.file}, ${x.location}${x.field ? `, ${x.field}` : ''}: ${x.message}`);
  }
  return out.join('\n');
}

export function formatImportResult(r: ImportResult): string {
  const end =
    r.batchId === null
      ? `\nNot imported: ${r.problems.filter((p) => p.severity === 'error').length} error(s) above must be fixed first; nothing was changed.`
      : `\nImported as batch ${r.batchId}${r.evidenceId ? `; the source is kept as evidence ${r.evidenceId}` : ''}.`;
  return formatImportPreview(r) + '\n' + end;
}

export function formatBatches(batches: ImportBatch[]): string {
  if (batches.length === 0) return 'No imports yet (assay import <file> <input> imports one).';
  return textTable(
    ['Batch', 'When', 'Who', 'Format', 'Source', 'Created', 'Updated', 'Unchanged', 'Skipped', 'Problems', 'Evidence', 'SHA-256'],
    batches.map((b) => [
      b.id,
      b.importedAt.slice(0, 16).replace('T', ' '),
      b.importedBy ?? '',
      b.format,
      b.sourceName,
      String(b.counts.create),
      String(b.counts.update),
      String(b.counts.unchanged),
      String(b.counts.skip),
      String(b.problems),
      b.evidenceId ?? '',
      b.sha256.slice(0, 16) + '…',
    ]),
  );
}
