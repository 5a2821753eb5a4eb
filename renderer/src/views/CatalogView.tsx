import { type FormEvent, useId, useMemo, useState } from 'react';
import { type SearchKind, searchCatalog, searchEntries } from '../../../shared/catalog/search';
import { buildIndex } from '../../../shared/catalog/trace';
import { shell } from '../api';
import { type CatalogSelection, useApp } from '../store';
import { FrameworkDetail } from './catalog/FrameworkDetail';
import { RequirementDetail } from './catalog/RequirementDetail';
import { ControlDetail, ThreatDetail } from './catalog/ThreatControlDetail';

const kindLabels: Record<SearchKind, string> = {
  framework: 'Framework',
  requirement: 'Requirement',
  threat: 'Threat',
  control: 'Control',
};

function ImportForm({ onDone }: { onDone: () => void }) {
  const importFramework = useApp((s) => s.importFramework);
  const busy = useApp((s) => s.busy);
  const [source, setSource] = useState('');
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await importFramework(source.trim())) onDone();
  }

  return (
    <form className="import-form" onSubmit={submit} aria-label="Import framework">
      <label htmlFor={id}>Framework file (Assay YAML/JSON or a CISO Assistant library)</label>
      <div className="field-row">
        <input id={id} value={source} onChange={(e) => setSource(e.target.value)} placeholder="/path/to/framework.yaml" spellCheck={false} />
        {shell && (
          <button
            type="button"
            className="btn"
            onClick={async () => {
              const chosen = await shell?.chooseFrameworkFile();
              if (chosen) setSource(chosen);
            }}
          >
            Browse…
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !source.trim()}>
          Import
        </button>
      </div>
    </form>
  );
}

function Detail({ selection, index }: { selection: CatalogSelection; index: ReturnType<typeof buildIndex> }) {
  switch (selection.kind) {
    case 'framework':
      return <FrameworkDetail index={index} target={selection.key} />;
    case 'requirement':
      return <RequirementDetail index={index} target={selection.key} />;
    case 'threat':
      return <ThreatDetail index={index} target={selection.key} />;
    case 'control':
      return <ControlDetail index={index} target={selection.key} />;
  }
}

export function CatalogView() {
  const catalog = useApp((s) => s.catalog);
  const trail = useApp((s) => s.catalogTrail);
  const open = useApp((s) => s.openInCatalog);
  const back = useApp((s) => s.catalogBack);
  const notice = useApp((s) => s.notice);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SearchKind | 'all'>('all');
  const [importing, setImporting] = useState(false);
  const searchId = useId();
  const kindId = useId();

  const index = useMemo(() => (catalog ? buildIndex(catalog) : null), [catalog]);
  const entries = useMemo(() => (index ? searchEntries(index) : []), [index]);
  const hits = useMemo(
    () => searchCatalog(entries, query, { limit: 200, ...(kind === 'all' ? {} : { kinds: [kind] }) }),
    [entries, query, kind],
  );

  if (!catalog || !index) return <p className="muted">Loading the catalog…</p>;
  const selection = trail[trail.length - 1];
  const isSelected = (k: string, key: string) => selection?.kind === k && selection.key === key;

  return (
    <div className="catalog">
      <div className="toolbar">
        <p className="muted">
          Catalog {catalog.manifest.version} · {catalog.frameworks.length} frameworks · {catalog.threats.length} threats ·{' '}
          {catalog.controls.length} controls · checked {catalog.manifest.checked_on}
        </p>
        <button type="button" className="btn" onClick={() => setImporting(!importing)} aria-expanded={importing}>
          Import framework…
        </button>
      </div>
      {importing && <ImportForm onDone={() => setImporting(false)} />}
      {notice && (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      )}
      <div className="split">
        <section className="list-pane" aria-label="Catalog search">
          <div className="toolbar">
            <label htmlFor={searchId} className="visually-hidden">
              Search the catalog
            </label>
            <input
              id={searchId}
              type="search"
              placeholder="Search by id, title or text, e.g. Art. 10, GOVERN 1.6, poisoning"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
            <label htmlFor={kindId} className="visually-hidden">
              Kind
            </label>
            <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as SearchKind | 'all')}>
              <option value="all">Everything</option>
              <option value="requirement">Requirements</option>
              <option value="threat">Threats</option>
              <option value="control">Controls</option>
              <option value="framework">Frameworks</option>
            </select>
          </div>
          {query.trim() ? (
            <>
              <p className="muted small" role="status">
                {hits.length === 200 ? 'First 200 results' : `${hits.length} result${hits.length === 1 ? '' : 's'}`}
              </p>
              <ul className="result-list" aria-label="Search results">
                {hits.map(({ entry }) => (
                  <li key={`${entry.kind}:${entry.key}`}>
                    <button
                      type="button"
                      className={`result${isSelected(entry.kind, entry.key) ? ' selected' : ''}`}
                      onClick={() => open({ kind: entry.kind, key: entry.key }, { fresh: true })}
                    >
                      <span className={`kind kind-${entry.kind}`} title={kindLabels[entry.kind]}>
                        {entry.label}
                      </span>
                      <span className="result-main">
                        <span className="mono">{entry.id}</span> {entry.title}
                      </span>
                      <span className="result-context">{entry.context}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <div className="browse">
              <h2>Frameworks</h2>
              <ul className="result-list">
                {catalog.frameworks.map((f) => (
                  <li key={f.id}>
                    <button
                      type="button"
                      className={`result${isSelected('framework', f.id) ? ' selected' : ''}`}
                      onClick={() => open({ kind: 'framework', key: f.id }, { fresh: true })}
                    >
                      <span className="result-main">{f.short_name}</span>
                      <span className="result-context">
                        {f.items.length} items{f.origin === 'user' ? ' · imported' : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <h2>AI threats</h2>
              <ul className="result-list">
                {catalog.threats.map((t) => (
                  <li key={t.id}>
                    <button
                      type="button"
                      className={`result${isSelected('threat', t.id) ? ' selected' : ''}`}
                      onClick={() => open({ kind: 'threat', key: t.id }, { fresh: true })}
                    >
                      <span className="result-main">
                        <span className="mono">{t.id}</span> {t.name}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <h2>Controls</h2>
              <ul className="result-list">
                {catalog.controls.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className={`result${isSelected('control', c.id) ? ' selected' : ''}`}
                      onClick={() => open({ kind: 'control', key: c.id }, { fresh: true })}
                    >
                      <span className="result-main">
                        <span className="mono">{c.id}</span> {c.name}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        <section className="detail-pane" aria-label="Catalog item">
          {trail.length > 1 && (
            <button type="button" className="btn btn-quiet back" onClick={back}>
              ← Back
            </button>
          )}
          {selection ? (
            <Detail selection={selection} index={index} />
          ) : (
            <div className="detail muted">
              <p>Search or pick a framework or threat to see its traceability: threat → controls → requirements, and back.</p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
