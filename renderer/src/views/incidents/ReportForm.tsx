import { type FormEvent, useId, useState } from 'react';
import { FormActions } from '../../components/RegisterFields';
import type { IncidentRow } from '../../../../shared/domain/incident-register/register';
import { useIncidents } from '../../incidents-store';

/** Records that an incident's report was sent, with a reference to the report as evidence. */
export function ReportForm({ incident, onDone }: { incident: IncidentRow; onDone: () => void }) {
  const update = useIncidents((s) => s.update);
  const [reportedOn, setReportedOn] = useState(incident.reportedOn ?? '');
  const [evidence, setEvidence] = useState(incident.reportEvidence.join(', '));
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const reportEvidence = evidence.split(/[\s,;]+/).filter(Boolean);
    if (await update(incident.id, { reportedOn, reportEvidence })) onDone();
  }

  return (
    <form className="panel report-form" onSubmit={submit} aria-label={`Report sent for ${incident.id}`}>
      <h2>Report sent for {incident.id}</h2>
      <div className="field-grid">
        <label htmlFor={`${id}-on`}>Sent on</label>
        <input id={`${id}-on`} type="date" value={reportedOn} onChange={(e) => setReportedOn(e.target.value)} required />
        <label htmlFor={`${id}-evidence`}>Report evidence</label>
        <input id={`${id}-evidence`} value={evidence} onChange={(e) => setEvidence(e.target.value)} aria-describedby={`${id}-hint`} />
        <span id={`${id}-hint`} className="muted small hint">
          Evidence ids or the SHA-256 of the report, separated by commas
        </span>
      </div>
      <FormActions submit="Save" disabled={!reportedOn} onCancel={onDone} />
    </form>
  );
}
