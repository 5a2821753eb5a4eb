import { controlStateLabels, ControlState } from '../../../shared/domain/control-state';
import { useApp } from '../store';
import { formatDateTime, localTimeZone } from '../../../shared/format-date';

function stateLabel(value: unknown): string {
  const parsed = ControlState.safeParse(value);
  return parsed.success ? controlStateLabels[parsed.data] : String(value);
}

function describe(payload: unknown): string {
  if (!payload || typeof payload !== 'object') return '';
  const p = payload as Record<string, unknown>;
  if ('from' in p && 'to' in p) return `${stateLabel(p.from)} → ${stateLabel(p.to)}${p.justification ? ` (“${String(p.justification)}”)` : ''}`;
  if ('name' in p) return `“${String(p.name)}”, catalog ${String(p.catalogVersion ?? '')}`;
  return JSON.stringify(p);
}

export function AuditView() {
  const entries = useApp((s) => s.audit);
  const verify = useApp((s) => s.verify);
  const verifyAudit = useApp((s) => s.verifyAudit);
  const busy = useApp((s) => s.busy);

  return (
    <div className="audit">
      <div className="toolbar">
        <p className="muted">Every change is recorded here and chained by SHA-256 to the one before it.</p>
        <button type="button" className="btn" onClick={() => void verifyAudit()} disabled={busy}>
          Verify chain
        </button>
      </div>
      {verify && (
        <p className={verify.ok ? 'notice notice-ok' : 'notice notice-bad'} role="status">
          {verify.message}
          {verify.ok && <span className="mono small"> · head {verify.headHash.slice(0, 16)}…</span>}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Item</th>
            <th scope="col">Change</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="mono">{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at, localTimeZone())}</td>
              <td className="nowrap">{e.actor}</td>
              <td className="mono">{e.command}</td>
              <td className="mono">{e.entityId.length > 20 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</td>
              <td>{describe(e.payload)}</td>
              <td className="mono" title={e.hash}>
                {e.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
