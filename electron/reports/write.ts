import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AssayError } from '../../shared/errors';
import { MANIFEST_SCHEMA, type ReportManifest } from '../../shared/reports/manifest';
import type { Generated } from './generate';
import { publishNew } from '../files/publish-new';

/**
 * Writes a report and its manifest (`<report>.manifest.json`) beside it. Each file is written to a
 * temporary name and published with a hard link, which fails if the name exists: a report already
 * written (perhaps issued, its SHA-256 in the register) is never replaced, and a crash or a full
 * disk never leaves a half-written report that a manifest vouches for.
 */

export const manifestPathOf = (report: string) => `${report}.manifest.json`;

/** Where reports go when no path is given: "<name> reports/" beside the assessment. */
export const reportsFolderOf = (assessment: string) => join(dirname(assessment), `${basename(assessment).replace(/\.assay$/i, '')} reports`);

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
    publishNew(temporary, path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') throw new AssayError('conflict', `${path}: already exists; reports are never written over (an issued one is in the register by its SHA-256): choose another name or remove it first`);
    if (code === 'ENOENT') throw new AssayError('not_found', `${dirname(path)}: no such folder; the report was not written`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AssayError('refused', `${path}: cannot be written here (${code}); the report was not written`);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function writeReport(path: string, g: Generated): { path: string; manifestPath: string; manifest: ReportManifest } {
  mkdirSync(dirname(path), { recursive: true });
  const manifestPath = manifestPathOf(path);
  for (const existing of [path, manifestPath])
    if (existsSync(existing)) throw new AssayError('conflict', `${existing}: already exists; reports are never written over (an issued one is in the register by its SHA-256): choose another name or remove it first`);
  const manifest = manifestOf(g, basename(path));
  writeAtomically(path, g.bytes);
  writeAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { path, manifestPath, manifest };
}
