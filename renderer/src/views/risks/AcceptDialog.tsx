import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RiskRow } from '../../../../shared/domain/risk-register/register';
import { scoreWords } from '../../../../shared/register-words';
import { useRisks } from '../../risks-store';

/** Records the acceptance of a risk as it stands now; a modal dialog, so focus stays in it until it closes. */
export function AcceptDialog({ risk, onDone }: { risk: RiskRow; onDone: () => void }) {
  const accept = useRisks((s) => s.accept);
  const error = useRisks((s) => s.error);
  const ref = useRef<HTMLDialogElement>(null);
  const [approver, setApprover] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [rationale, setRationale] = useState('');
  const id = useId();

  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await accept(risk.id, { approver, expiresOn, ...(rationale.trim() ? { rationale } : {}) })) onDone();
  }

  const residual = risk.residualLikelihood && risk.residualImpact ? scoreWords(risk.residualLikelihood, risk.residualImpact) : 'not assessed (the inherent risk is accepted)';
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onCancel={onDone}>
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>Accept {risk.id}</h2>
        <p>{risk.title}</p>
        <p className="muted small">
          Residual risk: {residual}. The acceptance records the risk as it is now; a later change to its scores, treatment or controls makes it no longer
          current.
        </p>
        {error && (
          <p className="notice notice-bad" role="alert">
            {error}
          </p>
        )}
        <label htmlFor={`${id}-approver`}>Approver</label>
        <input id={`${id}-approver`} value={approver} onChange={(e) => setApprover(e.target.value)} required autoFocus />
        <label htmlFor={`${id}-expires`}>Expires on</label>
        <input id={`${id}-expires`} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} required />
        <label htmlFor={`${id}-rationale`}>Rationale</label>
        <textarea id={`${id}-rationale`} value={rationale} onChange={(e) => setRationale(e.target.value)} rows={2} />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!approver.trim() || !expiresOn}>
            Record acceptance
          </button>
          <button type="button" className="btn btn-quiet" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
