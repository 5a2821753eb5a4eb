import type { ControlRequirement } from '../../../../shared/catalog/schema';
import { displayId } from '../../../../shared/catalog/labels';
import { type CatalogIndex, itemTitle, traceControl, traceThreat } from '../../../../shared/catalog/trace';
import { countOf } from '../../../../shared/plural';
import { ControlDescription } from '../../components/ControlDescription';
import { StateBadge } from '../../components/StateBadge';
import { useApp } from '../../store';
import { Relationship, TraceLink } from './links';

/** Requirements grouped under their framework's short name, in catalog order. */
function RequirementsByFramework({ index, mappings }: { index: CatalogIndex; mappings: ControlRequirement[] }) {
  const groups = index.catalog.frameworks
    .map((f) => ({ framework: f, rows: mappings.filter((m) => m.requirement.startsWith(`${f.id}:`)) }))
    .filter((g) => g.rows.length > 0);
  if (groups.length === 0) return <p className="muted">No requirement is mapped.</p>;
  return (
    <div className="req-groups">
      {groups.map(({ framework, rows }) => (
        <div key={framework.id} className="req-group">
          <p className="req-group-title">{framework.short_name}</p>
          <ul className="plain">
            {rows.map((m) => {
              const entry = index.items.get(m.requirement);
              return (
                <li key={m.requirement}>
                  <Relationship value={m.relationship} />{' '}
                  <TraceLink kind="requirement" target={m.requirement}>
                    <span className="mono">{entry ? displayId(entry.framework, entry.item) : m.requirement}</span> {entry ? itemTitle(entry.item) : ''}
                  </TraceLink>
                  <div className="muted small">{m.rationale}</div>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function ThreatDetail({ index, target }: { index: CatalogIndex; target: string }) {
  const trace = traceThreat(index, target);
  if (!trace) return <p className="muted">{target} is not in this catalog.</p>;
  const { threat } = trace;
  return (
    <article className="detail" aria-labelledby="catalog-title">
      <p className="eyebrow">AI threat · {threat.id}</p>
      <h2 id="catalog-title">{threat.name}</h2>
      <p>{threat.description}</p>
      <div className="facts-grid">
        <div>
          <h3>Lifecycle stages</h3>
          <p>{threat.lifecycle.join(', ')}</p>
        </div>
        <div>
          <h3>Assets targeted</h3>
          <p>{threat.assets.join(', ')}</p>
        </div>
      </div>
      {trace.refs.length > 0 && (
        <>
          <h3>Described in</h3>
          <ul className="chips">
            {trace.refs.map((r) => (
              <li key={r.ref}>
                <TraceLink kind="requirement" target={r.ref}>
                  {r.framework.short_name}: {[displayId(r.framework, r.item), itemTitle(r.item)].filter(Boolean).join(' ')}
                </TraceLink>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Mitigated by</h3>
      {trace.controls.map(({ control, mapping, requirements }) => (
        <section key={control.id} className="trace-card" aria-label={`${control.id} ${control.name}`}>
          <p className="trace-card-title">
            <TraceLink kind="control" target={control.id}>
              <span className="mono">{control.id}</span> {control.name}
            </TraceLink>
          </p>
          <p className="small">{mapping.rationale}</p>
          <details>
            <summary>Satisfies {countOf(requirements.length, 'requirement')}</summary>
            <RequirementsByFramework index={index} mappings={requirements} />
          </details>
        </section>
      ))}
    </article>
  );
}

export function ControlDetail({ index, target }: { index: CatalogIndex; target: string }) {
  const row = useApp((s) => s.controls.find((c) => c.id === target));
  const select = useApp((s) => s.select);
  const setView = useApp((s) => s.setView);
  const trace = traceControl(index, target);
  if (!trace) return <p className="muted">{target} is not in this catalog.</p>;
  const { control } = trace;
  return (
    <article className="detail" aria-labelledby="catalog-title">
      <p className="eyebrow">
        Control · {control.id} · {control.type}
      </p>
      <h2 id="catalog-title">{control.name}</h2>
      {row && (
        <p>
          <StateBadge state={row.state} />{' '}
          <button
            type="button"
            className="trace-link"
            onClick={() => {
              select(control.id);
              setView('controls');
            }}
          >
            Edit state
          </button>
        </p>
      )}
      <ControlDescription control={control} />
      <h3>Mitigates threats</h3>
      {trace.threats.length === 0 ? (
        <p className="muted">No threat is mapped to this control.</p>
      ) : (
        <ul className="plain">
          {trace.threats.map(({ threat, mapping }) => (
            <li key={threat.id}>
              <TraceLink kind="threat" target={threat.id}>
                {threat.id} {threat.name}
              </TraceLink>
              <div className="muted small">{mapping.rationale}</div>
            </li>
          ))}
        </ul>
      )}
      <h3>Satisfies requirements</h3>
      <RequirementsByFramework index={index} mappings={trace.requirements.map((r) => r.mapping)} />
    </article>
  );
}
