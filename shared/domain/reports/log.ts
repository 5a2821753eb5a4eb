import { z } from 'zod';
import type { LoggedDomain } from '../logged/domain';
import { reportFormats, reportTitles, reportTypes } from '../../reports/model';

/**
 * Issued reports in the log: issuing records the report's SHA-256, size and the head it cites;
 * replay rebuilds the register row from the entry (its time and actor are the entry's).
 */
export const reportTables = ['issued_report'] as const;

export const IssuedReportRecord = z
  .object({
    type: z.enum(reportTypes),
    format: z.enum(reportFormats),
    fileName: z.string().min(1).max(500),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(0),
    head: z.object({ count: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
    label: z.string(),
    audience: z.string(),
  })
  .strict();
export type IssuedReportRecord = z.infer<typeof IssuedReportRecord>;

/** The register row as stored and as replay rebuilds it. */
export function issuedRow(r: IssuedReportRecord, at: string, actor: string) {
  return {
    type: r.type,
    format: r.format,
    file_name: r.fileName,
    sha256: r.sha256,
    size: r.size,
    head_count: r.head.count,
    head_hash: r.head.hash,
    label: r.label,
    audience: r.audience,
    issued_at: at,
    issued_by: actor,
  };
}

const IssuePayload = z.object({ report: IssuedReportRecord });

export const reportsDomain: LoggedDomain = {
  tables: reportTables,
  commands: {
    'reports.issue': {
      label: 'Report issued',
      payload: IssuePayload,
      apply(state, entry, p: z.infer<typeof IssuePayload>) {
        if (state.issued_report!.has(entry.entityId)) return `entry ${entry.seq} issues report ${entry.entityId} a second time`;
        state.issued_report!.set(entry.entityId, issuedRow(p.report, entry.at, entry.actor));
        return undefined;
      },
      describe(e) {
        const r = IssuedReportRecord.safeParse((e.payload as { report?: unknown } | null)?.report);
        if (!r.success) return { item: e.entityId, change: '' };
        return { item: `${e.entityId} ${reportTitles[r.data.type]} (${r.data.format})`, change: `${r.data.fileName}, SHA-256 ${r.data.sha256.slice(0, 12)}…, cites head ${r.data.head.count}` };
      },
    },
  },
};
