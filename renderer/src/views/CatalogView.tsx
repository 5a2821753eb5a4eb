import { type FormEvent, useId, useMemo, useState } from 'react';
import { type SearchKind, searchCatalog, searchEntries } from '../../../shared/catalog/search';
import { buildIndex } from '../../../shared/catalog/trace';
import { formatDate } from '../../../shared/format-date';
import { countOf } from '../../../shared/plural';
import { shell } from '../api';
import { type CatalogSelection, useApp } from '../store';
import { CatalogUpdatePanel } from './catalog/CatalogUpdatePanel';
import { OwnControlsPanel } from './catalog/OwnControlsPanel';
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

interface BrowseRow {
  key: string;
  id?: string;
  main: string;
  context?: string;
}

/** One group of the browse lists shown while the search box is empty. */
function BrowseList({ title, kind, rows }: { title: string; kind: CatalogSelection['kind']; rows: BrowseRow[] }) {
  const open = useApp((s) => s.openInCatalog);
  const selection = useApp((s) => s.catalogTrail[s.catalogTrail.length - 1]);
  return (
    <>
      <h2>{title}</h2>
      <ul className="result-list" aria-label={title}>
        {rows.map((row) => (
          <li key={row.key}>
            <button
              type="button"
              className={`result${selection?.kind === kind && selection.key === row.key ? ' selected' : ''}`}
              onClick={() => open({ kind, key: row.key }, { fresh: true })}
            >
              <span className="result-main">
                {row.id && <span className="mono">{row.id}</span>} {row.main}
              </span>
              {row.context && <span className="result-context">{row.context}</span>}
            </button>
          </li>
        ))}
      </ul>
    </>
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
  const [owning, setOwning] = useState(false);
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
          {countOf(catalog.controls.length, 'control')} · checked {formatDate(catalog.manifest.checked_on)}
        </p>
        <button type="button" className="btn" onClick={() => setImporting(!importing)} aria-expanded={importing}>
          Import framework…
        </button>
        <button type="button" className="btn" onClick={() => setOwning(!owning)} aria-expanded={owning}>
          Own controls…
        </button>
      </div>
      <CatalogUpdatePanel />
      {importing && <ImportForm onDone={() => setImporting(false)} />}
      {owning && <OwnControlsPanel />}
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
                        <span className="mono">{entry.shownId}</span> {entry.title}
                      </span>
                      <span className="result-context">{entry.context}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <div className="browse">
              <BrowseList
                title="Frameworks"
                kind="framework"
                rows={catalog.frameworks.map((f) => ({
                  key: f.id,
                  main: f.short_name,
                  context: `${f.items.length} items${f.origin === 'user' ? ' · imported' : ''}`,
                }))}
              />
              <BrowseList title="AI threats" kind="threat" rows={catalog.threats.map((t) => ({ key: t.id, id: t.id, main: t.name }))} />
              <BrowseList title="Controls" kind="control" rows={catalog.controls.map((c) => ({ key: c.id, id: c.id, main: c.name }))} />
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
