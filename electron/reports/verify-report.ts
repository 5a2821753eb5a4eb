import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AssayError } from '../../shared/errors';
import { ReportManifest } from '../../shared/reports/manifest';
import type { Assessment } from '../store/assessment';
import { openForReading } from '../store/open';
import { listIssuedReports } from '../store/reports';
import { replayedAtHead, summarise } from './state';
import type { TablesState } from '../../shared/domain/logged/domain';
import { manifestPathOf } from './write';
import { checkManifestSignatures } from '../signing/manifest-signature';

/**
 * Checks a report against its manifest, without the assessment (the report's bytes hash to what
 * the manifest says) and, when the assessment is given, against it: the same assessment, the
 * manifest's head on its intact chain, and the state at that head, rebuilt by replay, giving the
 * manifest's state digest and figures. Every check is reported; the first failure is named.
 */

export interface ReportCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** Passed, but says what was not checked. */
  warning?: boolean;
}

export interface ReportVerification {
  ok: boolean;
  report: string;
  manifest: string;
  checks: ReportCheck[];
  message: string;
}

export function readManifest(path: string, report: string): ReportManifest {
  if (!existsSync(path)) throw new AssayError('not_found', `${path}: no manifest beside ${basename(report)}; a report is checked against the .manifest.json written with it`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new AssayError('invalid_input', `${path}: is not valid JSON (${(error as Error).message})`);
  }
  const parsed = ReportManifest.safeParse(raw);
  if (!parsed.success) throw new AssayError('invalid_input', `${path}: is not an Assay report manifest (${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')})`);
  return parsed.data;
}

export function verifyReport(report: string, options: { assessment?: string; trusted?: ReadonlyMap<string, string> } = {}): ReportVerification {
  if (!existsSync(report)) throw new AssayError('not_found', `${report}: no such report`);
  const manifestPath = manifestPathOf(report);
  const manifest = readManifest(manifestPath, report);
  const checks: ReportCheck[] = [];
  const bytes = readFileSync(report);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const same = sha256 === manifest.report.sha256 && bytes.length === manifest.report.size;
  checks.push({
    name: 'report',
    ok: same,
    detail: same
      ? `${basename(report)} hashes to the manifest's SHA-256 ${sha256}`
      : `${basename(report)} hashes to ${sha256} (${bytes.length} bytes); the manifest says ${manifest.report.sha256} (${manifest.report.size} bytes): the report or its manifest was changed after they were written`,
  });
  if (options.assessment) checks.push(...againstAssessment(options.assessment, manifest));
  // The manifest travels with the report and can be edited with it: say what only the assessment can confirm.
  else checks.push({ name: 'assessment', ok: true, detail: `not checked: give the assessment (--assessment) to check that head ${manifest.assessment.head.count} is on its chain and the state at that head gives the report's figures` });
  checks.push(...checkManifestSignatures(manifestPath, options.trusted ?? new Map()));
  return verdict(report, manifestPath, checks);
}

/** Every check reported; the verification fails on the first that failed, and its message names it. */
export function verdict(report: string, manifest: string, checks: ReportCheck[]): ReportVerification {
  const failed = checks.filter((c) => !c.ok);
  return {
    ok: failed.length === 0,
    report,
    manifest,
    checks,
    message: failed.length ? `${failed[0]!.name}: ${failed[0]!.detail}` : `intact: ${checks.map((c) => `${c.name}: ${c.detail}`).join('; ')}`,
  };
}

/**
 * Every evidence hash the manifest cites is the current file of that item in the state at the
 * head (replayed: the evidence_revision rows, the newest revision of each item).
 */
