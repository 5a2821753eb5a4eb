import { useEffect, useMemo, useState } from 'react';
import type { Dashboard } from '../../../../shared/command-groups/dashboard';
import { controlsByStateOption, coverageByFrameworkOption, coverageBySystemOption, satisfiedShare } from '../../../../shared/charts/dashboard-charts';
import { implementationRate } from '../../../../shared/domain/control-state';
import { countOf } from '../../../../shared/plural';
import { formatDateTime, localTimeZone } from '../../../../shared/format-date';
import { api } from '../../api';
import { EChart } from '../../components/EChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RiskHeatMap } from '../../components/RiskHeatMap';
import { useApp } from '../../store';
import { FindingList, openControl } from './FindingList';

/** One screen that answers "where do we stand?". */
export function DashboardView() {
  const current = useApp((s) => s.current)!;
  const setView = useApp((s) => s.setView);
  const counts = current.counts;
  const rate = implementationRate(counts);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.invoke('assessment.dashboard', { file: current.file }).then(
      (d) => (setData(d), setError(null)),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [current.file, counts, current.head.count]);

  const coverageOption = useMemo(() => (data ? coverageByFrameworkOption(data.status.coverage) : null), [data]);
  const stateOption = useMemo(() => controlsByStateOption(counts), [counts]);
  const systemOption = useMemo(() => {
    if (!data || data.status.systemCoverage.length === 0) return null;
    const frameworks = data.status.coverage.map((f) => f.name);
    const rows = data.status.systemCoverage.map((s) => ({
      system: s.name,
      satisfied: Object.fromEntries(frameworks.map((name) => [name, null as number | null]).concat(s.frameworks.map((f) => [f.name, satisfiedShare(f)]))),
    }));
    return { option: coverageBySystemOption(rows, frameworks), height: 110 + rows.length * 36 };
  }, [data]);

  return (
    <div className="dashboard">
      <ErrorNotice message={error} />
      <div className="dash-figures">
        <section className="panel figure-panel" aria-labelledby="progress-heading">
          <h2 id="progress-heading">Control implementation</h2>
          <p className="big-figure">{rate === null ? '—' : `${Math.round(rate * 100)}%`}</p>
          <p className="muted">
            of applicable controls implemented ({counts.implemented} of {counts.total - counts.not_applicable})
          </p>
        </section>
        <section className="panel figure-panel" aria-labelledby="checks-heading">
          <h2 id="checks-heading">Consistency checks</h2>
          {data && (
            <p className="check-counts">
              <span className="count count-error">{countOf(data.checks.counts.error, 'error')}</span>
              <span className="count count-warning">{countOf(data.checks.counts.warning, 'warning')}</span>
              <span className="count count-info">{countOf(data.checks.counts.info, 'note')}</span>
            </p>
          )}
          <button type="button" className="btn btn-small" onClick={() => setView('checks')}>
            All findings
          </button>
        </section>
        <section className="panel figure-panel" aria-labelledby="systems-heading">
          <h2 id="systems-heading">AI systems</h2>
          {data && (
            <p>
              <span className="big-figure">{data.status.systems.total}</span>{' '}
              <span className="muted">
                {data.status.systems.classified} classified, {data.status.systems.highRisk} high-risk
                {data.status.systems.prohibited ? `, ${data.status.systems.prohibited} prohibited` : ''}
              </span>
            </p>
          )}
          <button type="button" className="btn btn-small" onClick={() => setView('systems')}>
            Open the inventory
          </button>
        </section>
      </div>

      <div className="dash-charts">
        <section className="panel" aria-labelledby="coverage-heading">
          <h2 id="coverage-heading">Requirement coverage</h2>
          {coverageOption && data && (
            <EChart option={coverageOption} height={80 + data.status.coverage.length * 34} label="Requirement coverage by framework" testId="chart-coverage" />
          )}
          <details>
            <summary>How coverage is derived</summary>
            <p className="muted">{data?.status.coverageRule}</p>
          </details>
        </section>
        <section className="panel" aria-labelledby="states-heading">
          <h2 id="states-heading">Controls by state</h2>
          <EChart option={stateOption} height={280} label="Controls by state" testId="chart-states" />
        </section>
      </div>

      {systemOption && (
        <section className="panel" aria-labelledby="system-coverage-heading">
          <h2 id="system-coverage-heading">Coverage per AI system</h2>
          <p className="muted small">Share of each framework’s applicable requirements satisfied for the system: its own control entries, else the organisation’s.</p>
          <EChart option={systemOption.option} height={systemOption.height} label="Coverage per AI system" testId="chart-systems" />
        </section>
      )}

      <section className="panel" aria-labelledby="risk-map-heading">
        <h2 id="risk-map-heading">Risk heat map</h2>
        {data && data.risks.total === 0 && <p className="muted">No risks in the register yet.</p>}
        {data && data.risks.total > 0 && <RiskHeatMap maps={data.risks.heatMap} />}
        <button type="button" className="btn btn-small" onClick={() => setView('risks')}>
          Open the risk register
        </button>
      </section>

      <div className="dash-lists">
        <section className="panel" aria-labelledby="gaps-heading">
          <h2 id="gaps-heading">Top gaps: what to implement next</h2>
          {data && data.topGaps.length === 0 && <p className="muted">No open gap has a control that would close it.</p>}
          <ol className="gap-list">
            {data?.topGaps.map((g) => (
              <li key={g.control}>
                <button type="button" className="link-button" onClick={() => openControl(g.control)}>
                  {g.control} {g.name}
                </button>
                <span className="muted small">
                  {' '}
                  closes {g.closesAlone} requirement{g.closesAlone === 1 ? '' : 's'} alone
                  {g.inSets ? `, completes sets for ${g.inSets}` : ''}
                  {g.partly ? `, partly covers ${g.partly}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">Overdue</h2>
          {data && <FindingList findings={data.checks.overdue} empty="Nothing is overdue." />}
        </section>
        <section className="panel" aria-labelledby="findings-heading">
          <h2 id="findings-heading">What an auditor would find first</h2>
          {data && <FindingList findings={data.checks.top} empty="Nothing an auditor would flag." />}
        </section>
        <section className="panel" aria-labelledby="expiring-heading">
          <h2 id="expiring-heading">Evidence expiring soon</h2>
          {data && data.evidenceExpiring.length === 0 && <p className="muted">No evidence expires in the next 60 days.</p>}
          <ul className="recent-activity">
            {data?.evidenceExpiring.map((e) => (
              <li key={e.id}>
                <strong>{e.id}</strong> {e.title}{' '}
                <span className={e.daysLeft < 0 ? 'bad' : 'muted'}>
                  {e.daysLeft < 0 ? `expired ${-e.daysLeft} days ago` : e.daysLeft === 0 ? 'expires today' : `valid until ${e.validUntil} (${e.daysLeft} days)`}
                </span>
                <span className="muted small"> · {e.links} links</span>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => setView('evidence')}>
            Open the evidence vault
          </button>
        </section>
        <section className="panel" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent activity</h2>
          <ul className="recent-activity">
            {data?.recent.map((r) => (
              <li key={r.seq}>
                <span className="muted small">{formatDateTime(r.at, localTimeZone())}</span> <strong>{r.label}</strong> {r.item}
                {r.change ? <span className="muted"> · {r.change}</span> : null} <span className="muted small">by {r.actorName}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={() => setView('audit')}>
            Open the audit log
          </button>
        </section>
      </div>
    </div>
  );
}
