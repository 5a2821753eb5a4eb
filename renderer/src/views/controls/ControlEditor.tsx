import { useEffect, useId, useState } from 'react';
import type { ListedControl } from '../../../../shared/commands';
import { type ControlState, MIN_JUSTIFICATION, controlStateLabels, controlStates, justificationProblem } from '../../../../shared/domain/control-state';
import { maturityDescriptions, maturityLabel, maturityLevels } from '../../../../shared/domain/maturity';
import { formatDateTime, localTimeZone } from '../../../../shared/format-date';
import { useControls } from '../../controls-store';

const detailKeys = ['owner', 'dueDate', 'maturity', 'notes', 'lastReview', 'nextReview'] as const;
type DetailKey = (typeof detailKeys)[number];
type Details = Record<DetailKey, string>;

function storedDetails(c: ListedControl): Details {
  return {
    owner: c.owner ?? '',
    dueDate: c.dueDate ?? '',
    maturity: c.maturity === null ? '' : String(c.maturity),
    notes: c.notes ?? '',
    lastReview: c.lastReview ?? '',
    nextReview: c.nextReview ?? '',
  };
}

/** The entry editor. It tells the screen when it holds unsaved changes, so leaving it asks first. */
export function ControlEditor({ control, systemName, readOnly }: { control: ListedControl; systemName: string | null; readOnly: boolean }) {
  const { saveOne, removeOwn, setDirty, loading } = useControls();
  const [state, setLocalState] = useState<ControlState>(control.state);
  const [justification, setJustification] = useState(control.justification ?? '');
  const [touched, setTouched] = useState(false);
  const [details, setDetails] = useState<Details>(() => storedDetails(control));
  const ids = { group: useId(), justification: useId(), hint: useId(), owner: useId(), due: useId(), maturity: useId(), notes: useId(), last: useId(), next: useId() };

  const problem = justificationProblem(state, justification);
  const stored = storedDetails(control);
  const changed = detailKeys.filter((k) => details[k].trim() !== stored[k]);
  const dirty = state !== control.state || (state === 'not_applicable' && justification.trim() !== (control.justification ?? '')) || changed.length > 0;
  useEffect(() => setDirty(dirty), [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  const set = (key: DetailKey) => (e: { target: { value: string } }) => setDetails({ ...details, [key]: e.target.value });
  const level = details.maturity === '' ? null : (Number(details.maturity) as (typeof maturityLevels)[number]);

  return (
    <form
      className="state-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (problem) return;
        // Only what was changed is sent; an emptied field clears the stored value.
        const changes = Object.fromEntries(
          changed.map((k) => {
            const v = details[k].trim();
            return [k, v === '' ? null : k === 'maturity' ? Number(v) : v];
          }),
        );
        await saveOne(control.id, state, state === 'not_applicable' ? justification.trim() : undefined, changes);
      }}
    >
      <p className="entry-source" data-testid="entry-source">
        {systemName
          ? control.source === 'system'
            ? `This entry is ${systemName}'s own; it overrides the organisation's.`
            : `${systemName} follows the organisation's entry. Saving here gives it an entry of its own.`
          : "The organisation's entry; systems follow it unless they have their own."}
      </p>
      <fieldset disabled={readOnly}>
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
            readOnly={readOnly}
          />
          <p id={ids.hint} className={touched && problem ? 'field-error' : 'muted small'}>
            {touched && problem ? problem : `Say why this control does not apply (at least ${MIN_JUSTIFICATION} characters). Auditors read this.`}
          </p>
        </div>
      )}
      <div className="entry-fields">
        <div className="field">
          <label htmlFor={ids.owner}>Owner</label>
          <input id={ids.owner} value={details.owner} onChange={set('owner')} readOnly={readOnly} />
        </div>
        <div className="field">
          <label htmlFor={ids.due}>Due date</label>
          <input id={ids.due} value={details.dueDate} onChange={set('dueDate')} placeholder="YYYY-MM-DD" readOnly={readOnly} />
        </div>
        <div className="field">
          <label htmlFor={ids.maturity}>Maturity</label>
          <select id={ids.maturity} value={details.maturity} onChange={set('maturity')} disabled={readOnly}>
            <option value="">not assessed</option>
            {maturityLevels.map((m) => (
              <option key={m} value={String(m)}>
                {maturityLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.last}>Last review</label>
          <input id={ids.last} value={details.lastReview} onChange={set('lastReview')} placeholder="YYYY-MM-DD" readOnly={readOnly} />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>Next review</label>
          <input id={ids.next} value={details.nextReview} onChange={set('nextReview')} placeholder="YYYY-MM-DD" readOnly={readOnly} />
        </div>
      </div>
      {level !== null && <p className="muted small">{maturityDescriptions[level]}</p>}
      <div className="field">
        <label htmlFor={ids.notes}>Implementation notes</label>
        <textarea id={ids.notes} value={details.notes} onChange={set('notes')} rows={2} readOnly={readOnly} />
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={loading || !dirty || readOnly}>
          Save state
        </button>
        {systemName && control.source === 'system' && (
          <button type="button" className="btn" disabled={loading || readOnly} onClick={() => void removeOwn(control.id)}>
            Use the organisation&apos;s entry
          </button>
        )}
        {control.updatedAt && (
          <span className="muted small">
            Last changed {formatDateTime(control.updatedAt, localTimeZone())} by {control.updatedBy}
          </span>
        )}
      </div>
    </form>
  );
}
