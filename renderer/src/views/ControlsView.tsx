import { useId, useMemo, useState } from 'react';
import { type ControlType, controlTypes } from '../../../shared/catalog/schema';
import type { ControlRow } from '../../../shared/commands';
import { type ControlState, MIN_JUSTIFICATION, controlStateLabels, controlStates, justificationProblem } from '../../../shared/domain/control-state';
import { ControlDescription } from '../components/ControlDescription';
import { StateBadge } from '../components/StateBadge';
import { maturityLabel, maturityLevels } from '../../../shared/domain/maturity';
import { useApp } from '../store';
import { formatDateTime, localTimeZone } from '../../../shared/format-date';

type Filter = ControlState | 'all';

function matches(control: ControlRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || `${control.id} ${control.name} ${control.objective}`.toLowerCase().includes(q);
}

function StateEditor({ control }: { control: ControlRow }) {
  const setState = useApp((s) => s.setState);
  const busy = useApp((s) => s.busy);
  const [state, setLocalState] = useState<ControlState>(control.state);
  const [justification, setJustification] = useState(control.justification ?? '');
  const [touched, setTouched] = useState(false);
  const [details, setDetails] = useState({
    owner: control.owner ?? '',
    dueDate: control.dueDate ?? '',
    maturity: control.maturity === null ? '' : String(control.maturity),
    notes: control.notes ?? '',
    nextReview: control.nextReview ?? '',
  });
  const ids = { group: useId(), justification: useId(), hint: useId(), owner: useId(), due: useId(), maturity: useId(), notes: useId(), review: useId() };

  const problem = justificationProblem(state, justification);
  const stored = { owner: control.owner ?? '', dueDate: control.dueDate ?? '', maturity: control.maturity === null ? '' : String(control.maturity), notes: control.notes ?? '', nextReview: control.nextReview ?? '' };
  const changedDetails = (Object.keys(details) as (keyof typeof details)[]).filter((k) => details[k].trim() !== stored[k]);
  const dirty = state !== control.state || (state === 'not_applicable' && justification.trim() !== (control.justification ?? '')) || changedDetails.length > 0;
  const set = (key: keyof typeof details) => (e: { target: { value: string } }) => setDetails({ ...details, [key]: e.target.value });

  return (
    <form
      className="state-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (problem) return;
        // Only what was changed is sent; an emptied field clears the stored value.
        const changes = Object.fromEntries(
          changedDetails.map((k) => {
            const v = details[k].trim();
            return [k, v === '' ? null : k === 'maturity' ? Number(v) : v];
          }),
        );
        await setState(control.id, state, state === 'not_applicable' ? justification.trim() : undefined, changes);
      }}
    >
      <fieldset>
        <legend id={ids.group}>Implementation state</legend>
        <div className="state-options" role="radiogroup" aria-labelledby={ids.group}>
          {controlStates.map((s) => (
            <label key={s} className={`state-option${state === s ? ' selected' : ''}`}>
              <input type="radio" name="state" value={s} checked={state === s} onChange={() => setLocalState(s)} />
              {controlStateLabels[s]}
            </label>
          ))}
        </div>
      </fieldset>
      {state === 'not_applicable' && (
        <div className="field">
          <label htmlFor={ids.justification}>Justification (required)</label>
          <textarea
            id={ids.justification}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
            onBlur={() => setTouched(true)}
            rows={3}
            aria-describedby={ids.hint}
            aria-invalid={touched && problem ? true : undefined}
          />
          <p id={ids.hint} className={touched && problem ? 'field-error' : 'muted small'}>
            {touched && problem ? problem : `Say why this control does not apply (at least ${MIN_JUSTIFICATION} characters). Auditors read this.`}
          </p>
        </div>
      )}
      <div className="entry-fields">
        <div className="field">
          <label htmlFor={ids.owner}>Owner</label>
          <input id={ids.owner} value={details.owner} onChange={set('owner')} />
        </div>
        <div className="field">
          <label htmlFor={ids.due}>Due date</label>
          <input id={ids.due} value={details.dueDate} onChange={set('dueDate')} placeholder="YYYY-MM-DD" size={11} />
        </div>
        <div className="field">
          <label htmlFor={ids.maturity}>Maturity</label>
          <select id={ids.maturity} value={details.maturity} onChange={set('maturity')}>
            <option value="">not assessed</option>
            {maturityLevels.map((m) => (
              <option key={m} value={String(m)}>
                {maturityLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.review}>Next review</label>
          <input id={ids.review} value={details.nextReview} onChange={set('nextReview')} placeholder="YYYY-MM-DD" size={11} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.notes}>Implementation notes</label>
        <textarea id={ids.notes} value={details.notes} onChange={set('notes')} rows={2} />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !dirty}>
          Save state
        </button>
        {control.updatedAt && (
          <span className="muted small">
            Last changed {formatDateTime(control.updatedAt, localTimeZone())} by {control.updatedBy}
          </span>
        )}
      </div>
    </form>
  );
}

