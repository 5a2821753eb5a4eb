import { findingStatusLabels } from '../../../../shared/domain/findings/model';
import type { FindingRow } from '../../../../shared/domain/findings/model';
import { visibleText } from '../../../../shared/imports/visible-text';

/** One finding: what the source said (with the prompt and response made safe to read) and its lifecycle. */
export function FindingDetail({ finding, readOnly, onChange }: { finding: FindingRow; readOnly: boolean; onChange: () => void }) {
  const d = finding.data;
  return (
    <section className="detail detail-pane finding-detail" aria-label={`Finding ${finding.id}`}>
      <h2>
        <span className="mono">{finding.id}</span> {visibleText(finding.title)}
      </h2>
      <p>
        <span className={`badge badge-finding-${finding.severity}`}>{finding.severity}</span>{' '}
        <span className={`badge badge-finding-status`}>{findingStatusLabels[finding.status]}</span>
        {finding.overdue && <strong className="bad"> overdue</strong>}
        {finding.acceptanceExpired && <strong className="bad"> acceptance expired</strong>}
      </p>
      <dl className="finding-facts">
        <dt>System</dt>
        <dd>{finding.systemName ?? 'not about one system'}</dd>
        <dt>Threat</dt>
        <dd>{finding.threatId ? `${finding.threatId} ${finding.threatName ?? ''}` : 'not matched'}</dd>
        <dt>Owner</dt>
        <dd>{finding.ownerName ?? 'nobody yet'}</dd>
        <dt>Due</dt>
        <dd className={finding.overdue ? 'bad' : undefined}>{finding.dueDate ?? 'no date'}</dd>
        {finding.status === 'risk_accepted' && (
          <>
            <dt>Accepted by</dt>
            <dd>
              {finding.approverName ?? '?'} until {finding.expiresOn ?? '?'}
            </dd>
          </>
        )}
        {finding.reason && (
          <>
            <dt>Reason</dt>
            <dd>{visibleText(finding.reason)}</dd>
          </>
        )}
        {finding.evidence.length > 0 && (
          <>
            <dt>Fix shown by</dt>
            <dd className="mono">{finding.evidence.join(', ')}</dd>
          </>
        )}
        <dt>Found by</dt>
        <dd>
          {d.tool}
          {d.where ? ` · ${d.where}` : ''}
        </dd>
        {d.attempts && (
          <>
            <dt>Attempts</dt>
            <dd>
              {d.attempts.failed} of {d.attempts.total} failed
            </dd>
          </>
        )}
        <dt>Controls</dt>
        <dd className="mono">{finding.controls.join(', ') || '—'}</dd>
        <dt>Risks</dt>
        <dd className="mono">{finding.risks.join(', ') || '—'}</dd>
        {d.references.length > 0 && (
          <>
            <dt>References</dt>
            <dd className="small">{d.references.join(', ')}</dd>
          </>
        )}
      </dl>
      {d.description && <p className="finding-description">{visibleText(d.description)}</p>}
      {d.prompt && (
        <>
          <h3>Prompt sent</h3>
          <pre className="finding-text" tabIndex={0}>
            {visibleText(d.prompt)}
          </pre>
        </>
      )}
      {d.response && (
        <>
          <h3>Response</h3>
          <pre className="finding-text" tabIndex={0}>
            {visibleText(d.response)}
          </pre>
        </>
      )}
      {!readOnly && (
        <button type="button" className="btn" onClick={onChange}>
          Change status…
        </button>
      )}
    </section>
  );
}
