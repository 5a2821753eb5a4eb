import { type FormEvent, useId, useState } from 'react';
import { FormActions, SystemSelect } from '../../components/RegisterFields';
import { type IncidentSeverity, type SeriousCase, incidentSeverities, reportingRules, seriousCaseLabels, seriousCases } from '../../../../shared/domain/incidents';
import { useIncidents } from '../../incidents-store';
import { useSystems } from '../../systems-store';

/** Records an incident; ticking what made it serious gives it its Art. 73 deadline. */
export function IncidentForm({ onDone }: { onDone: () => void }) {
  const add = useIncidents((s) => s.add);
  const systems = useSystems((s) => s.systems);
  const [system, setSystem] = useState(systems[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [occurredOn, setOccurredOn] = useState('');
  const [awareOn, setAwareOn] = useState('');
  const [severity, setSeverity] = useState<IncidentSeverity>('medium');
  const [cases, setCases] = useState<SeriousCase[]>([]);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await add({
      system,
      title,
      awareOn,
      severity,
      cases,
      ...(description.trim() ? { description } : {}),
      ...(occurredOn ? { occurredOn } : {}),
    });
    if (ok) onDone();
  }

  const rule = reportingRules.find((r) => r.cases.some((c) => cases.includes(c)));
  return (
    <form className="panel incident-form" onSubmit={submit} aria-label="Record incident">
      <h2>Record incident</h2>
      <div className="field-grid">
        <SystemSelect id={`${id}-system`} systems={systems} value={system} onChange={setSystem} />
        <label htmlFor={`${id}-title`}>What happened</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor={`${id}-description`}>Details</label>
        <textarea id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
        <label htmlFor={`${id}-occurred`}>Happened on</label>
        <input id={`${id}-occurred`} type="date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
        <label htmlFor={`${id}-aware`}>Became aware on</label>
        <input id={`${id}-aware`} type="date" value={awareOn} onChange={(e) => setAwareOn(e.target.value)} required />
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select id={`${id}-severity`} value={severity} onChange={(e) => setSeverity(e.target.value as IncidentSeverity)}>
          {incidentSeverities.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>Serious incident under the EU AI Act? Tick what happened (none: not serious)</legend>
        {seriousCases.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={cases.includes(c)} onChange={() => setCases(cases.includes(c) ? cases.filter((x) => x !== c) : [...cases, c])} />{' '}
            {seriousCaseLabels[c]}
          </label>
        ))}
      </fieldset>
      <p className="muted small" role="status">
        {rule ? `Report within ${rule.days} days of awareness (${rule.basis}).` : 'Not a serious incident: no Art. 73 report.'}
      </p>
      <FormActions submit="Record incident" disabled={!title.trim() || !awareOn || !system} onCancel={onDone} />
    </form>
  );
}
