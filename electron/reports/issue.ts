import { readFileSync } from 'node:fs';
import { AssayError } from '../../shared/errors';
import { ReportManifest } from '../../shared/reports/manifest';
import type { IssuedReport } from '../store/reports';
import { issueReport } from '../store/reports';
import type { Assessment } from '../store/assessment';
import { verifyReport } from './verify-report';
import { manifestPathOf } from './write';

/**
 * Issues a report already written: only once it checks out against this assessment (its bytes, the
 * head it cites on the chain, the state at that head), so the register never vouches for a report
 * that was changed or made elsewhere. Several reports generated together and issued afterwards all
 * cite the same head, as an auditor comparing the set expects.
 */
export function issueWrittenReport(a: Assessment, report: string, actor: string): IssuedReport {
  const check = verifyReport(report, { assessment: a.file });
  if (!check.ok) throw new AssayError('refused', `${report}: not issued, it does not check out against ${a.file}: ${check.message}`);
  const m = ReportManifest.parse(JSON.parse(readFileSync(manifestPathOf(report), 'utf8')));
  const r = m.report;
  return issueReport(a, { type: r.type, format: r.format, fileName: r.fileName, sha256: r.sha256, size: r.size, head: m.assessment.head, label: r.label, audience: r.audience }, actor);
}
