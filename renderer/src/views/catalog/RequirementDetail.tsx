import { applicationDates, scopeLabels } from '../../../../shared/catalog/eu-dates';
import { describeRef, displayId, repeatsTitle } from '../../../../shared/catalog/labels';
import { type CatalogIndex, itemReference, itemTitle, refOf, traceRequirement } from '../../../../shared/catalog/trace';
import { formatDate } from '../../../../shared/format-date';
import { operatorRoleLabels } from '../../../../shared/catalog/labels';
import { countOf } from '../../../../shared/plural';
import { ReviewNotes } from '../../components/ReviewNotes';
import { StateBadge } from '../../components/StateBadge';
import { riskClassLabels } from '../../../../shared/catalog/labels';
import { useApp } from '../../store';
import { Relationship, TraceLink } from './links';

export function RequirementDetail({ index, target }: { index: CatalogIndex; target: string }) {
  const controls = useApp((s) => s.controls);
  const file = useApp((s) => s.current?.file);
  const trace = traceRequirement(index, target);
  if (!trace) return <p className="muted">{target} is not in this catalog.</p>;
  const { entry, parents, children } = trace;
  const { framework, item } = entry;
  const dates = applicationDates(item, index.catalog.amendments.filter((a) => a.framework === framework.id));
  const stateOf = (id: string) => controls.find((c) => c.id === id)?.state;
  const sets = index.catalog.coverage_sets.filter((set) => set.requirement === entry.ref);
  // Changes an amendment makes inside this article (e.g. a new Art. 5 point), kept apart from the baseline.
  const amendmentChanges = index.catalog.amendments
    .filter((a) => a.framework === framework.id)
    .flatMap((a) => a.changes.filter((c) => c.article === item.id || c.article.startsWith(`${item.id}(`)).map((c) => ({ a, c })));

  return (
    <article className="detail" aria-labelledby="catalog-title">
      <nav className="breadcrumb" aria-label="Location">
        <TraceLink kind="framework" target={framework.id}>
          {framework.short_name}
        </TraceLink>
        {parents.map((p) => (
          <span key={p.ref}>
            {' › '}
            <TraceLink kind="requirement" target={p.ref}>
              {displayId(p.framework, p.item) || itemTitle(p.item)}
            </TraceLink>
          </span>
        ))}
      </nav>
      <p className="eyebrow">
        {item.kind}
        {item.assessable ? ' · assessable' : ''}
      </p>
      <h2 id="catalog-title">
        <span className="mono">{displayId(framework, item)}</span> {itemTitle(item)}
      </h2>
      {item.title && item.label && !repeatsTitle(item.label, item.title) && <p className="muted">{item.label}</p>}
      {item.summary && !repeatsTitle(item.summary, itemTitle(item)) && <p>{item.summary}</p>}
      <p className="muted small">Reference: {itemReference(framework, item)}</p>
      {item.aliases && <p className="muted small">Also known as: {item.aliases.join('; ')}</p>}
      {file && <ReviewNotes file={file} target={{ kind: 'requirement', id: entry.ref }} />}

      {item.eu && (
        <section aria-label="EU AI Act applicability" className="facts-grid">
          <div>
            <h3>Applies to</h3>
            <p>{item.eu.roles.map((r) => operatorRoleLabels[r]).join(', ')}</p>
          </div>
          <div>
            <h3>Risk class</h3>
            <p>{item.eu.risk_classes.map((c) => riskClassLabels[c as keyof typeof riskClassLabels] ?? c).join(', ')}</p>
          </div>
          <div className="wide">
            <h3>Applies from</h3>
            <table className="table dates-table">
              <thead>
                <tr>
                  <th scope="col">Systems</th>
                  <th scope="col">The law as published</th>
                  <th scope="col">With the amendment layer</th>
                </tr>
              </thead>
              <tbody>
                {dates.map((d) => (
                  <tr key={`${d.scope}${d.baseline}`}>
                    <td>{scopeLabels[d.scope]}</td>
                    <td>
                      <strong>{formatDate(d.baseline)}</strong> <span className="muted small">({d.basis})</span>
                    </td>
                    <td>
                      {d.amended ? (
                        <>
                          <strong>{formatDate(d.amended.date)}</strong>
                          {d.amended.condition && <> for {d.amended.condition}</>}{' '}
                          <span className="muted small">
                            ({d.amended.status}: {d.amended.title})
                          </span>
                        </>
                      ) : (
                        <span className="muted">unchanged</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {item.governance_only && (
        <p className="notice">
          Governance only: {item.governance_only}
        </p>
      )}

      {amendmentChanges.map(({ a, c }) => (
        <p key={c.id} className="notice">
          <strong>
            {a.title} ({a.status}): {c.article}
            {c.number_verified ? '' : ', number not verified'}.
          </strong>{' '}
          {c.label}. {c.summary}
          {c.applies_from && <> Applies from {formatDate(c.applies_from)}.</>}
        </p>
      ))}

      {item.omitted && (
        <section aria-label="Left out on purpose">
          <h3>Left out on purpose</h3>
          <ul className="plain">
            {item.omitted.map((o) => (
              <li key={o.ref}>
                <span className="mono">{o.ref}</span> <span className="muted">{o.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {item.same_as && (
        <>
          <h3>Same item elsewhere</h3>
          <ul className="plain">
            {item.same_as.map((s) => (
              <li key={s.ref}>
                <TraceLink kind="requirement" target={s.ref}>
                  {describeRef(index, s.ref)}
                </TraceLink>{' '}
                <span className="muted">({s.relation})</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {item.related && (
        <>
          <h3>Linked in {framework.short_name}</h3>
          <ul className="chips">
            {item.related.map((r) => {
              const linked = index.items.get(refOf(framework.id, r));
              return (
                <li key={r}>
                  <TraceLink kind="requirement" target={refOf(framework.id, r)}>
                    {linked ? [displayId(linked.framework, linked.item), itemTitle(linked.item)].filter(Boolean).join(' ') : r}
                  </TraceLink>
                </li>
              );
            })}
          </ul>
        </>
      )}

      {children.length > 0 && (
        <>
          <h3>Contains</h3>
          <ul className="plain">
            {children.map((c) => (
              <li key={c.ref}>
                <TraceLink kind="requirement" target={c.ref}>
                  <span className="mono">{displayId(c.framework, c.item)}</span> {itemTitle(c.item)}
                </TraceLink>
                {(index.controlsByRequirement.get(c.ref)?.length ?? 0) > 0 && (
                  <span className="muted small"> · {countOf(index.controlsByRequirement.get(c.ref)!.length, 'control')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>Satisfied by controls</h3>
      {sets.map((set) => (
        <p key={set.id} className="notice small">
          Fully covered together by {set.controls.join(', ')}: {set.rationale}
        </p>
      ))}
      {trace.controls.length === 0 ? (
        <p className="muted">{item.assessable ? 'No control is mapped to this item.' : 'Not an assessable item; see the items it contains.'}</p>
      ) : (
        <table className="table trace-table">
          <thead>
            <tr>
              <th scope="col">Control</th>
              <th scope="col">Relationship</th>
              <th scope="col">Why</th>
              <th scope="col">Answers threats</th>
            </tr>
          </thead>
          <tbody>
            {trace.controls.map(({ control, mapping, threats }) => (
              <tr key={control.id}>
                <td>
                  <TraceLink kind="control" target={control.id}>
                    <span className="mono">{control.id}</span> {control.name}
                  </TraceLink>
                  {stateOf(control.id) && (
                    <div>
                      <StateBadge state={stateOf(control.id)!} />
                    </div>
                  )}
                </td>
                <td>
                  <Relationship value={mapping.relationship} />
                </td>
                <td>{mapping.rationale}</td>
                <td>
                  {threats.map((t) => (
                    <div key={t.threat}>
                      <TraceLink kind="threat" target={t.threat}>
                        {t.threat} {index.threats.get(t.threat)?.name}
                      </TraceLink>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {trace.citedBy.length > 0 && (
        <>
          <h3>AI threats that cite this item</h3>
          <ul className="plain">
            {trace.citedBy.map((t) => (
              <li key={t.id}>
                <TraceLink kind="threat" target={t.id}>
                  {t.id} {t.name}
                </TraceLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
