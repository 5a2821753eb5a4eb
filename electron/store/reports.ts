import type Database from 'better-sqlite3';
import type { TableRows } from '../../shared/domain/replay';
import { type IssuedReportRecord, issuedRow } from '../../shared/domain/reports/log';
import type { ReportFormat, ReportType } from '../../shared/reports/model';
import type { Assessment } from './assessment';
import { nameResolver } from './people';
import { rowsOf } from './record-tables';

/** The register of issued reports: recorded by `issue`, listed by the app and `assay reports`. */

export interface IssuedReport {
  id: string;
  type: ReportType;
  format: ReportFormat;
  fileName: string;
  sha256: string;
  size: number;
  head: { count: number; hash: string };
  label: string;
  audience: string;
  issuedAt: string;
  issuedBy: string | null;
}

export function readReportTables(db: Database.Database): Record<string, TableRows> {
  return { issued_report: rowsOf(db, 'SELECT * FROM issued_report', 'id') };
}

interface Row {
  id: string;
  type: ReportType;
  format: ReportFormat;
  file_name: string;
  sha256: string;
  size: number;
  head_count: number;
  head_hash: string;
  label: string;
  audience: string;
  issued_at: string;
  issued_by: string;
}

export function listIssuedReports(a: Assessment): IssuedReport[] {
  const name = nameResolver(a.db);
  return (a.db.prepare('SELECT * FROM issued_report ORDER BY issued_at, id').all() as Row[]).map((r) => ({
    id: r.id,
    type: r.type,
    format: r.format,
    fileName: r.file_name,
    sha256: r.sha256,
    size: r.size,
    head: { count: r.head_count, hash: r.head_hash },
    label: r.label,
    audience: r.audience,
    issuedAt: r.issued_at,
    issuedBy: name(r.issued_by),
  }));
}

/** Records an issued report with its audit entry, in one transaction. */
export function issueReport(a: Assessment, report: IssuedReportRecord, actor: string): IssuedReport {
  const id = a.write((at) => {
    const row = a.db.prepare("SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM issued_report WHERE id LIKE 'RPT-%'").get() as { n: number | null };
    const next = `RPT-${String((row.n ?? 0) + 1).padStart(3, '0')}`;
    const entry = a.audit({ at, actor, command: 'reports.issue', entity: 'report', entityId: next, payload: { report } });
    a.db
      .prepare(
        `INSERT INTO issued_report (id, type, format, file_name, sha256, size, head_count, head_hash, label, audience, issued_at, issued_by)
         VALUES (@id, @type, @format, @file_name, @sha256, @size, @head_count, @head_hash, @label, @audience, @issued_at, @issued_by)`,
      )
      .run({ id: next, ...issuedRow(report, at, entry.actor) });
    return next;
  });
  return listIssuedReports(a).find((r) => r.id === id)!;
}
