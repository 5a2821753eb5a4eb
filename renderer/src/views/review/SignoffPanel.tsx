import { useEffect, useId, useState } from 'react';
import { coverageText, type SignoffRole, signoffRoles } from '../../../../shared/domain/signoff/message';
import { formatDateTime, localTimeZone } from '../../../../shared/format-date';
import { NewPassphraseFields, NewPassphraseProblem, useNewPassphrase } from '../../components/NewPassphrase';
import { useSignoff } from '../../signoff-store';

const verdictWords = { trusted: 'valid, key trusted', untrusted: 'valid, key NOT trusted (known only from the file)', invalid: 'INVALID signature', off_chain: 'signed head NOT on this chain' } as const;

function KeyForm() {
  const { createKey, busy } = useSignoff();
  const [name, setName] = useState('');
  const passphrase = useNewPassphrase();
  return (
    <>
    <form
      className="field-row"
      onSubmit={async (e) => {
        e.preventDefault();
        await createKey(name.trim(), passphrase.value);
        passphrase.clear();
      }}
    >
      <label className="field grow">
        <span>Your name as signer</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <NewPassphraseFields passphrase={passphrase} label="Key passphrase" />
      <div className="actions">
        <button type="submit" className="btn" disabled={busy || !name.trim() || !passphrase.ready}>
          Make my signing key
        </button>
      </div>
    </form>
    <NewPassphraseProblem passphrase={passphrase} />
    </>
  );
}

function SignForm({ file }: { file: string }) {
  const { signOff, busy } = useSignoff();
  const [role, setRole] = useState<SignoffRole>('assessor');
  const [passphrase, setPassphrase] = useState('');
  const [comment, setComment] = useState('');
  return (
    <form
      className="field-row"
      onSubmit={async (e) => {
        e.preventDefault();
        await signOff(file, role, passphrase, comment);
        setPassphrase('');
      }}
    >
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as SignoffRole)}>
          {signoffRoles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="field grow">
        <span>Comment (optional)</span>
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <label className="field">
        <span>Key passphrase</span>
        <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !passphrase}>
          Sign off this state
        </button>
      </div>
    </form>
  );
}

/** Sign-off: named roles approve the audit head they saw with their Ed25519 key; each sign-off shows whether it still covers the state. */
export function SignoffPanel({ file, readOnly }: { file: string; readOnly: boolean }) {
  const { key, list, load, notice, error } = useSignoff();
  const id = useId();
  useEffect(() => {
    void load(file);
  }, [file, load]);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Sign-off</h2>
      <p className="muted small">
        A sign-off records the audit head it approves, signed with your key (kept in your settings folder, passphrase-encrypted). Any later change shows that it no
        longer covers the current state. Signatures count as trusted only for keys you pinned (<span className="mono">assay keys trust</span>).
      </p>
      {error && (
        <p className="notice notice-bad" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      {key ? (
        <p className="small">
          Your key: {key.name}, fingerprint <span className="mono">{key.fingerprintGroups}</span>
        </p>
      ) : (
        <KeyForm />
      )}
      {key && !readOnly && <SignForm file={file} />}
      {list && list.signoffs.length === 0 && <p className="muted">No sign-offs yet.</p>}
      {list && list.signoffs.length > 0 && (
        <div className="table-scroll">
          <table className="table" aria-label="Sign-offs of this assessment">
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Signer</th>
                <th scope="col">Signed</th>
                <th scope="col">Head approved</th>
                <th scope="col">Still covers the state?</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {list.signoffs.map((s) => (
                <tr key={s.id}>
                  <td>{s.role}</td>
                  <td>
                    {s.signer}
                    <br />
                    <span className="mono small">{s.fingerprint.slice(0, 16)}…</span>
                  </td>
                  <td>{formatDateTime(s.signedAt, localTimeZone())}</td>
                  <td>{s.head.count}</td>
                  <td>{coverageText(s)}</td>
                  <td className={s.verdict === 'trusted' ? 'ok' : 'warn'}>{verdictWords[s.verdict]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
