import { implementationRate, controlStateLabels, controlStates } from '../../../shared/domain/control-state';
import { useApp } from '../store';

export function OverviewView() {
  const current = useApp((s) => s.current)!;
  const setView = useApp((s) => s.setView);
  const counts = current.counts;
  const rate = implementationRate(counts);

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
      <p>
        <button type="button" className="btn" onClick={() => setView('controls')}>
          Review controls
        </button>
      </p>
    </div>
  );
}
