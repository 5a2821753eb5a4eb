import { useEffect, useMemo } from 'react';
import { controlTrendOption, groupFiguresOption } from '../../../shared/charts/human-risk-charts';
import type { ControlSummary } from '../../../shared/domain/human-risk/summary';
import { directionWords } from '../../../shared/domain/human-risk/words';
import { EChart } from '../components/EChart';
import { ErrorNotice } from '../components/ErrorNotice';
import { useHumanRisk } from '../human-risk-store';
import { useApp } from '../store';
import { SystemCorrelationCard } from './human-risk/SystemCorrelationCard';

const show = (value: number | null, unit: string) => (value === null ? '—' : unit === '%' ? `${value}%` : String(value));

function ControlFigures({ control }: { control: ControlSummary }) {
  const option = useMemo(() => controlTrendOption(control), [control]);
  const headingId = `hr-control-${control.control}`;
  return (
    <section className="panel hr-control" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {control.control} {control.name}
      </h3>
      {control.figures.length === 0 ? (
        <p className="muted">No figures for this control yet.</p>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">Figures on {control.control}</caption>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">Latest</th>
                <th scope="col">Month before</th>
                <th scope="col">Trend</th>
              </tr>
            </thead>
            <tbody>
              {control.figures.map((f) => (
                <tr key={f.metric}>
                  <th scope="row">{f.label}</th>
                  <td>
                    {show(f.latest, f.unit)} <span className="muted small">({f.latestPeriod})</span>
                  </td>
                  <td>{show(f.previous, f.unit)}</td>
                  <td className={f.direction ? `hr-trend-${f.direction}` : undefined}>{f.direction ? directionWords[f.direction] : <span className="muted">one month only</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <EChart option={option} height={220} label={`${control.control} figures per month`} testId={`chart-${control.control}`} />
        </>
      )}
    </section>
  );
}

/** Human risk: people's figures against the AI systems they own, operate and use, and on the human-risk controls. */
export function HumanRiskView() {
  const current = useApp((s) => s.current)!;
  const { summary, correlation, error, notice, load } = useHumanRisk();

  useEffect(() => {
    void load(current.file);
  }, [current.file, current.head.count, load]);

  const groupsOption = useMemo(() => (summary && summary.groups.length ? groupFiguresOption(summary.groups) : null), [summary]);

  return (
    <div className="human-risk">
      <h2>Human risk</h2>
      <p className="muted">
        Figures from awareness platforms (KnowBe4, Mimecast) on the people who own, operate and use each AI system. People are pseudonymised on import; groups are
        matched with each system's business unit and groups by name.
      </p>
      <ErrorNotice message={error} />
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {summary && summary.figures === 0 && (
        <p className="panel">No human-risk figures yet. Import a KnowBe4 or Mimecast export (assay import &lt;file&gt; &lt;export&gt;) to see them against your AI systems.</p>
      )}
      {correlation && summary && summary.figures > 0 && (
        <section aria-labelledby="hr-systems-heading" className="hr-section">
          <h2 id="hr-systems-heading">AI systems and the people who use them</h2>
          {correlation.systems.length === 0 && <p className="muted">No AI systems yet.</p>}
          {correlation.systems.map((s) => (
            <SystemCorrelationCard key={s.systemId} system={s} readOnly={current.readOnly} />
          ))}
        </section>
      )}
      {summary && summary.figures > 0 && (
        <>
          <section aria-labelledby="hr-controls-heading" className="hr-section">
            <h2 id="hr-controls-heading">Figures on the human-risk controls</h2>
            <p className="muted small">
              {summary.figures} figures on {summary.people} pseudonymised people and {summary.groups.length} groups, from {summary.sources.join(', ')}.
            </p>
            <div className="hr-controls">
              {summary.controls.map((c) => (
                <ControlFigures key={c.control} control={c} />
              ))}
            </div>
          </section>
          {groupsOption && (
            <section aria-labelledby="hr-groups-heading" className="hr-section panel">
              <h2 id="hr-groups-heading">Groups</h2>
              <EChart option={groupsOption} height={80 + summary.groups.length * 34} label="Phish-prone percentage and risk score per group" testId="chart-groups" />
            </section>
          )}
        </>
      )}
    </div>
  );
}
