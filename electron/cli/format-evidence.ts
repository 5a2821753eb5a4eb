import type { EvidenceAddResult, EvidenceItem } from '../../shared/domain/evidence/model';
import { describeLink } from '../../shared/domain/evidence/model';
import { formatBytes } from '../../shared/format-bytes';
import { textTable } from './format';

const day = (iso: string) => iso.slice(0, 10);

function effective(e: EvidenceItem): string {
  if (!e.effectiveFrom) return '—';
  return e.effectiveTo ? `${e.effectiveFrom}..${e.effectiveTo}` : e.effectiveFrom;
}

export function formatEvidenceList(items: EvidenceItem[]): string {
  if (items.length === 0) return 'no evidence yet; add files with: assay evidence add <file> <files...> [--control <id>]';
  return textTable(
    ['ID', 'TITLE', 'FILE', 'SIZE', 'RECEIVED', 'EFFECTIVE', 'VALID UNTIL', 'REV', 'LINKS', 'SHA-256'],
    items.map((e) => [
      e.id,
      e.title,
      e.fileName,
      formatBytes(e.size),
      day(e.receivedAt),
      effective(e),
      e.validUntil ?? '—',
      String(e.revisions[0]?.rev ?? 1),
      e.links.map(describeLink).join(', ') || '—',
      e.sha256,
    ]),
  );
}

export function formatEvidenceItem(e: EvidenceItem): string {
  return [
    `${e.id} ${e.title}`,
    e.description ? `  ${e.description}` : undefined,
    `  file: ${e.fileName} (${formatBytes(e.size)}), SHA-256 ${e.sha256}`,
    `  received ${day(e.receivedAt)}${e.addedBy ? ` from ${e.addedBy}` : ''}; effective ${effective(e)}; valid until ${e.validUntil ?? '—'}${e.source ? `; source ${e.source}` : ''}`,
    `  links: ${e.links.map(describeLink).join(', ') || 'none'}`,
    '  revisions:',
    ...e.revisions.map((r) => `    ${r.rev}  ${day(r.receivedAt)}  ${r.fileName}  ${formatBytes(r.size)}  ${r.sha256}`),
  ]
    .filter((l) => l !== undefined)
    .join('\n');
}

export function formatEvidenceAdded(r: EvidenceAddResult): string {
  const verb = { added: 'added', revised: 'revised', existing: 'already stored as' } as const;
  return r.added.map((a) => `${verb[a.outcome]} ${a.evidenceId} ${a.file} (${formatBytes(a.size)}) SHA-256 ${a.sha256}`).join('\n') || 'no file was added';
}
