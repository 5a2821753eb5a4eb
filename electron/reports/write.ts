import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AssayError } from '../../shared/errors';
import { MANIFEST_SCHEMA, type ReportManifest } from '../../shared/reports/manifest';
import type { Generated } from './generate';

/**
 * Writes a report and its manifest (`<report>.manifest.json`) beside it. Each file is written to a
 * temporary name and renamed, so a crash or a full disk never leaves a half-written report that a
 * manifest vouches for.
 */

export const manifestPathOf = (report: string) => `${report}.manifest.json`;

export function manifestOf(g: Generated, fileName: string): ReportManifest {
  const m = g.meta;
  return {
    schema: MANIFEST_SCHEMA,
    report: {
      fileName,
      sha256: g.sha256,
      size: g.bytes.length,
      type: m.type,
      format: g.format,
      title: m.title,
      paper: m.paper,
      label: m.label,
      audience: m.audience,
      frameworks: m.frameworks,
      systems: m.systems,
    },
    assessment: { id: m.assessment.id, name: m.assessment.name, head: m.head, stateSha256: g.state.stateSha256, figures: g.state.figures },
    catalogVersion: m.catalogVersion,
    assayVersion: m.assayVersion,
    generatedAt: m.generatedAt,
    generatedBy: m.generatedBy,
    evidence: [...new Map(g.evidence.map((e) => [e.id, e])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

function writeAtomically(path: string, bytes: Buffer | string): void {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.part`;
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AssayError('not_found', `${dirname(path)}: no such folder; the report was not written`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AssayError('refused', `${path}: cannot be written here (${code}); the report was not written`);
    throw error;
  }
}

export function writeReport(path: string, g: Generated): { path: string; manifestPath: string; manifest: ReportManifest } {
  mkdirSync(dirname(path), { recursive: true });
  const manifest = manifestOf(g, basename(path));
  writeAtomically(path, g.bytes);
  const manifestPath = manifestPathOf(path);
  writeAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { path, manifestPath, manifest };
}
