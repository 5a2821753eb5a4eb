import { type FormEvent, useId, useState } from 'react';
import { FormActions, SystemSelect } from '../../components/RegisterFields';
import type { IncidentRegister } from '../../../../shared/domain/incident-register/register';
import { dateWithDaysLeft } from '../../../../shared/register-words';
import { useIncidents } from '../../incidents-store';
import { useSystems } from '../../systems-store';

function PlanForm({ onDone }: { onDone: () => void }) {
  const setPlan = useIncidents((s) => s.setPlan);
  const systems = useSystems((s) => s.systems);
  const providers = systems.filter((x) => x.roles.includes('provider'));
  const [system, setSystem] = useState(providers[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [reference, setReference] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await setPlan(system, { title, reference, reviewDate })) onDone();
  }

  return (
    <form className="panel plan-form" onSubmit={submit} aria-label="Set monitoring plan">
      <div className="field-grid">
        <SystemSelect id={`${id}-system`} systems={providers} value={system} onChange={setSystem} />
        <label htmlFor={`${id}-title`}>Plan title</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
        <label htmlFor={`${id}-reference`}>Where it is</label>
        <input id={`${id}-reference`} value={reference} onChange={(e) => setReference(e.target.value)} placeholder="evidence id, document number or link" required />
        <label htmlFor={`${id}-review`}>Review by</label>
        <input id={`${id}-review`} type="date" value={reviewDate} onChange={(e) => setReviewDate(e.target.value)} required />
      </div>
      <FormActions submit="Save plan" disabled={!system || !title.trim() || !reference.trim() || !reviewDate} onCancel={onDone} />
    </form>
  );
}

/** The post-market monitoring plan (Art. 72) of each system the organisation provides. */
export function PlansPanel({ register, readOnly }: { register: IncidentRegister; readOnly: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="plans" aria-labelledby="plans-title">
      <div className="toolbar">
        <h2 id="plans-title">Post-market monitoring plans (Art. 72)</h2>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Set plan…
          </button>
        )}
      </div>
      {editing && <PlanForm onDone={() => setEditing(false)} />}
      <ul className="plan-list">
        {register.plans.map((p) => (
          <li key={p.systemId}>
            <strong>
              {p.systemId} {p.systemName}
            </strong>
            : {p.title} ({p.reference}); <span className={p.reviewOverdue ? 'bad' : undefined}>review {dateWithDaysLeft(p.reviewDate, register.today)}</span>
          </li>
        ))}
        {register.providerSystemsWithoutPlan.map((s) => (
          <li key={s.id} className="bad">
            <strong>
              {s.id} {s.name}
            </strong>
            : no plan yet (the organisation provides this system)
          </li>
        ))}
        {register.plans.length === 0 && register.providerSystemsWithoutPlan.length === 0 && <li className="muted">No system provided by the organisation.</li>}
      </ul>
    </section>
  );
}