function ControlDetail({ control }: { control: ControlRow }) {
  const openInCatalog = useApp((s) => s.openInCatalog);
  return (
    <article className="detail" aria-labelledby="control-title">
      <p className="eyebrow">
        {control.id} · {control.type}
      </p>
      <h2 id="control-title">{control.name}</h2>
      <StateBadge state={control.state} />{' '}
      <button type="button" className="trace-link" onClick={() => openInCatalog({ kind: 'control', key: control.id }, { fresh: true })}>
        Show traceability
      </button>
      <ControlDescription control={control} />
      {control.state === 'not_applicable' && control.justification && (
        <>
          <h3>Why not applicable</h3>
          <p className="justification">{control.justification}</p>
        </>
      )}
      {/* Keyed by what is stored, so another control or a saved change starts the form afresh. */}
      <StateEditor key={`${control.id}|${control.updatedAt ?? ''}`} control={control} />
    </article>
  );
}

export function ControlsView() {
  const controls = useApp((s) => s.controls);
  const selectedId = useApp((s) => s.selectedId);
  const select = useApp((s) => s.select);
  const [filter, setFilter] = useState<Filter>('all');
  const [type, setType] = useState<ControlType | 'all'>('all');
  const typeId = useId();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const filterId = useId();

  const visible = useMemo(
    () => controls.filter((c) => (filter === 'all' || c.state === filter) && (type === 'all' || c.type === type) && matches(c, query)),
    [controls, filter, type, query],
  );
  const selected = controls.find((c) => c.id === selectedId) ?? null;

  return (
    <div className="split">
      <section className="list-pane" aria-label="Control list">
        <div className="toolbar">
          <label htmlFor={searchId} className="visually-hidden">
            Search controls
          </label>
          <input id={searchId} type="search" placeholder="Search controls" value={query} onChange={(e) => setQuery(e.target.value)} />
          <label htmlFor={filterId} className="visually-hidden">
            Filter by state
          </label>
          <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
            <option value="all">All states</option>
            {controlStates.map((s) => (
              <option key={s} value={s}>
                {controlStateLabels[s]}
              </option>
            ))}
          </select>
          <label htmlFor={typeId} className="visually-hidden">
            Filter by type
          </label>
          <select id={typeId} value={type} onChange={(e) => setType(e.target.value as ControlType | 'all')}>
            <option value="all">All types</option>
            {controlTypes.map((t) => (
              <option key={t} value={t}>
                {t[0]!.toUpperCase() + t.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Control</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => (
              <tr key={c.id} className={c.id === selectedId ? 'selected' : undefined} aria-selected={c.id === selectedId}>
                <td className="mono">{c.id}</td>
                <td>
                  <button type="button" className="row-link" onClick={() => select(c.id)}>
                    {c.name}
                  </button>
                </td>
                <td>
                  <StateBadge state={c.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="muted empty">No control matches.</p>}
        <p className="muted small list-foot">
          {visible.length} of {controls.length} controls
        </p>
      </section>
      <section className="detail-pane" aria-label="Control detail">
        {selected ? <ControlDetail control={selected} /> : <p className="muted empty">Select a control.</p>}
      </section>
    </div>
  );
}
