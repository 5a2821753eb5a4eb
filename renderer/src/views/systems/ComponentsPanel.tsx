import { useEffect } from 'react';
import { type ComponentKind, type ListedComponent, componentKindLabels, componentKinds } from '../../../../shared/domain/components/model';
import { useAiBom } from '../../aibom-store';
import { ErrorNotice } from '../../components/ErrorNotice';

const plural: Record<ComponentKind, string> = { model: 'Models', dataset: 'Datasets', service: 'Services', library: 'Libraries', other: 'Other components' };

function ModelCardFacts({ c }: { c: ListedComponent }) {
  const card = c.modelCard;
  if (!card) return null;
  const facts: [string, string][] = [
    ['Type', card.architecture ?? ''],
    ['Task', card.task ?? ''],
    ['Trained on', card.trainedOn.join(', ')],
    ['Tested on', card.testedOn.join(', ')],
    ['Metrics', card.metrics.map((m) => `${m.name} ${m.value}${m.slice ? ` (${m.slice})` : ''}`).join('; ')],
    ['Limitations', card.limitations.join(' ')],
    ['Ethical considerations', card.ethics.join(' ')],
  ];
  return (
    <details className="model-card">
      <summary>Model card</summary>
      <dl className="facts-list">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

function ComponentItem({ c }: { c: ListedComponent }) {
  return (
    <li className="component-item" aria-label={`${componentKindLabels[c.kind]} ${c.name}`}>
      <div className="component-head">
        <strong>{c.name}</strong>
        {c.version && <span className="mono small">{c.version}</span>}
        <span className="muted mono small component-id">{c.id}</span>
      </div>
      <p className="small component-facts">
        <span>Supplier: {c.supplier ?? <span className="empty component-unknown">unknown</span>}</span>
        <span>Licence: {c.licenses.length ? c.licenses.join(', ') : <span className="empty component-unknown">unknown</span>}</span>
        <span className="muted">From {c.source.name}</span>
      </p>
      <ModelCardFacts c={c} />
    </li>
  );
}

/** What an AI system is built from, as its imported AI-BOMs say: models, datasets, services and libraries. */
export function ComponentsPanel({ file, systemId }: { file: string; systemId: string }) {
  const { components, error, loading, load } = useAiBom();
  useEffect(() => {
    void load(file, systemId);
  }, [file, systemId, load]);
  const mine = components.filter((c) => c.systemId === systemId);
  return (
    <section className="components-panel" aria-label="Components (AI-BOM)">
      <h3>Components (AI-BOM)</h3>
      <ErrorNotice message={error} />
      {mine.length === 0 ? (
        !loading && (
          <p className="muted">
            No components recorded yet. Import the system's AI-BOM (CycloneDX 1.5–1.7 or SPDX 3.0 JSON) to list its models, datasets, services and libraries:
            on the command line, <code className="nowrap">assay import &lt;file&gt; &lt;bom.json&gt;</code> <code className="nowrap">--system {systemId}</code>.
          </p>
        )
      ) : (
        <>
          <p className="small muted">
            {mine.length} component{mine.length === 1 ? '' : 's'} from imported AI-BOMs; importing a newer BOM updates them.
          </p>
          {componentKinds
            .filter((k) => mine.some((c) => c.kind === k))
            .map((k) => {
              const ofKind = mine.filter((c) => c.kind === k);
              return (
                <div key={k} className="component-group">
                  <h4>
                    {plural[k]} ({ofKind.length})
                  </h4>
                  <ul className="component-list">
                    {ofKind.map((c) => (
                      <ComponentItem key={c.id} c={c} />
                    ))}
                  </ul>
                </div>
              );
            })}
        </>
      )}
    </section>
  );
}
