import { useEffect, useState } from 'react';
import { checkSymbols, checkVerdict } from '../../../shared/check-verdict';
import { useAudit } from '../audit-store';
import { useApp } from '../store';
import { formatDateTime, localTimeZone } from '../../../shared/format-date';
import { ErrorNotice } from '../components/ErrorNotice';

function HeadLine({ head }: { head: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="head-line">
      <span className="muted">Head of the log (keep it outside the file to detect truncation or rewriting):</span>{' '}
      <code className="mono" data-testid="audit-head">
        {head}
      </code>{' '}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          void navigator.clipboard?.writeText(head).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy head'}
      </button>
    </div>
  );
}

/** Dates are typed as YYYY-MM-DD whatever the browser's locale; the filter applies once a date is whole. */
function DateField({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <input
      value={text}
      placeholder="YYYY-MM-DD"
      size={11}
      pattern="\d{4}-\d{2}-\d{2}"
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onChange(e.target.value);
      }}
    />
  );
}

export function AuditView() {
  const file = useApp((s) => s.current?.file ?? null);
  const { list, filter, verify, verifyJob, expectHead, error } = useAudit();
  const { load, setFilter, setExpectHead, verifyNow, cancelVerify, exportLog } = useAudit.getState();
  const job = useApp((s) => (verifyJob ? s.jobs[verifyJob] : undefined));

  useEffect(() => {
    if (file) void load(file);
  }, [file, load]);

  return (
    <div className="audit">
      <p className="muted">
        Every change is recorded here and chained by SHA-256 to the one before it. Verify checks every page of the file, the chain, and that
        replaying the log rebuilds every table as it stands.
      </p>
      {list && <HeadLine head={list.head} />}
      <div className="toolbar audit-verify">
        <label title="Optional: the head you hold from a report, a manifest or an earlier export">
          Expected head
          <input className="mono" value={expectHead} placeholder="optional: count:hash from a report" onChange={(e) => setExpectHead(e.target.value)} size={34} />
        </label>
        {verifyJob ? (
          <>
            <span className="muted" role="status" data-testid="verify-progress">
              Verifying: {job?.phase || 'starting'}
              {job && job.total > 0 ? ` ${Math.floor((100 * job.done) / job.total)}%` : ''}
            </span>
            <button type="button" className="btn" onClick={() => void cancelVerify()}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="btn" onClick={() => void verifyNow()}>
            Verify
          </button>
        )}
        <button type="button" className="btn btn-quiet" onClick={() => void exportLog('csv')}>
          Export CSV
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => void exportLog('json')}>
          Export JSON
        </button>
      </div>
      <ErrorNotice message={error} />
      {verify && (
        <div className={verify.ok ? 'notice notice-ok' : 'notice notice-bad'} role="status" data-testid="verify-result">
          <strong>{verify.ok ? 'Verified: the file proves its whole state.' : 'Verification failed.'}</strong>
          <ul className="checks">
            {verify.checks.map((c) => (
              <li key={c.name} className={checkVerdict(c)}>
                {checkSymbols[checkVerdict(c)]} <strong>{c.name}</strong>: {c.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="toolbar audit-filters" role="group" aria-label="Filter the log">
        <label>
          From <DateField value={filter.from} onChange={(from) => void setFilter({ from })} />
        </label>
        <label>
          To <DateField value={filter.to} onChange={(to) => void setFilter({ to })} />
        </label>
        <label>
          Who
          <select value={filter.actor} onChange={(e) => void setFilter({ actor: e.target.value })}>
            <option value="">everyone</option>
            {list?.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          What
          <select value={filter.kind} onChange={(e) => void setFilter({ kind: e.target.value })}>
            <option value="">every kind</option>
            {list?.kinds.map((k) => (
              <option key={k.command} value={k.command}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {list && (
          <span className="muted small">
            {list.entries.length} of {list.total} entries shown
          </span>
        )}
      </div>
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
          {list?.entries.map((e) => (
            <tr key={e.seq}>
              <td className="mono">{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at, localTimeZone())}</td>
              <td className="nowrap">{e.actorName}</td>
              <td className="nowrap">{e.label}</td>
              <td>{e.item}</td>
              <td>{e.change}</td>
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
