import { useId, useState } from 'react';
import { formatBytes } from '../../../shared/format-bytes';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobProgressBar } from '../components/JobProgressBar';
import { NewPassphraseFields, NewPassphraseProblem, useNewPassphrase } from '../components/NewPassphrase';
import { usePackages } from '../package-store';
import { useApp } from '../store';

function Progress({ label }: { label: string }) {
  const { progress, jobId, cancel } = usePackages();
  if (!progress) return null;
  return <JobProgressBar label={label} text={progress.phase} done={progress.done} total={progress.total} onCancel={jobId ? () => void cancel() : undefined} />;
}

function PackPanel({ file }: { file: string }) {
  const { pack, running, packed } = usePackages();
  const id = useId();
  const [out, setOut] = useState(file.replace(/\.assay$/i, '.assaypkg'));
  const passphrase = useNewPassphrase();
  const [includeSecret, setIncludeSecret] = useState(false);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Pack this assessment</h2>
      <p className="muted small">
        One encrypted file with the evidence, to carry to a client or an auditor: AES-256-GCM under a key derived from the passphrase (scrypt). The passphrase is not
        stored anywhere: without it the package cannot be opened. The pseudonymisation key stays out unless you include it. While the file is being read, edits wait (a second or two per gigabyte).
      </p>
      <form
        className="field-row"
        onSubmit={async (e) => {
          e.preventDefault();
          await pack(file, out.trim(), passphrase.value, includeSecret);
          passphrase.clear();
        }}
      >
        <label className="field grow">
          <span>Package file</span>
          <input value={out} onChange={(e) => setOut(e.target.value)} spellCheck={false} />
        </label>
        <NewPassphraseFields passphrase={passphrase} label="Passphrase" />
        <label className="check-inline">
          <input type="checkbox" checked={includeSecret} onChange={(e) => setIncludeSecret(e.target.checked)} />
          Include the pseudonymisation key
        </label>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={running !== null || !out.trim() || !passphrase.ready}>
            Pack
          </button>
        </div>
      </form>
      <NewPassphraseProblem passphrase={passphrase} />
      {running === 'pack' && <Progress label="Packing" />}
      {packed && (
        <p className="notice notice-ok" role="status">
          Wrote {packed.package} ({formatBytes(packed.bytes)}, {packed.chunks} chunks) at head <span className="mono">{packed.head}</span>
          {packed.secretLeftOut ? '; the pseudonymisation key was left out' : ''}.
        </p>
      )}
    </section>
  );
}

/** Opens a package into a new assessment file, then opens that for editing or read-only for review (the auditor's first step). */
export function UnpackPanel({ folder, showError = false }: { folder: string; showError?: boolean }) {
  const { unpack, running, unpacked, error } = usePackages();
  const open = useApp((s) => s.open);
  const id = useId();
  const [pkg, setPkg] = useState('');
  const [out, setOut] = useState(`${folder}/unpacked.assay`);
  const [passphrase, setPassphrase] = useState('');
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Open a package</h2>
      <p className="muted small">Into a new assessment file; a wrong passphrase, a truncated or an altered package write nothing.</p>
      {showError && error && <ErrorNotice message={error} />}
      <form
        className="field-row"
        onSubmit={async (e) => {
          e.preventDefault();
          await unpack(pkg.trim(), out.trim(), passphrase);
          setPassphrase('');
        }}
      >
        <label className="field grow">
          <span>Package</span>
          <input value={pkg} onChange={(e) => setPkg(e.target.value)} placeholder="/path/to/assessment.assaypkg" spellCheck={false} />
        </label>
        <label className="field grow">
          <span>New assessment file</span>
          <input value={out} onChange={(e) => setOut(e.target.value)} spellCheck={false} />
        </label>
        <label className="field">
          <span>Package passphrase</span>
          <input type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="btn" disabled={running !== null || !pkg.trim() || !out.trim() || !passphrase}>
            Open package
          </button>
        </div>
      </form>
      {running === 'unpack' && <Progress label="Opening the package" />}
      {unpacked && (
        <p className="notice notice-ok" role="status">
          Wrote {unpacked.file} ({formatBytes(unpacked.bytes)}) at head <span className="mono">{unpacked.head}</span>.{' '}
          <button type="button" className="btn" onClick={() => void open(unpacked.file)}>
            Open it
          </button>{' '}
          <button type="button" className="btn" onClick={() => void open(unpacked.file, { readOnly: true })}>
            Open it read-only, for review
          </button>
        </p>
      )}
    </section>
  );
}

/** Encrypted packages: pack the open assessment; open a package into a new file. */
export function PackageView() {
  const current = useApp((s) => s.current);
  const error = usePackages((s) => s.error);
  if (!current) return null;
  const folder = current.file.slice(0, Math.max(current.file.lastIndexOf('/'), current.file.lastIndexOf('\\')));
  return (
    <div className="review-view package-view">
      <h1>Package</h1>
      {error && <ErrorNotice message={error} />}
      <PackPanel file={current.file} />
      <UnpackPanel folder={folder} />
    </div>
  );
}
