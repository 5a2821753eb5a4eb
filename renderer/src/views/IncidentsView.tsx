import { useEffect, useState } from 'react';
import { reportStatusLabels, seriousCaseLabels } from '../../../shared/domain/incidents';
import type { IncidentRow } from '../../../shared/domain/incident-register/register';
import { daysLeftWords } from '../../../shared/register-words';
import { ErrorNotice } from '../components/ErrorNotice';
import { useIncidents } from '../incidents-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { IncidentForm } from './incidents/IncidentForm';
import { PlansPanel } from './incidents/PlansPanel';
import { ReportForm } from './incidents/ReportForm';

function ReportCell({ incident }: { incident: IncidentRow }) {
  const { report } = incident;
  if (report.status === 'not_required') return <span className="muted">not serious: no report</span>;
  const due = `${report.deadline!.dueOn} (${report.deadline!.basis})`;
  if (report.status === 'reported')
    return (
      <span>
        Reported <span className="nowrap">{incident.reportedOn}</span>
        {report.late && <strong className="bad"> late</strong>}
        <span className="block small muted">due {due}{incident.reportEvidence.length ? `; evidence ${incident.reportEvidence.map((e) => (e.length > 16 ? `${e.slice(0, 12)}…` : e)).join(', ')}` : ''}</span>
      </span>
    );
  return (
    <span className={report.status === 'overdue' ? 'bad' : 'warn'}>
      <strong>{reportStatusLabels[report.status]}</strong>: {daysLeftWords(report.daysLeft!)}
      <span className="block small">
        by <span className="nowrap">{due}</span>
      </span>
    </span>
  );
}

export function IncidentsView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { register, error } = useIncidents();
  const systems = useSystems((s) => s.systems);
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return;
    void useIncidents.getState().load(file);
    void useSystems.getState().load(file);
  }, [file]);

  const incidents = register?.incidents ?? [];
  const reportingIncident = incidents.find((i) => i.id === reporting) ?? null;
  return (
    <div className="incidents">
      <div className="toolbar">
        <p className="muted">Incidents per AI system. A serious incident must be reported within the Art. 73 deadline, counted from the day the organisation became aware.</p>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setAdding(!adding)} aria-expanded={adding} disabled={systems.length === 0}>
            Record incident…
          </button>
        )}
      </div>
      <ErrorNotice message={error} />
      {adding && <IncidentForm onDone={() => setAdding(false)} />}
      {reportingIncident && <ReportForm key={reportingIncident.id} incident={reportingIncident} onDone={() => setReporting(null)} />}
      <table className="table incident-table">
        <thead>
          <tr>
            <th scope="col">ID</th>
            <th scope="col">Incident</th>
            <th scope="col">System</th>
            <th scope="col">Severity</th>
            <th scope="col">Aware</th>
            <th scope="col">Serious because</th>
            <th scope="col">Art. 73 report</th>
            {!readOnly && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id}>
              <td className="mono">{i.id}</td>
              <td>{i.title}</td>
              <td>{i.systemName}</td>
              <td>{i.severity}</td>
              <td className="nowrap">{i.awareOn}</td>
              <td>{i.serious ? i.cases.map((c) => seriousCaseLabels[c]).join('; ') : <span className="muted">not serious</span>}</td>
              <td>
                <ReportCell incident={i} />
              </td>
              {!readOnly && (
                <td>
                  {i.serious && (
                    <button type="button" className="btn btn-small" onClick={() => setReporting(i.id)} aria-label={`Record the report sent for ${i.id}`}>
                      Report sent…
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
          {incidents.length === 0 && (
            <tr>
              <td colSpan={readOnly ? 7 : 8} className="muted">
                No incidents recorded.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {register && <PlansPanel register={register} readOnly={readOnly} />}
    </div>
  );
}
