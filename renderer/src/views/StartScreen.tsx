import { type FormEvent, useId, useState } from 'react';
import { api, shell } from '../api';
import { useApp } from '../store';
import { DisplayNamePanel } from './DisplayNamePanel';
import { UnpackPanel } from './PackageView';
import { formatDateTime, localTimeZone } from '../../../shared/format-date';

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'assessment'
  );
}

function joinPath(folder: string, file: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + file : folder + sep + file;
}

function NewAssessmentForm() {
  const info = useApp((s) => s.info);
  const create = useApp((s) => s.create);
  const busy = useApp((s) => s.busy);
  const [name, setName] = useState('');
  const [file, setFile] = useState<string | null>(null);
  const ids = { name: useId(), file: useId() };
  const proposed = info ? joinPath(info.defaultFolder, `${slug(name)}.assay`) : '';
  const path = file ?? proposed;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await create(path.trim(), name.trim());
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-heading">
      <h2 id="new-heading">New assessment</h2>
      <p className="muted">Creates one file holding the assessment and a snapshot of catalog {info?.catalogVersion}.</p>
      <label htmlFor={ids.name}>Name</label>
      <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Acme Corp 2026 AI assessment" required />
      <label htmlFor={ids.file}>File</label>
      <div className="field-row">
        <input id={ids.file} value={path} onChange={(e) => setFile(e.target.value)} spellCheck={false} required />
        {shell && (
          <button
            type="button"
            className="btn"
            onClick={async () => {
              const chosen = await shell?.chooseNewFile(path);
              if (chosen) setFile(chosen);
            }}
          >
            Browse…
          </button>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          Create assessment
        </button>
      </div>
    </form>
  );
}

function OpenAssessmentForm() {
  const open = useApp((s) => s.open);
  const busy = useApp((s) => s.busy);
  const [file, setFile] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const id = useId();

  return (
    <form
      className="panel"
      aria-labelledby="open-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        await open(file.trim(), { readOnly });
      }}
      // In the desktop app a dropped file counts as chosen: the preload asks Electron for its path.
      onDragOver={(e) => {
        if (shell) e.preventDefault();
      }}
      onDrop={async (e) => {
        const dropped = e.dataTransfer.files[0];
        if (!shell || !dropped) return;
        e.preventDefault();
        const path = await shell.droppedFile(dropped);
        if (path) await open(path, { readOnly });
      }}
    >
      <h2 id="open-heading">Open assessment</h2>
      <label htmlFor={id}>File</label>
      <div className="field-row">
        <input id={id} value={file} onChange={(e) => setFile(e.target.value)} placeholder="/path/to/assessment.assay" spellCheck={false} />
        {shell && (
          <button
            type="button"
            className="btn"
            onClick={async () => {
              const chosen = await shell?.chooseExistingFile();
              if (chosen) await open(chosen, { readOnly });
            }}
          >
            Browse…
          </button>
        )}
      </div>
      <div className="actions">
        <label className="check-inline">
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          Read-only, for review (nothing is written; editing refuses)
        </label>
        <button type="submit" className="btn" disabled={busy || !file.trim()}>
          {readOnly ? 'Open read-only' : 'Open'}
        </button>
      </div>
    </form>
  );
}

function RecentList() {
  const recent = useApp((s) => s.recent);
  const open = useApp((s) => s.open);
  return (
    <section className="panel" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent assessments</h2>
      {recent.length === 0 ? (
        <p className="muted">Assessments you create or open appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((r) => (
            <li key={r.file}>
              <button
                type="button"
                className="recent-item"
                disabled={!r.exists}
                onClick={() => void open(r.file)}
                title={r.exists ? r.file : `${r.file} (missing)`}
              >
                <span className="recent-name">{r.name}</span>
                <span className="recent-path">{r.exists ? r.file : `${r.file} — file not found`}</span>
                <span className="recent-date">{formatDateTime(r.openedAt, localTimeZone())}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A fictional lender's assessment to explore: written once to the assessments folder, then opened like any other. */
function SamplePanel() {
  const info = useApp((s) => s.info);
  const open = useApp((s) => s.open);
  const busy = useApp((s) => s.busy);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!info) return null;
  const file = joinPath(info.defaultFolder, 'northwind-financial-sample.assay');
  return (
    <section className="panel" aria-labelledby="sample-heading">
      <h2 id="sample-heading">Sample assessment</h2>
      <p className="muted">
        Northwind Financial, a fictional lender: a customer support assistant, a high-risk credit scoring model, a coding assistant and a procurement agent,
        with their EU AI Act classes, control entries and history.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn"
        disabled={busy || working}
        onClick={async () => {
          setWorking(true);
          setError(null);
          try {
            // Written once; after that the same file is opened with whatever the user changed in it.
            const known = await api.invoke('app.recent', {});
            const existing = known.files.find((r) => r.file === file && r.exists);
            if (!existing) await api.invoke('assessment.sample', { file }).catch((e: unknown) => {
              if (!(e instanceof Error && e.message.includes('already exists'))) throw e;
            });
            await open(file);
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setWorking(false);
          }
        }}
      >
        {working ? 'Preparing the sample…' : 'Open the sample assessment'}
      </button>
    </section>
  );
}

export function StartScreen() {
  const info = useApp((s) => s.info);
  return (
    <main className="start">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <div>
            <h1>Assay</h1>
            <p className="muted">AI compliance workbench: EU AI Act · NIST AI RMF · OWASP</p>
          </div>
        </div>
        {info && (
          <p className="muted small">
            Version {info.appVersion} · catalog {info.catalogVersion} · file format {info.schemaVersion}
          </p>
        )}
      </header>
      <div className="start-grid">
        <div className="start-column">
          <DisplayNamePanel />
          <NewAssessmentForm />
          <OpenAssessmentForm />
        </div>
        <div className="start-column">
          <RecentList />
          <SamplePanel />
          {info && <UnpackPanel folder={info.defaultFolder} showError />}
        </div>
      </div>
    </main>
  );
}
