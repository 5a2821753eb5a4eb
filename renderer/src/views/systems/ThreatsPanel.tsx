import { type FormEvent, useEffect, useId, useState } from 'react';
import { type SystemThreat, threatDecisionLabels } from '../../../../shared/domain/threats/decision';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useThreats } from '../../threats-store';

/** Asks for the reason in place: dismissing needs one an auditor can read. */
function ReasonForm({ label, submitLabel, onSubmit, onCancel }: { label: string; submitLabel: string; onSubmit: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <form
      className="reason-form"
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit(reason);
      }}
    >
      <label htmlFor={id}>Reason</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
      <button type="submit" className="btn btn-primary" disabled={!reason.trim()}>
        {submitLabel}
      </button>
      <button type="button" className="btn btn-quiet" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function ThreatItem({ threat, readOnly, decide }: { threat: SystemThreat; readOnly: boolean; decide: (decision: 'confirmed' | 'dismissed', reason?: string) => Promise<boolean> }) {
  const [dismissing, setDismissing] = useState(false);
  const decided = threat.decision;
  return (
    <li className={`threat-item${decided === 'dismissed' ? ' dismissed' : ''}`} aria-label={`${threat.threatId} ${threat.name}`}>
      <div className="threat-head">
        <span className="mono">{threat.threatId}</span> <strong>{threat.name}</strong>
        <span className={`badge decision-${decided ?? 'open'}`}>{decided ? threatDecisionLabels[decided] : 'Not decided'}</span>
      </div>
      {threat.suggested ? (
        <ul className="threat-reasons">
          {threat.reasons.map((r) => (
            <li key={r}>Suggested because {r}.</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">Not suggested by the rules.</p>
      )}
      {threat.reason && <p className="small">Reason: {threat.reason}</p>}
      {decided && (
        <p className="small muted">
          {threatDecisionLabels[decided]} by {threat.decidedBy ?? 'unknown'} on {threat.decidedAt?.slice(0, 10)}
        </p>
      )}
      {!readOnly && !dismissing && (
        <div className="actions">
          {threat.suggested && decided !== 'confirmed' && (
            <button type="button" className="btn" onClick={() => void decide('confirmed')} aria-label={`Confirm ${threat.threatId}`}>
              Confirm
            </button>
          )}
          {decided !== 'dismissed' && (
            <button type="button" className="btn btn-quiet" onClick={() => setDismissing(true)} aria-label={`Dismiss ${threat.threatId}`}>
              Dismiss…
            </button>
          )}
        </div>
      )}
      {dismissing && (
        <ReasonForm
          label={`Dismiss ${threat.threatId}`}
          submitLabel="Dismiss"
          onCancel={() => setDismissing(false)}
          onSubmit={async (reason) => {
            if (await decide('dismissed', reason)) setDismissing(false);
          }}
        />
      )}
    </li>
  );
}

function AddThreatForm({ options, onAdd }: { options: { id: string; name: string }[]; onAdd: (threat: string, reason: string) => Promise<boolean> }) {
  const [threat, setThreat] = useState('');
  const [reason, setReason] = useState('');
  const id = useId();
  return (
    <form
      className="add-threat"
      aria-label="Add a threat"
      onSubmit={async (e: FormEvent) => {
        e.preventDefault();
        if (await onAdd(threat, reason)) {
          setThreat('');
          setReason('');
        }
      }}
    >
      <label htmlFor={`${id}-t`}>Threat</label>
      <select id={`${id}-t`} value={threat} onChange={(e) => setThreat(e.target.value)}>
        <option value="">Choose a threat…</option>
        {options.map((t) => (
          <option key={t.id} value={t.id}>
            {t.id} {t.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-r`}>Why it applies</label>
      <input id={`${id}-r`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="btn" disabled={!threat || !reason.trim()}>
        Add threat
      </button>
    </form>
  );
}

/** The threats of one AI system: suggested from its properties, confirmed, dismissed with a reason or added by the user. */
export function ThreatsPanel({ file, systemId, version, readOnly }: { file: string; systemId: string; version: string; readOnly: boolean }) {
  const { threats, catalog, error, load, decide } = useThreats();
  useEffect(() => {
    void load(file, systemId);
    // version: the system's last change, after which the suggestions are worked out again.
  }, [file, systemId, version, load]);
  const open = threats.filter((t) => !t.decision).length;
  const listed = new Set(threats.map((t) => t.threatId));
  return (
    <section className="threats-panel" aria-label="Threats">
      <h3>Threats</h3>
      <p className="small muted">
        Suggested from what the inventory says about the system; confirm each, dismiss it with a reason, or add one the rules missed.{' '}
        {threats.length > 0 && `${open} of ${threats.length} not decided yet.`}
      </p>
      <ErrorNotice message={error} />
      {threats.length === 0 ? (
        <p className="muted">No threats suggested: describe the system more fully (model types, deployment, data), or add one below.</p>
      ) : (
        <ul className="threat-list">
          {threats.map((t) => (
            <ThreatItem key={t.threatId} threat={t} readOnly={readOnly} decide={(decision, reason) => decide(file, systemId, { threat: t.threatId, decision, ...(reason ? { reason } : {}) })} />
          ))}
        </ul>
      )}
      {!readOnly && (
        <AddThreatForm
          options={catalog.filter((t) => !listed.has(t.id)).map((t) => ({ id: t.id, name: t.name }))}
          onAdd={(threat, reason) => decide(file, systemId, { threat, decision: 'added', reason })}
        />
      )}
    </section>
  );
}
