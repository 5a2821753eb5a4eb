import { type FormEvent, useId, useState } from 'react';
import { findingStatusLabels } from '../../../../shared/domain/findings/model';
import type { FindingRow } from '../../../../shared/domain/findings/model';
import { type FindingStatus, findingStatuses } from '../../../../shared/imports/finding-data';
import { FormActions } from '../../components/RegisterFields';
import { useFindings } from '../../findings-store';

/** What each state asks for, said before the user submits (the same rules refuse it otherwise). */
const needs: Record<FindingStatus, string> = {
  open: 'Nothing more is needed.',
  in_remediation: 'Remediation needs an owner.',
  fixed: 'Name the evidence that shows the fix (EV-001), or write how it was fixed.',
  risk_accepted: 'Accepting the risk needs the approver and an expiry date after today.',
  false_positive: 'Say why it is a false positive.',
};

/** Moves a finding through its lifecycle with the fields the new state needs. */
export function LifecycleForm({ finding, onDone }: { finding: FindingRow; onDone: () => void }) {
  const update = useFindings((s) => s.update);
  const [status, setStatus] = useState<FindingStatus>(finding.status);
  const [owner, setOwner] = useState(finding.ownerName ?? '');
  const [dueDate, setDueDate] = useState(finding.dueDate ?? '');
  const [reason, setReason] = useState(finding.reason ?? '');
  const [approver, setApprover] = useState(finding.approverName ?? '');
  const [expiresOn, setExpiresOn] = useState(finding.expiresOn ?? '');
  const [evidence, setEvidence] = useState(finding.evidence.join(', '));
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const changes = {
      status,
      owner: owner.trim() || null,
      dueDate: dueDate || null,
      reason: reason.trim() || null,
      ...(status === 'risk_accepted' ? { approver: approver.trim() || null, expiresOn: expiresOn || null } : {}),
      ...(status === 'fixed' ? { evidence: evidence.split(/[\s,;]+/).filter(Boolean) } : {}),
    };
    if (await update(finding.id, changes)) onDone();
  }

  return (
    <form className="panel finding-form" onSubmit={submit} aria-label={`Change ${finding.id}`}>
      <h3>Change {finding.id}</h3>
      <div className="field-grid">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)} aria-describedby={`${id}-needs`}>
          {findingStatuses.map((s) => (
            <option key={s} value={s}>
              {findingStatusLabels[s]}
            </option>
          ))}
        </select>
        <span />
        <span id={`${id}-needs`} className="muted small">
          {needs[status]}
        </span>
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)} required={status === 'in_remediation'} />
        <label htmlFor={`${id}-due`}>Due</label>
        <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        {status === 'risk_accepted' && (
          <>
            <label htmlFor={`${id}-approver`}>Approved by</label>
            <input id={`${id}-approver`} value={approver} onChange={(e) => setApprover(e.target.value)} required />
            <label htmlFor={`${id}-expires`}>Acceptance expires</label>
            <input id={`${id}-expires`} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} required />
          </>
        )}
        {status === 'fixed' && (
          <>
            <label htmlFor={`${id}-evidence`}>Evidence of the fix</label>
            <input id={`${id}-evidence`} value={evidence} onChange={(e) => setEvidence(e.target.value)} placeholder="EV-001, EV-002" />
          </>
        )}
        <label htmlFor={`${id}-reason`}>{status === 'false_positive' ? 'Why it is a false positive' : status === 'fixed' ? 'How it was fixed' : 'Note'}</label>
        <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} required={status === 'false_positive'} />
      </div>
      <FormActions submit="Save" disabled={false} onCancel={onDone} />
    </form>
  );
}
