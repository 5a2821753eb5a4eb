import { useMemo, useState } from 'react';
import { displayId, kindHeading } from '../../../../shared/catalog/labels';
import { checkCatalog } from '../../../../shared/catalog/rules';
import { type CatalogIndex, itemTitle, refOf } from '../../../../shared/catalog/trace';
import { formatDate } from '../../../../shared/format-date';
import { AmendmentNotice } from './AmendmentNotice';
import { useApp } from '../../store';
import { TraceLink } from './links';

export function FrameworkDetail({ index, target }: { index: CatalogIndex; target: string }) {
  const removeFramework = useApp((s) => s.removeFramework);
  const busy = useApp((s) => s.busy);
  const [confirming, setConfirming] = useState(false);
  // The rules run over the whole catalog: once per catalog, not on every render.
  const coverages = useMemo(() => checkCatalog(index.catalog).coverage, [index.catalog]);
  const framework = index.frameworks.get(target);
  if (!framework) return <p className="muted">{target} is not in this catalog.</p>;
  const coverage = coverages.find((c) => c.framework === framework.id)!;
  const top = framework.items.filter((i) => !i.parent);
  const kinds = [...new Set(top.map((i) => i.kind))];
  const amendments = index.catalog.amendments.filter((a) => a.framework === framework.id);

  return (
    <article className="detail" aria-labelledby="catalog-title">
      <p className="eyebrow">Framework{framework.origin === 'user' ? ' · imported' : ''}</p>
      <h2 id="catalog-title">{framework.name}</h2>
      <dl className="meta">
        <dt>Publisher</dt>
        <dd>{framework.publisher}</dd>
        <dt>Version</dt>
        <dd>{framework.version}</dd>
        {framework.published && (
          <>
            <dt>Published</dt>
            <dd>{formatDate(framework.published)}</dd>
          </>
        )}
        <dt>Source</dt>
        <dd>{framework.source}</dd>
        <dt>Licence</dt>
        <dd>{framework.licence}</dd>
        {framework.url && (
          <>
            <dt>Address</dt>
            <dd className="mono small">{framework.url}</dd>
          </>
        )}
      </dl>
      <div className="facts-grid">
        <div>
          <h3>Items</h3>
          <p className="big-number">{framework.items.length}</p>
        </div>
        <div>
          <h3>Assessable</h3>
          <p className="big-number">{coverage.assessable}</p>
        </div>
        <div>
          <h3>Fully covered</h3>
          <p className="big-number">{coverage.full}</p>
          <p className="muted small">by an equal or superset control, or a named set of controls</p>
        </div>
        <div>
          <h3>Partly covered</h3>
          <p className="big-number">{coverage.partial}</p>
          <p className="muted small">only by subset or intersecting controls</p>
        </div>
        <div>
          <h3>Governance-only</h3>
          <p className="big-number">{coverage.governanceOnly}</p>
        </div>
      </div>
      {(framework.notes ?? []).length > 0 && (
        <>
          <h3>Notes</h3>
          <ul>
            {framework.notes!.map((n) => (
              <li key={n} className="small">
                {n}
              </li>
            ))}
          </ul>
        </>
      )}
      {amendments.map((a) => (
        <AmendmentNotice key={a.id} amendment={a} />
      ))}
      {kinds.map((kind) => (
        <section key={kind}>
          <h3>{kindHeading(kind)}</h3>
          <ul className="plain columns">
            {top
              .filter((i) => i.kind === kind)
              .map((i) => (
                <li key={i.id}>
                  <TraceLink kind="requirement" target={refOf(framework.id, i.id)}>
                    <span className="mono">{displayId(framework, i)}</span> {itemTitle(i)}
                  </TraceLink>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {framework.origin === 'user' &&
        (confirming ? (
          <div className="notice" role="group" aria-label="Confirm removal">
            <p>Remove {framework.short_name} from this assessment? The removal is recorded in the audit log.</p>
            <div className="actions">
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void removeFramework(framework.id)}>
                Remove
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(true)}>
              Remove imported framework…
            </button>
          </p>
        ))}
    </article>
  );
}
