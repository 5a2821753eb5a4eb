import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/format-bytes';
import type { ImportFormatChoice } from '../../../shared/imports/model';
import { shell } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { JobProgressBar } from '../components/JobProgressBar';
import { useImports } from '../imports-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { BatchList } from './imports/BatchList';
import { PreviewPanel } from './imports/PreviewPanel';

/** The progress of an upload, a preview or an import, with Cancel for the jobs. */
function JobProgress() {
  const { step, progress, jobId, cancel } = useImports();
  if (!progress || (step !== 'uploading' && step !== 'previewing' && step !== 'importing')) return null;
  const label = step === 'uploading' && progress.total ? `${progress.phase}: ${formatBytes(progress.done)} of ${formatBytes(progress.total)}` : progress.phase;
  return (
    <JobProgressBar
      label={step === 'importing' ? 'Importing' : 'Reading the file'}
      text={`${label}${progress.total > 0 && step !== 'uploading' ? ` (${progress.done} of ${progress.total})` : ''}`}
      done={progress.done}
      total={progress.total}
      onCancel={jobId ? () => void cancel() : undefined}
    />
  );
}

function Chooser() {
  const { step, formats, options, setOptions, choose, sourceName } = useImports();
  const systems = useSystems((s) => s.systems);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = useId();
  const busy = step === 'uploading' || step === 'previewing' || step === 'importing';

  async function pick() {
    if (shell) {
      const path = await shell.chooseImportFile();
      if (path) await choose({ kind: 'path', path, name: path.split(/[\\/]/).pop() ?? path });
    } else input.current?.click();
  }

  async function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (!file || busy) return;
    const path = shell ? await shell.droppedFile(file) : null;
    await choose(path ? { kind: 'path', path, name: file.name } : { kind: 'file', file });
  }

  return (
    <section className="panel import-chooser" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Import a file</h2>
      <p className="muted small">
        Risk registers and control lists (CSV, Excel, JSON), AI-BOMs (CycloneDX, SPDX), red-team and scanner results (garak, promptfoo, AVID, SARIF, Trivy, Grype),
        OSCAL and human-risk exports (KnowBe4, Mimecast). Nothing is written until you have seen the preview and chosen Import.
      </p>
      <div className="field-row">
        <label className="field">
          <span>Format</span>
          <select value={options.format ?? 'auto'} onChange={(e) => setOptions({ format: e.target.value as ImportFormatChoice })} disabled={busy}>
            <option value="auto">Detect from the content</option>
            {formats.map((f) => (
              <option key={f.format} value={f.format}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>About AI system</span>
          <select value={options.system ?? ''} onChange={(e) => setOptions(e.target.value ? { system: e.target.value } : { system: undefined })} disabled={busy}>
            <option value="">as the file says</option>
            {systems.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => void drop(e)}
      >
        <button type="button" className="btn btn-primary" onClick={() => void pick()} disabled={busy}>
          Choose a file…
        </button>
        <span className="muted small">or drop it here{sourceName ? ` · current: ${sourceName}` : ''}</span>
        <input
          ref={input}
          type="file"
          hidden
          aria-label="File to import"
          data-testid="import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose({ kind: 'file', file });
          }}
        />
      </div>
      <JobProgress />
    </section>
  );
}

export function ImportView() {
  const file = useApp((s) => s.current?.file ?? null);
  const readOnly = useApp((s) => s.current?.readOnly ?? false);
  const { error, result, preview, step } = useImports();

  useEffect(() => {
    if (!file) return;
    void useImports.getState().load(file);
    void useSystems.getState().load(file);
  }, [file]);

  return (
    <div className="imports">
      <p className="muted">Bring in what clients already have. Every import is one batch in the audit log, its source kept as evidence; importing the same file again updates instead of duplicating.</p>
      {readOnly ? <p className="notice">This assessment is open read-only: imports are not possible.</p> : <Chooser />}
      <ErrorNotice message={error} />
      {result && result.batchId && (
        <p className="notice notice-ok" role="status" data-testid="import-done">
          Imported {result.source.name} as batch {result.batchId}: {result.counts.create} created, {result.counts.update} updated, {result.counts.unchanged} unchanged,{' '}
          {result.counts.skip} skipped{result.evidenceId ? `; the source is kept as evidence ${result.evidenceId}` : ''}.
        </p>
      )}
      {preview && step !== 'done' && <PreviewPanel />}
      <BatchList />
    </div>
  );
}