function evidenceAtHead(state: TablesState, manifest: ReportManifest): ReportCheck {
  const revisions = (state as Record<string, Map<string, Record<string, unknown>>>).evidence_revision ?? new Map();
  const current = new Map<string, { rev: number; sha256: string }>();
  for (const [key, row] of revisions) {
    const [id, rev] = [key.slice(0, key.lastIndexOf('#')), Number(key.slice(key.lastIndexOf('#') + 1))];
    if ((current.get(id)?.rev ?? -1) < rev) current.set(id, { rev, sha256: String(row.sha256) });
  }
  const n = manifest.evidence.length;
  const wrong = manifest.evidence.find((e) => current.get(e.id)?.sha256 !== e.sha256);
  if (!wrong) return { name: 'evidence', ok: true, detail: n === 0 ? 'the report cites no evidence' : `${n === 1 ? "the evidence hash the report cites is that of its item's current file" : `the ${n} evidence hashes the report cites are those of the items' current files`} at entry ${manifest.assessment.head.count}` };
  const found = current.get(wrong.id);
  return {
    name: 'evidence',
    ok: false,
    detail: found
      ? `the report cites ${wrong.id} with SHA-256 ${wrong.sha256}; at entry ${manifest.assessment.head.count} the assessment's ${wrong.id} is ${found.sha256}`
      : `the report cites ${wrong.id}, which the assessment did not have at entry ${manifest.assessment.head.count}`,
  };
}

/**
 * An issued report's SHA-256 is in the assessment's register (and its log): a report of the same
 * name, type, format and head that hashes otherwise is not the one that was issued, whatever its
 * manifest says.
 */
function againstRegister(a: Assessment, manifest: ReportManifest): ReportCheck {
  const m = manifest.report;
  const same = listIssuedReports(a).filter((r) => r.fileName === m.fileName && r.type === m.type && r.format === m.format && r.head.count === manifest.assessment.head.count);
  const issued = same.find((r) => r.sha256 === m.sha256);
  if (issued) return { name: 'issued', ok: true, detail: `the assessment's register records it as ${issued.id}, issued ${issued.issuedAt} with this SHA-256` };
  if (same.length)
    return { name: 'issued', ok: false, detail: `the assessment's register records ${same[0]!.id} (${m.fileName}, head ${same[0]!.head.count}) with SHA-256 ${same[0]!.sha256}; this report's manifest says ${m.sha256}: it is not the report that was issued` };
  return { name: 'issued', ok: true, detail: 'not in the assessment\'s register of issued reports (generated only)' };
}

function againstAssessment(file: string, manifest: ReportManifest): ReportCheck[] {
  const a = openForReading(file);
  try {
    const summary = a.summary();
    if (summary.id !== manifest.assessment.id)
      return [{ name: 'assessment', ok: false, detail: `${file} is assessment ${summary.id} (${summary.name}); the report was made from ${manifest.assessment.id} (${manifest.assessment.name})` }];
    const checks: ReportCheck[] = [{ name: 'assessment', ok: true, detail: `${file} is the assessment the report was made from (${summary.name})` }];
    const head = manifest.assessment.head;
    const replayed = replayedAtHead(a, head);
    if ('problem' in replayed) return [...checks, { name: 'head', ok: false, detail: replayed.problem }];
    const at = summarise(replayed.state);
    const current = a.head().count;
    checks.push({ name: 'head', ok: true, detail: `entry ${head.count} is on the assessment's intact chain${current > head.count ? ` (${current - head.count} ${current - head.count === 1 ? 'entry was' : 'entries were'} added since)` : ' (its current head)'}` });
    const figures = Object.entries(manifest.assessment.figures).find(([k, v]) => at.figures[k] !== v) ?? Object.entries(at.figures).find(([k]) => !(k in manifest.assessment.figures));
    const state = at.stateSha256 === manifest.assessment.stateSha256;
    checks.push({
      name: 'state',
      ok: state && !figures,
      detail: figures
        ? `replaying the log up to entry ${head.count} gives ${figures[0]} = ${at.figures[figures[0]] ?? 0}; the report's manifest says ${manifest.assessment.figures[figures[0]] ?? 0}`
        : state
          ? `replaying the log up to entry ${head.count} rebuilds the state the report was made from (state SHA-256 ${at.stateSha256})`
          : `replaying the log up to entry ${head.count} gives state SHA-256 ${at.stateSha256}; the manifest says ${manifest.assessment.stateSha256}: the report was made from a file that differed from its log`,
    });
    checks.push(evidenceAtHead(replayed.state, manifest));
    checks.push(againstRegister(a, manifest));
    return checks;
  } finally {
    a.close();
  }
}
