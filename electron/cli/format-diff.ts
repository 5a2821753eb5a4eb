import type { BackupInfo } from '../../shared/backups';
import { changeSigns, showDiffValue } from '../../shared/domain/diff/format';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import { formatBytes } from '../../shared/format-bytes';
import { countOf } from '../../shared/plural';
import { textTable } from './format';

const head = (h: { count: number; hash: string }) => `${h.count}:${h.hash.slice(0, 12)}…`;

/** The diff as people read it: which copy is which, where the logs part, then the changes grouped by kind. */
export function formatDiff(d: AssessmentDiff): string {
  const lines = [
    `a: ${d.a.file} (${d.a.name}, head ${head(d.a.head)})`,
    `b: ${d.b.file} (${d.b.name}, head ${head(d.b.head)})`,
    `audit log: ${d.chain.summary}`,
    '',
  ];
  if (d.total === 0) lines.push('no changes to systems, control entries, evidence, risks, findings, own controls or components');
  else lines.push(`${countOf(d.total, 'change')} from a to b:`);
  for (const section of d.sections) {
    lines.push('', `${section.title} (${section.items.length})`);
    for (const item of section.items) {
      lines.push(`  ${changeSigns[item.change]} ${item.label}  ${item.change}`);
      for (const f of item.fields) lines.push(`      ${f.field}: ${showDiffValue(f.old)} -> ${showDiffValue(f.new)}`);
    }
  }
  return lines.join('\n');
}

export function formatBackups(file: string, backups: BackupInfo[]): string {
  if (backups.length === 0) return `${file}: no backups yet (assay backups ${file} --now takes one)`;
  return textTable(
    ['TAKEN', 'LABEL', 'SIZE', 'HEAD', 'FILE'],
    backups.map((b) => [b.takenAt.replace('T', ' ').slice(0, 19), b.label, formatBytes(b.size), b.head ? head(b.head) : `unreadable: ${b.problem ?? ''}`, b.path]),
  );
}
