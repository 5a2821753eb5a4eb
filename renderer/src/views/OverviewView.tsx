import { useEffect, useState } from 'react';
import type { AssessmentStatus } from '../../../shared/commands';
import { implementationRate, controlStateLabels, controlStates } from '../../../shared/domain/control-state';
import { api } from '../api';
import { useApp } from '../store';

/** Coverage per framework, derived from the control states; the rule is shown as it is applied. */
function CoveragePanel({ status }: { status: AssessmentStatus }) {
  return (
    <section className="panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Requirement coverage</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Satisfied</th>
            <th scope="col">Partly</th>
            <th scope="col">Not satisfied</th>
            <th scope="col">Not applicable</th>
            <th scope="col">Governance only</th>
          </tr>
        </thead>
        <tbody>
          {status.coverage.map((f) => (
            <tr key={f.framework}>
              <th scope="row">{f.name}</th>
              <td>{f.satisfied}</td>
              <td>{f.partly}</td>
              <td>{f.not_satisfied}</td>
              <td>{f.not_applicable}</td>
              <td>{f.governance_only}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>How coverage is derived</summary>
        <p className="muted">{status.coverageRule}</p>
      </details>
      <p className="muted small">
        AI systems: {status.systems.total} ({status.systems.classified} classified, {status.systems.highRisk} high-risk)
      </p>
    </section>
  );
}

export function OverviewView() {
  const current = useApp((s) => s.current)!;
  const setView = useApp((s) => s.setView);
  const counts = current.counts;
  const rate = implementationRate(counts);
  const [status, setStatus] = useState<AssessmentStatus | null>(null);
  useEffect(() => {
    void api.invoke('assessment.status', { file: current.file }).then(setStatus, () => setStatus(null));
  }, [current.file, counts]);

  return (
    <div className="overview">
      <section className="panel" aria-labelledby="progress-heading">
        <h2 id="progress-heading">Control implementation</h2>
        <p className="big-figure">{rate === null ? '—' : `${Math.round(rate * 100)}%`}</p>
        <p className="muted">of applicable controls implemented ({counts.implemented} of {counts.total - counts.not_applicable})</p>
        <div className="stacked-bar" role="img" aria-label={controlStates.map((s) => `${controlStateLabels[s]} ${counts[s]}`).join(', ')}>
          {controlStates.map((s) =>
            counts[s] > 0 ? <span key={s} className={`seg seg-${s}`} style={{ flexGrow: counts[s] }} /> : null,
          )}
        </div>
      </section>
      <div className="cards">
        {controlStates.map((s) => (
          <section key={s} className={`card card-${s}`} aria-label={controlStateLabels[s]}>
            <p className="card-figure">{counts[s]}</p>
            <p className="card-label">{controlStateLabels[s]}</p>
          </section>
        ))}
      </div>
      {status && <CoveragePanel status={status} />}
      <p>
        <button type="button" className="btn" onClick={() => setView('controls')}>
          Review controls
        </button>
      </p>
    </div>
  );
}
