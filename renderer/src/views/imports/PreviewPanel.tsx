import { useEffect, useId } from 'react';
import { formatBytes } from '../../../../shared/format-bytes';
import type { ImportPreview } from '../../../../shared/imports/model';
import { useImports } from '../../imports-store';
import { useApp } from '../../store';
import { useSystems } from '../../systems-store';

const actionLabels = { create: 'Create', update: 'Update', unchanged: 'Unchanged', skip: 'Skip' } as const;

function MappingEditor({ mapping }: { mapping: NonNullable<ImportPreview['mapping']> }) {
  const { options, setOptions } = useImports();
  const id = useId();
  const current = (column: string) => (options.map && column in options.map ? options.map[column]! : (mapping.mapping[column] ?? ''));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Columns</h3>
      <p className="muted small">
        {mapping.origin === 'saved' ? `Saved mapping "${mapping.savedName}"` : mapping.origin === 'given' ? 'Your mapping' : 'Suggested from the header names'}
        {mapping.sheet ? `; sheet "${mapping.sheet}"` : ''}
        {mapping.headerRow ? `; header on row ${mapping.headerRow}` : ''}. Change a field and preview again.
      </p>
      <table className="table import-mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Field in Assay</th>
          </tr>
        </thead>
        <tbody>
          {mapping.columns.map((column) => (
            <tr key={column}>
              <td>{column}</td>
              <td>
                <select aria-label={`Field for column ${column}`} value={current(column)} onChange={(e) => setOptions({ map: { ...(options.map ?? {}), [column]: e.target.value } })}>
                  <option value="">(not used)</option>
                  {mapping.fields.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mapping.unmatchedRequired.length > 0 && (
        <p className="notice notice-bad" role="alert">
          No column is mapped to {mapping.unmatchedRequired.join(', ')}: choose one above.
        </p>
      )}
      <label className="field">
        <span>Save this mapping for the next file from this source as</span>
        <input type="text" value={options.saveMapping ?? ''} placeholder="e.g. client register" onChange={(e) => setOptions({ saveMapping: e.target.value || undefined })} />
      </label>
    </section>
  );
}

function Proposals({ preview }: { preview: ImportPreview }) {
  const { options, setOptions } = useImports();
  const systems = useSystems((s) => s.systems);
  // Select the catalog itself: a `?? []` inside the selector would be a new array on every render.
  const catalog = useApp((s) => s.catalog);
  const threats = catalog?.threats ?? [];
  const id = useId();
  if (!preview.systems.length && !preview.threats.length) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Names the assessment does not have</h3>
      {preview.systems.map((s) => (
        <label key={s.name} className="field proposal">
          <span>
            AI system “{s.name}” ({s.records} records)
          </span>
          <select value={options.systems?.[s.name] ?? s.decision} onChange={(e) => setOptions({ systems: { ...(options.systems ?? {}), [s.name]: e.target.value } })}>
            <option value="create">Create this AI system</option>
            <option value="skip">Skip its records</option>
            {systems.map((x) => (
              <option key={x.id} value={x.id}>
                Use {x.id} {x.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      {preview.threats.map((t) => (
        <label key={t.text} className="field proposal">
          <span>
            Threat “{t.text}” ({t.records} records)
          </span>
          <select value={options.threats?.[t.text] ?? t.decision} onChange={(e) => setOptions({ threats: { ...(options.threats ?? {}), [t.text]: e.target.value } })}>
            <option value="none">Keep unmatched</option>
            {t.candidates.map((c) => (
              <option key={`c-${c.id}`} value={c.id}>
                Match {c.id} {c.name} (suggested)
              </option>
            ))}
            {threats
              .filter((x) => !t.candidates.some((c) => c.id === x.id))
              .map((x) => (
                <option key={x.id} value={x.id}>
                  Match {x.id} {x.name}
                </option>
              ))}
          </select>
        </label>
      ))}
    </section>
  );
}

export function PreviewPanel() {
  const { preview, step, run, previewAgain, reset } = useImports();
  const loadCatalog = useApp((s) => s.loadCatalog);
  const hasCatalog = useApp((s) => s.catalog !== null);
  const id = useId();
  const needsThreats = (preview?.threats.length ?? 0) > 0;
  useEffect(() => {
    if (needsThreats && !hasCatalog) void loadCatalog();
  }, [needsThreats, hasCatalog, loadCatalog]);
  if (!preview) return null;
  const c = preview.counts;
  const errors = preview.problems.filter((p) => p.severity === 'error').length;
  const busy = step !== 'preview';
  return (
    <section className="panel import-preview" aria-labelledby={`${id}-h`} data-testid="import-preview">
      <h2 id={`${id}-h`}>Preview: {preview.source.name}</h2>
      <p className="muted small">
        {formatBytes(preview.source.size)} · SHA-256 <span className="mono">{preview.source.sha256}</span> · format {preview.format} ({preview.formatReason})
      </p>
      <ul className="chips" aria-label="What the import will do">
        <li>{c.create} to create</li>
        <li>{c.update} to update</li>
        <li>{c.unchanged} unchanged</li>
        <li>{c.skip} skipped</li>
        <li className={errors ? 'bad' : undefined}>
          {errors} errors, {preview.problems.length - errors} warnings
        </li>
      </ul>
      {preview.mapping && <MappingEditor mapping={preview.mapping} />}
      <Proposals preview={preview} />
      {preview.problems.length > 0 && (
        <details open={errors > 0}>
          <summary>Problems ({preview.problems.length})</summary>
          <table className="table import-problems">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Where</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i}>
                  <td>
                    <span className={`badge badge-severity-${p.severity}`}>{p.severity}</span>
                  </td>
                  <td className="nowrap">{p.location}</td>
                  <td>{p.field ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {preview.skipped.length > 0 && (
        <details>
          <summary>Skipped ({c.skip})</summary>
          <ul className="small">
            {preview.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.location}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="table-scroll">
        <table className="table import-items">
          <caption className="muted small">
            {preview.itemsTotal > preview.items.length ? `The first ${preview.items.length} of ${preview.itemsTotal} records` : `${preview.itemsTotal} records`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Kind</th>
              <th scope="col">Where</th>
              <th scope="col">Id</th>
              <th scope="col">Title</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={`${item.kind}-${item.externalId}-${item.location}`}>
                <td>
                  <span className={`badge import-action-${item.action}`}>{actionLabels[item.action]}</span>
                </td>
                <td>{item.kind}</td>
                <td className="nowrap">{item.location}</td>
                <td className="mono">{item.entityId ?? 'new'}</td>
                <td>{item.title}</td>
                <td className="small">{item.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar import-actions">
        <button type="button" className="btn" onClick={() => reset()} disabled={busy}>
          Discard
        </button>
        <span>
          <button type="button" className="btn" onClick={() => void previewAgain()} disabled={busy}>
            Preview again
          </button>{' '}
          <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy || preview.blocked}>
            Import {c.create + c.update} records
          </button>
        </span>
      </div>
      {preview.blocked && <p className="notice notice-bad">Fix the errors above (in the file, or in the column mapping) before importing.</p>}
    </section>
  );
}
