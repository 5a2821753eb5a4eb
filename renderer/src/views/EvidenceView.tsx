import { useEffect } from 'react';
import { isExpired } from '../../../shared/domain/evidence/model';
import { formatBytes } from '../../../shared/format-bytes';
import { ErrorNotice } from '../components/ErrorNotice';
import { useEvidence } from '../evidence-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { EvidenceAdd } from './EvidenceAdd';
import { EvidenceDetail } from './EvidenceDetail';

const today = () => new Date().toISOString().slice(0, 10);

function AddResult() {
  const result = useEvidence((s) => s.lastResult);
  if (!result) return null;
  return (
    <div className="evidence-result" data-testid="evidence-result">
      {result.added.length > 0 && (
        <p className="notice" role="status">
          {result.added.map((a) => `${a.outcome === 'existing' ? 'already stored as' : a.outcome} ${a.evidenceId} ${a.file}`).join('; ')}
        </p>
      )}
      {result.failed.length > 0 && (
        <div className="notice notice-bad" role="alert">
          Not added:
          <ul>
            {result.failed.map((f) => (
              <li key={f.file}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function EvidenceView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { items, selectedId, error } = useEvidence();
  const { load, select } = useEvidence.getState();
  const loadSystems = useSystems((s) => s.load);

  useEffect(() => {
    if (!file) return;
    void load(file);
    void loadSystems(file);
  }, [file, load, loadSystems]);

  const selected = items.find((i) => i.id === selectedId) ?? null;
  return (
    <div className="evidence">
      <p className="muted">Files stored inside the assessment, each with its SHA-256, the dates an auditor asks for, and the controls and requirements it supports.</p>
      <ErrorNotice message={error} />
      {!readOnly && <EvidenceAdd />}
      <AddResult />
      <div className="split">
        <div className="evidence-list">
        <table className="table evidence-table">
          <caption className="visually-hidden">Evidence</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">Title</th>
              <th scope="col">Received</th>
              <th scope="col">Valid until</th>
              <th scope="col">Links</th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} className={e.id === selectedId ? 'selected' : undefined} onClick={() => select(e.id)} aria-selected={e.id === selectedId}>
                <td className="mono">{e.id}</td>
                <td>
                  <button type="button" className="link" onClick={() => select(e.id)}>
                    {e.title}
                  </button>
                  <div className="muted small">
                    {e.fileName === e.title ? '' : `${e.fileName} · `}
                    {formatBytes(e.size)}
                  </div>
                </td>
                <td className="nowrap">{e.receivedAt.slice(0, 10)}</td>
                <td className={isExpired(e.validUntil, today()) ? 'nowrap expired' : 'nowrap'}>
                  {e.validUntil ?? '—'}
                  {isExpired(e.validUntil, today()) && <span className="badge badge-expired">expired</span>}
                </td>
                <td>{e.links.length}</td>
                <td className="mono sha" title={e.sha256}>
                  {e.sha256.slice(0, 12)}…
                </td>
              </tr>
            ))}
            {items.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  No evidence yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        </div>
        {selected && <EvidenceDetail item={selected} readOnly={readOnly} />}
      </div>
    </div>
  );
}
