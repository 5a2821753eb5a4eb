import { useEffect, useState } from 'react';
import type { CheckReport } from '../../../shared/command-groups/checks';
import { checkSeverities, type CheckSeverity } from '../../../shared/domain/checks';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { useApp } from '../store';
import { FindingList } from './dashboard/FindingList';

const labels: Record<CheckSeverity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

/** The standing list of what an auditor would find; `assay check` prints the same list. */
export function ChecksView() {
  const current = useApp((s) => s.current)!;
  const [report, setReport] = useState<CheckReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Record<CheckSeverity, boolean>>({ error: true, warning: true, info: true });

  useEffect(() => {
    api.invoke('assessment.check', { file: current.file }).then(
      (r) => (setReport(r), setError(null)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [current.file, current.counts, current.head.count]);

  return (
    <section className="panel checks-view" aria-labelledby="checks-title">
      <h2 id="checks-title">Consistency checks</h2>
      <p className="muted">
        What an auditor would find, errors first. Each finding names the place to fix it. <code>assay check</code> prints the same list and exits 1 while
        any error remains.
      </p>
      <ErrorNotice message={error} />
      <fieldset className="filter-row">
        <legend>Show</legend>
        {checkSeverities.map((s) => (
          <label key={s} className="check-inline">
            <input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} /> {labels[s]} ({report?.counts[s] ?? 0})
          </label>
        ))}
      </fieldset>
      {report && <FindingList findings={report.findings.filter((f) => shown[f.severity])} empty="Nothing to show." />}
    </section>
  );
}
