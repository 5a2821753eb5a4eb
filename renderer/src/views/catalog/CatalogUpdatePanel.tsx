import { useEffect, useState } from 'react';
import type { CatalogUpdateResult } from '../../../../shared/commands';
import { controlStateLabels } from '../../../../shared/domain/control-state';
import { countOf } from '../../../../shared/plural';
import { api } from '../../api';
import { useApp } from '../../store';
import { ErrorNotice } from '../../components/ErrorNotice';

const stateLabel = (s: CatalogUpdateResult['states'][number]['before']) => (s === null ? 'none' : controlStateLabels[s]);

/**
 * When this version of Assay bundles a newer catalog than the assessment's snapshot, says so,
 * shows what the update changes for this assessment, and applies it on request.
 */
export function CatalogUpdatePanel() {
  const current = useApp((s) => s.current);
  const refresh = useApp((s) => s.refresh);
  const [plan, setPlan] = useState<CatalogUpdateResult | null>(null);
  const [showing, setShowing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const file = current?.file;

  useEffect(() => {
    if (!file) return;
    void api.invoke('catalog.update', { file, dryRun: true }).then(setPlan, (e: unknown) => setError(String(e)));
  }, [file, current?.catalogVersion]);

  if (done)
    return (
      <p className="notice notice-ok" role="status">
        {done}
      </p>
    );
  if (!plan || plan.upToDate || !file) return null;

  async function apply() {
    try {
      const r = await api.invoke('catalog.update', { file: file!, dryRun: false });
      setDone(`Catalog updated from ${r.fromVersion} to ${r.toVersion}; the previous file was kept as ${r.backup ?? '(no backup)'}.`);
      await refresh({ quiet: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="panel catalog-update" aria-label="Catalog update">
      <p>
        This assessment uses catalog {plan.fromVersion}; this version of Assay bundles {plan.toVersion}.{' '}
        {current?.readOnly ? 'The file is open read-only, so it cannot be updated here.' : null}
        <button type="button" className="btn btn-small" onClick={() => setShowing(!showing)} aria-expanded={showing}>
          {showing ? 'Hide changes' : 'What would change?'}
        </button>
      </p>
      {showing && (
        <div data-testid="catalog-update-plan">
          <ul>
            <li>
              Controls: {plan.controls.added.length} added, {plan.controls.retired.length} retired, {plan.controls.changed.length} reworded
            </li>
            {plan.controls.retired.map((c) => (
              <li key={c.id}>
                {c.id} {c.name}: {c.mergedInto ? `merged into ${c.mergedInto}` : 'retired'} ({c.reason})
              </li>
            ))}
            <li>
              Requirements: {plan.requirements.added.length} added, {plan.requirements.removed.length} removed; mappings: {plan.mappings.added} added,{' '}
              {plan.mappings.removed} removed, {plan.mappings.changed} changed
            </li>
            <li>{countOf(plan.states.length, 'control state')} carried over (the strictest state of merged controls wins):</li>
            {plan.states.map((s) => (
              <li key={s.control}>
                {s.control}: {stateLabel(s.before)} → {s.after === null ? 'retired' : stateLabel(s.after)}
                {s.conflicts.length > 0 && <strong> conflict: {s.conflicts.map((c) => `${c.control} ${controlStateLabels[c.state]}`).join(', ')}</strong>}
              </li>
            ))}
          </ul>
          {!current?.readOnly && (
            <button type="button" className="btn btn-primary" onClick={() => void apply()}>
              Update to {plan.toVersion} (a backup copy is kept)
            </button>
          )}
        </div>
      )}
      <ErrorNotice message={error} />
    </section>
  );
}
