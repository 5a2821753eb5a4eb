import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Assessment } from '../store/assessment';
import { openForReading } from '../store/open';
import { currentState, replayedAtHead } from './state';
import { APP_VERSION } from '../version';
import { generateReport } from './generate';
import { type ReportCheck, type ReportVerification, readManifest, verdict } from './verify-report';
import { manifestPathOf } from './write';

/**
 * The report's content against the assessment: the report made again from the assessment with
 * the options, clock and author its manifest records. Reports are deterministic, so an honest one
 * comes out byte for byte; one edited together with its manifest (a figure changed, its SHA-256
 * recomputed) does not. Possible when the file's tables are the state at the head the report
 * cites: the head is the current one, or every entry since only issued reports (issuing one adds
 * an entry at once), which this connection then does not see (see asAtHead); and when the same
 * Assay and catalog versions made it. Otherwise the check says why it was not made. Seconds for a
 * large report: the command line runs it, after the manifest checks.
 */
export async function regeneratedCheck(report: string, file: string): Promise<ReportCheck> {
  const manifest = readManifest(manifestPathOf(report), report);
  const a = openForReading(file);
  let bytes: Buffer;
  try {
    const summary = a.summary();
    const head = a.head();
    const notChecked = (why: string): ReportCheck => ({ name: 'content', ok: true, warning: true, detail: `not compared: ${why}` });
    if (summary.id !== manifest.assessment.id) return notChecked('another assessment');
    const cited = manifest.assessment.head;
    if (head.count < cited.count) return notChecked(`the report cites entry ${cited.count}; the assessment has ${head.count}`);
    const since = head.count > cited.count ? asAtHead(a, cited) : [];
    if (since === null)
      return notChecked(`the assessment has changed since entry ${cited.count}, which the report cites; its content is made again only from the file as it was then (a backup of that time)`);
    if (a.head().hash !== cited.hash) return notChecked(`entry ${cited.count} of the assessment is not the one the report cites`);
    if (currentState(a).stateSha256 !== manifest.assessment.stateSha256) return notChecked(`the file's tables at entry ${cited.count} are not the state the report's manifest records`);
    if (manifest.assayVersion !== APP_VERSION) return notChecked(`Assay ${manifest.assayVersion} made it, this is Assay ${APP_VERSION}`);
    if (manifest.catalogVersion !== summary.catalogVersion) return notChecked(`it was made with catalog ${manifest.catalogVersion}, the assessment now has ${summary.catalogVersion}`);
    const r = manifest.report;
    const options = { type: r.type, format: r.format, paper: r.paper, label: r.label, audience: r.audience, frameworks: r.frameworks, systems: r.systems };
    try {
      bytes = (await generateReport(a, options, { actor: manifest.generatedBy, now: manifest.generatedAt })).bytes;
    } catch (error) {
      return { name: 'content', ok: false, detail: `the report cannot be made again from the assessment with its manifest's options: ${(error as Error).message}` };
    }
  } finally {
    a.close();
  }
  const again = createHash('sha256').update(bytes).digest('hex');
  const actual = createHash('sha256').update(readFileSync(report)).digest('hex');
  return again === actual
    ? { name: 'content', ok: true, detail: `made again from the assessment at entry ${manifest.assessment.head.count}, with the manifest's options and time, it comes out byte for byte as ${basename(report)}` }
    : {
        name: 'content',
        ok: false,
        detail: `made again from the assessment at entry ${manifest.assessment.head.count}, with the manifest's options and time, it hashes to ${again}; ${basename(report)} hashes to ${actual}: its content is not what the assessment gives (edited, or written with another manifest)`,
      };
}

/**
 * When every entry after the cited head issued a report, this connection is made to see the file
 * as it was at that head: temporary views, which SQLite resolves before the file's own tables,
 * hide those entries, the register rows they added and the people who first appeared in them (a
 * new issuer). Nothing is written to the file. Returns the entries hidden, or null when a later
 * entry changed anything else.
 */
function asAtHead(a: Assessment, cited: { count: number; hash: string }): string[] | null {
  const later = a.db.prepare('SELECT command, entity_id AS id FROM audit_log WHERE seq > ? ORDER BY seq').all(cited.count) as { command: string; id: string }[];
  if (later.some((e) => e.command !== 'reports.issue')) return null;
  const replayed = replayedAtHead(a, cited);
  if ('problem' in replayed) return null;
  const quoted = (ids: Iterable<string>) => [...ids].map((id) => `'${id.replace(/'/g, "''")}'`).join(', ');
  a.db.exec(`CREATE TEMP VIEW audit_log AS SELECT * FROM main.audit_log WHERE seq <= ${Number(cited.count)}`);
  a.db.exec(`CREATE TEMP VIEW issued_report AS SELECT * FROM main.issued_report WHERE id NOT IN (${quoted(later.map((e) => e.id))})`);
  a.db.exec(`CREATE TEMP VIEW person AS SELECT * FROM main.person WHERE id IN (${quoted((replayed.state as Record<string, Map<string, unknown>>).person?.keys() ?? [])})`);
  return later.map((e) => e.id);
}

/** The verification with one more check, judged as verifyReport judges. */
export const withCheck = (v: ReportVerification, check: ReportCheck): ReportVerification => verdict(v.report, v.manifest, [...v.checks, check]);
