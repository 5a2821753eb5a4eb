import { type FormEvent, useId, useState } from 'react';
import { type AiSystem, type AnnexIvField, annexIvFields, groupRelations } from '../../../../shared/domain/systems';
import { useSystems } from '../../systems-store';
import { type InventoryText, type Relation, toChanges, toText } from './inventory-text';

const relationLabels: Record<Relation, string> = { owns: 'Owned by', operates: 'Operated by', uses: 'Used by' };
const Empty = ({ text = 'empty' }: { text?: string }) => <span className="empty">{text}</span>;

/** Groups, the agent as a non-human identity, and (for providers) the Annex IV fields, shown; empty ones visibly empty. */
function Shown({ system }: { system: AiSystem }) {
  const a = system.agent;
  return (
    <>
      <h3>Groups</h3>
      <dl className="facts-list">
        {groupRelations.map((r) => {
          const names = system.groups.filter((g) => g.relation === r).map((g) => g.name);
          return (
            <div key={r}>
              <dt>{relationLabels[r]}</dt>
              <dd>{names.length ? names.join(', ') : <Empty text="none recorded" />}</dd>
            </div>
          );
        })}
      </dl>
      <h3>AI agent (non-human identity)</h3>
      {a ? (
        <dl className="facts-list">
          <dt>Tools and permissions</dt>
          <dd>{a.tools.length ? a.tools.map((t) => (t.permissions ? `${t.name} (${t.permissions})` : t.name)).join('; ') : <Empty />}</dd>
          <dt>Data it can reach</dt>
          <dd>{a.dataReach.length ? a.dataReach.join(', ') : <Empty />}</dd>
          <dt>Credentials it uses</dt>
          <dd>{a.credentials.length ? a.credentials.join(', ') : <Empty />}</dd>
          <dt>Owner</dt>
          <dd>{system.owner ?? <Empty text="not set" />}</dd>
          <dt>How it is stopped</dt>
          <dd>{a.stopMechanism ?? <Empty />}</dd>
        </dl>
      ) : (
        <p className="muted small">Not recorded as an agent. Edit the details to list its tools, data, credentials and how it is stopped.</p>
      )}
      {system.roles.includes('provider') && (
        <>
          <h3>Technical documentation (Annex IV)</h3>
          <dl className="facts-list">
            {annexIvFields.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{system.annexIv[key] ?? <Empty />}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}

function Area({ label, value, onChange, hint }: { label: string; value: string; onChange: (v: string) => void; hint?: string }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>
        {label}
        {hint && <span className="muted small"> ({hint})</span>}
      </label>
      <textarea id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}

function EditForm({ system, onDone }: { system: AiSystem; onDone: () => void }) {
  const update = useSystems((s) => s.update);
  const [text, setText] = useState<InventoryText>(() => toText(system));
  const [annexIv, setAnnexIv] = useState<Partial<Record<AnnexIvField, string>>>(system.annexIv);
  const provider = system.roles.includes('provider');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const docs = Object.fromEntries(Object.entries(annexIv).filter(([, v]) => v?.trim()));
    if (await update(system.id, { ...toChanges(text, Boolean(system.agent)), ...(provider ? { annexIv: docs } : {}) })) onDone();
  }

  return (
    <form className="panel inventory-form" onSubmit={submit} aria-label="Edit inventory details">
      <fieldset>
        <legend>Groups (business units, teams), one a line</legend>
        {groupRelations.map((r) => (
          <Area key={r} label={relationLabels[r]} value={text.groups[r]} onChange={(v) => setText({ ...text, groups: { ...text.groups, [r]: v } })} />
        ))}
      </fieldset>
      <fieldset>
        <legend>AI agent, one item a line</legend>
        <Area label="Tools and permissions" hint="tool: permissions" value={text.tools} onChange={(v) => setText({ ...text, tools: v })} />
        <Area label="Data it can reach" value={text.dataReach} onChange={(v) => setText({ ...text, dataReach: v })} />
        <Area label="Credentials it uses" value={text.credentials} onChange={(v) => setText({ ...text, credentials: v })} />
        <Area label="How it is stopped" value={text.stopMechanism} onChange={(v) => setText({ ...text, stopMechanism: v })} />
      </fieldset>
      {provider && (
        <fieldset>
          <legend>Technical documentation (Annex IV)</legend>
          {annexIvFields.map(([key, label]) => (
            <Area key={key} label={label} value={annexIv[key] ?? ''} onChange={(v) => setAnnexIv({ ...annexIv, [key]: v })} />
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          Save details
        </button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function InventoryDetails({ system, readOnly }: { system: AiSystem; readOnly: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-label="Inventory details">
      {editing ? <EditForm key={system.id} system={system} onDone={() => setEditing(false)} /> : <Shown system={system} />}
      {!readOnly && !editing && (
        <button type="button" className="btn" onClick={() => setEditing(true)}>
          Edit details…
        </button>
      )}
    </section>
  );
}
