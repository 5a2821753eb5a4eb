import { useEffect, useId, useState } from 'react';
import type { FindingFilter } from '../../../shared/domain/findings/model';
import { findingStatusLabels } from '../../../shared/domain/findings/model';
import { type FindingSeverity, type FindingStatus, findingSeverities, findingStatuses } from '../../../shared/imports/finding-data';
import { visibleText } from '../../../shared/imports/visible-text';
import { ErrorNotice } from '../components/ErrorNotice';
import { useFindings } from '../findings-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { FindingDetail } from './findings/FindingDetail';
import { LifecycleForm } from './findings/LifecycleForm';
import { PlanOfAction } from './findings/PlanOfAction';

function Filters({ filter }: { filter: FindingFilter }) {
  const systems = useSystems((s) => s.systems);
  // The threats the findings demonstrate (the plan lists every finding, whatever the filter).
  const plan = useFindings((s) => s.plan);
  const threats = [...new Map(plan.filter((i) => i.threatId).map((i) => [i.threatId!, { id: i.threatId!, name: i.threatName ?? '' }])).values()].sort((x, y) => x.id.localeCompare(y.id));
  const setFilter = useFindings((s) => s.setFilter);
  const id = useId();
  const set = (patch: Partial<FindingFilter>) => {
    const next = { ...filter, ...patch };
    setFilter(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as FindingFilter);
  };
  return (
    <div className="finding-filters" role="group" aria-label="Filter findings">
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} value={filter.status?.[0] ?? ''} onChange={(e) => set({ status: e.target.value ? [e.target.value as FindingStatus] : undefined })}>
        <option value="">Any</option>
        {findingStatuses.map((s) => (
          <option key={s} value={s}>
            {findingStatusLabels[s]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-severity`}>Severity</label>
      <select id={`${id}-severity`} value={filter.severity?.[0] ?? ''} onChange={(e) => set({ severity: e.target.value ? [e.target.value as FindingSeverity] : undefined })}>
        <option value="">Any</option>
        {findingSeverities.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-system`}>System</label>
      <select id={`${id}-system`} value={filter.system ?? ''} onChange={(e) => set({ system: e.target.value || undefined })}>
        <option value="">Any</option>
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-threat`}>Threat</label>
      <select id={`${id}-threat`} value={filter.threat ?? ''} onChange={(e) => set({ threat: e.target.value || undefined })}>
        <option value="">Any</option>
        {threats.map((t) => (
          <option key={t.id} value={t.id}>
            {t.id} {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FindingsView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { findings, plan, filter, selectedId, error, select } = useFindings();
  const [changing, setChanging] = useState(false);

  useEffect(() => {
    if (!file) return;
    void useFindings.getState().load(file);
    void useSystems.getState().load(file);
  }, [file]);

  const selected = findings.find((f) => f.id === selectedId) ?? null;
  const choose = (id: string) => {
    select(id);
    setChanging(false);
  };
  return (
    <div className="findings">
      <div className="toolbar">
        <p className="muted">Findings from red-team runs and scanners, with who fixes them and by when. Import results with assay import.</p>
      </div>
      <ErrorNotice message={error} />
      <PlanOfAction items={plan} onSelect={choose} />
      <Filters filter={filter} />
      <div className="split">
        <table className="table finding-table">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Finding</th>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {findings.map((f) => (
              <tr key={f.id} className={f.id === selectedId ? 'selected' : undefined} aria-selected={f.id === selectedId}>
                <td className="mono">{f.id}</td>
                <td>
                  <button type="button" className="link" onClick={() => choose(f.id)}>
                    {visibleText(f.title)}
                  </button>
                  <span className="block small muted">
                    {f.systemName ?? 'no system'} · {f.threatId ? `${f.threatId} ${f.threatName ?? ''}` : 'no threat'}
                  </span>
                </td>
                <td>
                  <span className={`badge badge-finding-${f.severity}`}>{f.severity}</span>
                </td>
                <td className={f.overdue || f.acceptanceExpired ? 'bad' : undefined}>
                  {findingStatusLabels[f.status]}
                  {f.overdue ? ' (overdue)' : ''}
                </td>
              </tr>
            ))}
            {findings.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {Object.keys(filter).length ? 'No finding matches the filter.' : 'No findings yet.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {selected && (
          <div>
            {changing && <LifecycleForm key={selected.id} finding={selected} onDone={() => setChanging(false)} />}
            {!changing && <FindingDetail finding={selected} readOnly={readOnly} onChange={() => setChanging(true)} />}
          </div>
        )}
      </div>
    </div>
  );
}
