import { type FormEvent, useEffect, useId, useState } from 'react';
import { controlTypes, relationships } from '../../../../shared/catalog/schema';
import type { ControlType, Relationship } from '../../../../shared/catalog/schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useOwnControls } from '../../own-controls-store';
import { useApp } from '../../store';
import { lines } from '../../text-lines';

function Field({ label, children, id }: { label: string; children: React.ReactNode; id: string }) {
  return (
    <div className="own-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function AddControlForm() {
  const add = useOwnControls((s) => s.add);
  const empty = { id: '', name: '', objective: '', type: 'organisational' as ControlType, guidance: '', evidence: '' };
  const [f, setF] = useState(empty);
  const id = useId();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await add({ id: f.id.trim(), name: f.name, objective: f.objective, type: f.type, guidance: f.guidance, evidence: lines(f.evidence) })) setF(empty);
  }
  return (
    <form className="panel own-form" onSubmit={submit} aria-label="Add own control">
      <h3>Add a control</h3>
      <div className="field-row">
        <Field label="Id (e.g. ORG-01)" id={`${id}-id`}>
          <input id={`${id}-id`} value={f.id} onChange={(e) => setF({ ...f, id: e.target.value.toUpperCase() })} required spellCheck={false} />
        </Field>
        <Field label="Type" id={`${id}-type`}>
          <select id={`${id}-type`} value={f.type} onChange={(e) => setF({ ...f, type: e.target.value as ControlType })}>
            {controlTypes.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Name" id={`${id}-name`}>
        <input id={`${id}-name`} value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required />
      </Field>
      <Field label="Objective" id={`${id}-obj`}>
        <textarea id={`${id}-obj`} rows={2} value={f.objective} onChange={(e) => setF({ ...f, objective: e.target.value })} required />
      </Field>
      <Field label="Guidance" id={`${id}-g`}>
        <textarea id={`${id}-g`} rows={2} value={f.guidance} onChange={(e) => setF({ ...f, guidance: e.target.value })} />
      </Field>
      <Field label="Expected evidence, one a line" id={`${id}-ev`}>
        <textarea id={`${id}-ev`} rows={2} value={f.evidence} onChange={(e) => setF({ ...f, evidence: e.target.value })} />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={!f.id.trim() || !f.name.trim() || !f.objective.trim()}>
        Add control
      </button>
    </form>
  );
}

function MapForm() {
  const map = useOwnControls((s) => s.map);
  const catalog = useApp((s) => s.catalog);
  const [f, setF] = useState({ control: '', kind: 'requirement' as 'requirement' | 'threat', target: '', relationship: 'equal' as Relationship, rationale: '' });
  const [saving, setSaving] = useState(false);
  const id = useId();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const target = f.kind === 'requirement' ? { requirement: f.target.trim(), relationship: f.relationship } : { threat: f.target };
    setSaving(true);
    const saved = await map({ control: f.control, rationale: f.rationale, ...target });
    setSaving(false);
    if (saved) setF((now) => ({ ...now, target: '', rationale: '' }));
  }
  return (
    <form className="panel own-form" onSubmit={submit} aria-label="Map a control">
      <h3>Map a control</h3>
      <p className="small muted">Any control, own or from the catalog, to a requirement of any framework (imported ones too) or to a threat.</p>
      <Field label="Control" id={`${id}-c`}>
        <select id={`${id}-c`} value={f.control} onChange={(e) => setF({ ...f, control: e.target.value })} required>
          <option value="">Choose a control…</option>
          {catalog?.controls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} {c.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend>Map it to</legend>
        {(['requirement', 'threat'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name={`${id}-kind`} checked={f.kind === k} onChange={() => setF({ ...f, kind: k, target: '' })} /> a {k}
          </label>
        ))}
      </fieldset>
      {f.kind === 'requirement' ? (
        <div className="field-row">
          <Field label="Requirement (framework-id:item-id)" id={`${id}-r`}>
            <input id={`${id}-r`} value={f.target} onChange={(e) => setF({ ...f, target: e.target.value })} placeholder="acme-ai-policy:AP-1.1" spellCheck={false} required />
          </Field>
          <Field label="Relationship" id={`${id}-rel`}>
            <select id={`${id}-rel`} value={f.relationship} onChange={(e) => setF({ ...f, relationship: e.target.value as Relationship })}>
              {relationships.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
        </div>
      ) : (
        <Field label="Threat" id={`${id}-t`}>
          <select id={`${id}-t`} value={f.target} onChange={(e) => setF({ ...f, target: e.target.value })} required>
            <option value="">Choose a threat…</option>
            {catalog?.threats.map((t) => (
              <option key={t.id} value={t.id}>
                {t.id} {t.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Rationale" id={`${id}-why`}>
        <textarea id={`${id}-why`} rows={2} value={f.rationale} onChange={(e) => setF({ ...f, rationale: e.target.value })} required />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={saving || !f.control || !f.target.trim() || !f.rationale.trim()}>
        {saving ? 'Mapping…' : 'Map'}
      </button>
    </form>
  );
}

function RetireButton({ control }: { control: string }) {
  const retire = useOwnControls((s) => s.retire);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  if (!asking)
    return (
      <button type="button" className="btn btn-quiet" onClick={() => setAsking(true)} aria-label={`Retire ${control}`}>
        Retire…
      </button>
    );
  return (
    <form className="reason-form" aria-label={`Retire ${control}`} onSubmit={async (e) => (e.preventDefault(), (await retire(control, reason)) && setAsking(false))}>
      <label htmlFor={id}>Reason</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
      <button type="submit" className="btn btn-primary" disabled={!reason.trim()}>
        Retire
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </form>
  );
}

/** The organisation's own controls beside the catalog's: add, map (to requirements and threats) and retire them. */
export function OwnControlsPanel() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { controls, mappings, error, notice, load, unmap } = useOwnControls();
  useEffect(() => {
    if (file) void load(file);
  }, [file, load]);
  return (
    <section className="own-controls" aria-label="Own controls">
      <h2>Own controls and mappings</h2>
      <ErrorNotice message={error} />
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {controls.length === 0 ? (
        <p className="muted">No own controls yet.</p>
      ) : (
        <table className="table" aria-label="Own controls list">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {controls.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.id}</td>
                <td>{c.name}</td>
                <td>{c.type}</td>
                <td>{c.retired ? `retired ${c.retired.at.slice(0, 10)}: ${c.retired.reason}` : 'active'}</td>
                <td>{!c.retired && !readOnly && <RetireButton control={c.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mappings.length > 0 && (
        <>
          <h3>Mappings you drew</h3>
          <ul className="mapping-list" aria-label="User mappings">
            {mappings.map((m) => (
              <li key={`${m.control}|${m.target}`}>
                <span className="mono">{m.control}</span> → <span className="mono">{m.target}</span>
                {m.relationship && ` (${m.relationship})`}: {m.rationale}{' '}
                {!readOnly && (
                  <button type="button" className="btn btn-quiet" onClick={() => void unmap(m.control, m.target)} aria-label={`Remove mapping ${m.control} to ${m.target}`}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {!readOnly && (
        <div className="own-forms">
          <AddControlForm />
          <MapForm />
        </div>
      )}
    </section>
  );
}
