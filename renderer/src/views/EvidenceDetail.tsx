import { type FormEvent, useId, useRef, useState } from 'react';
import { type EvidenceItem, describeLink } from '../../../shared/domain/evidence/model';
import { formatBytes } from '../../../shared/format-bytes';
import { shell } from '../api';
import { ReviewNotes } from '../components/ReviewNotes';
import { useEvidence } from '../evidence-store';
import { Field, IdNameOptions } from './EvidenceField';
import { useApp } from '../store';
import { useSystems } from '../systems-store';

/** The user's dates and texts; the received date is Assay's and shown, never edited. */
function DetailsForm({ item }: { item: EvidenceItem }) {
  const update = useEvidence((s) => s.update);
  const [title, setTitle] = useState(item.title);
  const [description, setDescription] = useState(item.description ?? '');
  const [source, setSource] = useState(item.source ?? '');
  const [from, setFrom] = useState(item.effectiveFrom ?? '');
  const [to, setTo] = useState(item.effectiveTo ?? '');
  const [validUntil, setValidUntil] = useState(item.validUntil ?? '');
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    await update(item.id, { title, description: description || null, source: source || null, effectiveFrom: from || null, effectiveTo: to || null, validUntil: validUntil || null });
  }

  return (
    <form className="evidence-details" onSubmit={submit} aria-label={`Details of ${item.id}`}>
      <label htmlFor={`${id}-t`}>Title</label>
      <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required />
      <label htmlFor={`${id}-d`}>Description</label>
      <textarea id={`${id}-d`} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
      <label htmlFor={`${id}-s`}>Source</label>
      <input id={`${id}-s`} value={source} onChange={(e) => setSource(e.target.value)} />
      <div className="field-row">
        <Field label="Effective from">
          {(fid) => (
            <input id={fid} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field label="to (for a period)">
          {(fid) => (
            <input id={fid} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          )}
        </Field>
        <Field label="Valid until">
          {(fid) => (
            <input id={fid} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          )}
        </Field>
      </div>
      <button type="submit" className="btn">
        Save details
      </button>
    </form>
  );
}

function LinkForm({ item }: { item: EvidenceItem }) {
  const link = useEvidence((s) => s.link);
  const controls = useApp((s) => s.controls);
  const systems = useSystems((s) => s.systems);
  const [control, setControl] = useState('');
  const [system, setSystem] = useState('');
  const [requirement, setRequirement] = useState('');
  

  async function submit(e: FormEvent) {
    e.preventDefault();
    const links = [
      ...(control ? [{ kind: 'control' as const, target: control, system: system || null }] : []),
      ...(requirement.trim() ? [{ kind: 'requirement' as const, target: requirement.trim() }] : []),
    ];
    if (links.length && (await link(item.id, links))) {
      setControl('');
      setRequirement('');
    }
  }

  return (
    <form className="field-row evidence-link-form" onSubmit={submit} aria-label={`Link ${item.id}`}>
      <Field label="Control">
        {(fid) => (
          <select id={fid} value={control} onChange={(e) => setControl(e.target.value)}>
          <option value="">—</option>
          <IdNameOptions items={controls} />
        </select>
        )}
      </Field>
      <Field label="System">
        {(fid) => (
          <select id={fid} value={system} onChange={(e) => setSystem(e.target.value)}>
          <option value="">all systems</option>
          <IdNameOptions items={systems} />
        </select>
        )}
      </Field>
      <Field label="Requirement">{(fid) => <input id={fid} value={requirement} onChange={(e) => setRequirement(e.target.value)} placeholder="eu-ai-act:Art. 9" />}</Field>
      <button type="submit" className="btn" disabled={!control && !requirement.trim()}>
        Link
      </button>
    </form>
  );
}

export function EvidenceDetail({ item, readOnly }: { item: EvidenceItem; readOnly: boolean }) {
  const { link, saveCopy, add } = useEvidence.getState();
  const busy = useEvidence((s) => s.intake !== null);
  const revisionInput = useRef<HTMLInputElement>(null);
  const file = useApp((s) => s.current?.file);

  async function revise() {
    if (shell) {
      const [path] = await shell.chooseEvidenceFiles();
      if (path) await add({ kind: 'paths', paths: [path] }, { revise: item.id });
    } else revisionInput.current?.click();
  }

  return (
    <section className="detail evidence-detail" aria-label={`Evidence ${item.id}`}>
      <p className="muted mono">{item.id}</p>
      <h2>{item.title}</h2>
      {item.description && <p>{item.description}</p>}
      <dl className="facts-list">
        <dt>File</dt>
        <dd>
          {item.fileName} ({formatBytes(item.size)})
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono sha-full">{item.sha256}</dd>
        <dt>Received</dt>
        <dd>
          {item.receivedAt.slice(0, 10)}
          {item.addedBy ? ` from ${item.addedBy}` : ''}
        </dd>
        <dt>Effective</dt>
        <dd>{item.effectiveFrom ? (item.effectiveTo ? `${item.effectiveFrom} to ${item.effectiveTo}` : item.effectiveFrom) : <span className="empty">not set</span>}</dd>
        <dt>Valid until</dt>
        <dd>{item.validUntil ?? <span className="empty">no end</span>}</dd>
        <dt>Source</dt>
        <dd>{item.source ?? <span className="empty">not set</span>}</dd>
      </dl>
      {file && <ReviewNotes file={file} target={{ kind: 'evidence', id: item.id }} />}
      <div className="actions">
        <button type="button" className="btn" onClick={() => void saveCopy(item.id)}>
          Save a copy
        </button>
        {!readOnly && (
          <button type="button" className="btn" onClick={() => void revise()} disabled={busy}>
            Replace by a new revision…
          </button>
        )}
        <input
          ref={revisionInput}
          type="file"
          hidden
          aria-label="New revision"
          data-testid="revision-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void add({ kind: 'files', files: [f] }, { revise: item.id });
            e.target.value = '';
          }}
        />
      </div>
      <h3>Links</h3>
      {item.links.length === 0 && <p className="muted">Not linked to any control or requirement.</p>}
      <ul className="evidence-links">
        {item.links.map((l) => (
          <li key={`${l.kind}${l.target}${l.system}`}>
            <span className="mono">{describeLink(l)}</span> <span className="muted small">{l.kind}</span>
            {!readOnly && (
              <button type="button" className="btn btn-quiet" onClick={() => void link(item.id, [l.kind === 'control' ? { kind: 'control', target: l.target, system: l.system } : { kind: 'requirement', target: l.target }], true)} aria-label={`Remove link to ${describeLink(l)}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && <LinkForm item={item} />}
      <h3>Revisions</h3>
      <table className="table revisions">
        <thead>
          <tr>
            <th scope="col">Rev</th>
            <th scope="col">Received</th>
            <th scope="col">File</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">Copy</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {item.revisions.map((r) => (
            <tr key={r.rev}>
              <td>{r.rev}</td>
              <td>{r.receivedAt.slice(0, 10)}</td>
              <td>
                {r.fileName} <span className="muted small">{formatBytes(r.size)}</span>
              </td>
              <td className="mono sha" title={r.sha256}>
                {r.sha256.slice(0, 16)}…
              </td>
              <td>
                <button type="button" className="btn btn-quiet" onClick={() => void saveCopy(item.id, r.rev)} aria-label={`Save a copy of revision ${r.rev}`}>
                  Save
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <>
          <h3>Details</h3>
          <DetailsForm key={`${item.id}${item.updatedAt}`} item={item} />
        </>
      )}
    </section>
  );
}
