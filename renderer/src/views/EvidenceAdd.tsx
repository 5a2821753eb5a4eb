import { JobProgressBar } from '../components/JobProgressBar';
import { type DragEvent, useId, useRef, useState } from 'react';
import type { EvidenceLinkInput } from '../../../shared/domain/evidence/model';
import { formatBytes } from '../../../shared/format-bytes';
import { shell } from '../api';
import { type Sources, useEvidence } from '../evidence-store';
import { Field, IdNameOptions } from './EvidenceField';
import { useApp } from '../store';
import { useSystems } from '../systems-store';

/** Turns what was dropped or picked into sources: paths in the desktop app, files to upload in the browser. */
async function sourcesOf(files: File[]): Promise<Sources | null> {
  if (files.length === 0) return null;
  if (!shell) return { kind: 'files', files };
  const paths = (await Promise.all(files.map((f) => shell!.droppedFile(f)))).filter((p): p is string => p !== null);
  return paths.length ? { kind: 'paths', paths } : null;
}

export function IntakeProgress() {
  const intake = useEvidence((s) => s.intake);
  const cancel = useEvidence((s) => s.cancel);
  if (!intake) return null;
  const uploading = intake.jobId === null;
  const label = uploading && intake.total ? `${intake.phase}: ${formatBytes(intake.done)} of ${formatBytes(intake.total)}` : intake.phase;
  return (
    <JobProgressBar
      className="evidence-progress"
      label="Adding evidence"
      text={label}
      done={intake.done}
      total={intake.total}
      onCancel={intake.jobId ? () => void cancel() : undefined}
    />
  );
}

/** The drop zone and the options every added file shares: a control (optionally for a system) and a valid-until date. */
export function EvidenceAdd() {
  const add = useEvidence((s) => s.add);
  const busy = useEvidence((s) => s.intake !== null);
  const controls = useApp((s) => s.controls);
  const systems = useSystems((s) => s.systems);
  const [control, setControl] = useState('');
  const [system, setSystem] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  async function start(sources: Sources | null) {
    if (!sources) return;
    const links: EvidenceLinkInput[] = control ? [{ kind: 'control', target: control, system: system || null }] : [];
    await add(sources, { ...(links.length ? { links } : {}), ...(validUntil ? { details: { validUntil } } : {}) });
  }

  async function choose() {
    if (shell) {
      const paths = await shell.chooseEvidenceFiles();
      if (paths.length) await start({ kind: 'paths', paths });
    } else input.current?.click();
  }

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (!busy) void sourcesOf([...e.dataTransfer.files]).then(start);
  }

  return (
    <section className="panel evidence-add" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add evidence</h2>
      <div className="field-row">
        <Field label="Link to control">
          {(fid) => (
            <select id={fid} value={control} onChange={(e) => setControl(e.target.value)}>
            <option value="">no link</option>
            <IdNameOptions items={controls} />
          </select>
          )}
        </Field>
        <Field label="For system">
          {(fid) => (
            <select id={fid} value={system} onChange={(e) => setSystem(e.target.value)} disabled={!control}>
            <option value="">all systems</option>
            <IdNameOptions items={systems} />
          </select>
          )}
        </Field>
        <Field label="Valid until">
          {(fid) => (
            <input id={fid} type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          )}
        </Field>
      </div>
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        data-testid="evidence-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>Drop files here, or</p>
        <button type="button" className="btn btn-primary" onClick={() => void choose()} disabled={busy}>
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Evidence files"
          data-testid="evidence-input"
          onChange={(e) => {
            void sourcesOf([...(e.target.files ?? [])]).then(start);
            e.target.value = '';
          }}
        />
      </div>
      <IntakeProgress />
    </section>
  );
}
