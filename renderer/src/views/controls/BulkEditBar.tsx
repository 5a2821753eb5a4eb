import { useId, useState } from 'react';
import { type ControlState, MIN_JUSTIFICATION, controlStateLabels, controlStates, justificationProblem } from '../../../../shared/domain/control-state';
import { type MaturityLevel, maturityLabel, maturityLevels } from '../../../../shared/domain/maturity';
import { countOf } from '../../../../shared/plural';
import { type BulkChange, useControls } from '../../controls-store';

const KEEP = '';

/** One change to every control selected: state, owner, due date, maturity; what is left at "keep" stays as each control has it. */
export function BulkEditBar({ ids, systemName, onDone, readOnly }: { ids: string[]; systemName: string | null; onDone(): void; readOnly: boolean }) {
  const { saveMany, loading } = useControls();
  const [state, setState] = useState<ControlState | typeof KEEP>(KEEP);
  const [justification, setJustification] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [maturity, setMaturity] = useState(KEEP);
  const id = { state: useId(), just: useId(), owner: useId(), due: useId(), maturity: useId() };
  const problem = state === 'not_applicable' ? justificationProblem(state, justification) : null;
  const details = {
    ...(owner.trim() ? { owner: owner.trim() } : {}),
    ...(due.trim() ? { dueDate: due.trim() } : {}),
    ...(maturity === 'clear' ? { maturity: null } : maturity !== KEEP ? { maturity: Number(maturity) as MaturityLevel } : {}),
  };
  const change: BulkChange = {
    ...(state !== KEEP ? { state } : {}),
    ...(state === 'not_applicable' ? { justification: justification.trim() } : {}),
    ...(Object.keys(details).length ? { details } : {}),
  };
  const nothing = state === KEEP && Object.keys(details).length === 0;

  return (
    <form
      className="bulk-bar"
      aria-label="Bulk edit"
      onSubmit={async (e) => {
        e.preventDefault();
        if (nothing || problem) return;
        if (await saveMany(ids, change)) onDone();
      }}
    >
      <p className="bulk-count">
        <strong>{countOf(ids.length, 'control')} selected</strong>
        {systemName ? ` (entries for ${systemName})` : ''}
      </p>
      <div className="bulk-fields">
        <label htmlFor={id.state}>State</label>
        <select id={id.state} value={state} onChange={(e) => setState(e.target.value as ControlState | typeof KEEP)}>
          <option value={KEEP}>keep</option>
          {controlStates.map((s) => (
            <option key={s} value={s}>
              {controlStateLabels[s]}
            </option>
          ))}
        </select>
        <label htmlFor={id.owner}>Owner</label>
        <input id={id.owner} value={owner} onChange={(e) => setOwner(e.target.value)} placeholder="keep" size={12} />
        <label htmlFor={id.due}>Due</label>
        <input id={id.due} value={due} onChange={(e) => setDue(e.target.value)} placeholder="YYYY-MM-DD" size={10} />
        <label htmlFor={id.maturity}>Maturity</label>
        <select id={id.maturity} value={maturity} onChange={(e) => setMaturity(e.target.value)}>
          <option value={KEEP}>keep</option>
          <option value="clear">not assessed</option>
          {maturityLevels.map((m) => (
            <option key={m} value={String(m)}>
              {maturityLabel(m)}
            </option>
          ))}
        </select>
      </div>
      {state === 'not_applicable' && (
        <div className="bulk-justification">
          <label htmlFor={id.just}>Justification for all of them (at least {MIN_JUSTIFICATION} characters)</label>
          <input id={id.just} value={justification} onChange={(e) => setJustification(e.target.value)} aria-invalid={problem ? true : undefined} />
        </div>
      )}
      <div className="bulk-actions">
        <button type="submit" className="btn btn-primary" disabled={loading || nothing || Boolean(problem) || readOnly}>
          Apply to {countOf(ids.length, 'control')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Clear selection
        </button>
      </div>
    </form>
  );
}
