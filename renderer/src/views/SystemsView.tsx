import { type FormEvent, useEffect, useId, useState } from 'react';
import { operatorRoleLabels } from '../../../shared/catalog/labels';
import { type OperatorRole, operatorRoles } from '../../../shared/catalog/schema';
import { type AiSystem, deployments, lifecycleStages, modelTypeLabels, modelTypes } from '../../../shared/domain/systems';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { ErrorNotice } from '../components/ErrorNotice';
import { InventoryDetails } from './systems/InventoryDetails';
import { ThreatsPanel } from './systems/ThreatsPanel';
import { ComponentsPanel } from './systems/ComponentsPanel';

const words = (s: string) => s.replace(/_/g, ' ');

function AddSystemForm({ onDone }: { onDone: () => void }) {
  const add = useSystems((s) => s.add);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [owner, setOwner] = useState('');
  const [roles, setRoles] = useState<OperatorRole[]>([]);
  const [deployment, setDeployment] = useState<(typeof deployments)[number]>('internal');
  const [lifecycle, setLifecycle] = useState<(typeof lifecycleStages)[number]>('production');
  const [types, setTypes] = useState<(typeof modelTypes)[number][]>([]);
  const [flags, setFlags] = useState({ interactsWithPeople: false, decidesAboutPeople: false, generatesSyntheticContent: false, publicBodyOrService: false });
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await add({
      name,
      roles,
      deployment,
      lifecycle,
      modelTypes: types,
      ...flags,
      ...(purpose.trim() ? { purpose } : {}),
      ...(owner.trim() ? { owner } : {}),
    });
    if (ok) onDone();
  }

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  return (
    <form className="panel system-form" onSubmit={submit} aria-label="Add AI system">
      <h2>Add AI system</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required />
      <label htmlFor={`${id}-purpose`}>Purpose</label>
      <input id={`${id}-purpose`} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      <label htmlFor={`${id}-owner`}>Owner</label>
      <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} />
      <fieldset>
        <legend>Our EU AI Act role for it</legend>
        {operatorRoles.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles(toggle(roles, r))} /> {operatorRoleLabels[r]}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <label>
          Deployment
          <select value={deployment} onChange={(e) => setDeployment(e.target.value as typeof deployment)}>
            {deployments.map((d) => (
              <option key={d} value={d}>
                {words(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Lifecycle
          <select value={lifecycle} onChange={(e) => setLifecycle(e.target.value as typeof lifecycle)}>
            {lifecycleStages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Model types</legend>
        {modelTypes.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={types.includes(t)} onChange={() => setTypes(toggle(types, t))} /> {modelTypeLabels[t]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>It…</legend>
        {(
          [
            ['interactsWithPeople', 'interacts with people'],
            ['decidesAboutPeople', 'makes or supports decisions about people'],
            ['generatesSyntheticContent', 'generates synthetic content'],
            ['publicBodyOrService', 'is used by us as a public body or provider of public services (Art. 27)'],
          ] as const
        ).map(([key, label]) => (
          <label key={key} className="check">
            <input type="checkbox" checked={flags[key]} onChange={() => setFlags({ ...flags, [key]: !flags[key] })} /> {label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={!name.trim()}>
          Add system
        </button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SystemDetail({ system }: { system: AiSystem }) {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  return (
    <section className="detail" aria-label={`AI system ${system.name}`}>
      <p className="muted mono">{system.id}</p>
      <h2>{system.name}</h2>
      {system.purpose && <p>{system.purpose}</p>}
      <dl className="facts-list">
        <dt>Owner</dt>
        <dd>{system.owner ?? <span className="empty">not set</span>}</dd>
        <dt>EU AI Act role</dt>
        <dd>{system.roles.map((r) => operatorRoleLabels[r]).join(', ')}</dd>
        <dt>EU AI Act class</dt>
        <dd>
          {system.classification ? (
            `${system.classification.labels.join('; ') || 'no finding'}${system.classification.complete ? '' : ' (questionnaire incomplete)'}`
          ) : (
            <span className="empty">not classified yet (assay classify)</span>
          )}
        </dd>
        <dt>Deployment</dt>
        <dd>{words(system.deployment)}</dd>
        <dt>Lifecycle</dt>
        <dd>{system.lifecycle}</dd>
        <dt>Model types</dt>
        <dd>{system.modelTypes.length ? system.modelTypes.map((t) => modelTypeLabels[t]).join(', ') : <span className="empty">none recorded</span>}</dd>
        <dt>People</dt>
        <dd>
          {[
            system.interactsWithPeople && 'interacts with people',
            system.decidesAboutPeople && 'makes or supports decisions about people',
            system.generatesSyntheticContent && 'generates synthetic content',
            system.publicBodyOrService && 'used as a public body or provider of public services (Art. 27)',
          ]
            .filter(Boolean)
            .join('; ') || <span className="empty">none of these</span>}
        </dd>
      </dl>
      <InventoryDetails system={system} readOnly={readOnly} />
      {file && <ThreatsPanel file={file} systemId={system.id} version={system.updatedAt} readOnly={readOnly} />}
      {file && <ComponentsPanel file={file} systemId={system.id} />}
    </section>
  );
}

export function SystemsView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { systems, selectedId, error } = useSystems();
  const { load, select } = useSystems.getState();
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (file) void load(file);
  }, [file, load]);

  const selected = systems.find((s) => s.id === selectedId) ?? null;
  return (
    <div className="systems">
      <div className="toolbar">
        <p className="muted">The AI systems in scope, with the organisation's EU AI Act role for each.</p>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => setAdding(!adding)} aria-expanded={adding}>
            Add system…
          </button>
        )}
      </div>
      <ErrorNotice message={error} />
      {adding && <AddSystemForm onDone={() => setAdding(false)} />}
      <div className="split">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Deployment</th>
              <th scope="col">Owner</th>
              <th scope="col">EU AI Act class</th>
            </tr>
          </thead>
          <tbody>
            {systems.map((s) => (
              <tr key={s.id} className={s.id === selectedId ? 'selected' : undefined} onClick={() => select(s.id)} aria-selected={s.id === selectedId}>
                <td className="mono">{s.id}</td>
                <td>
                  <button type="button" className="link" onClick={() => select(s.id)}>
                    {s.name}
                  </button>
                </td>
                <td>{s.roles.map((r) => operatorRoleLabels[r]).join(', ')}</td>
                <td>{words(s.deployment)}</td>
                <td>{s.owner ?? '—'}</td>
                <td>{s.classification ? s.classification.labels.join('; ') || 'no finding' : <span className="muted">not classified</span>}</td>
              </tr>
            ))}
            {systems.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No AI systems yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {selected && <SystemDetail system={selected} />}
      </div>
    </div>
  );
}
