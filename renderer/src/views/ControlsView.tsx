import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import type { ListedControl } from '../../../shared/commands';
import { type ControlFilter, emptyFilter, filterControls, indexControlLinks, isFiltering, ownersOf } from '../../../shared/domain/controls/filter';
import { countOf } from '../../../shared/plural';
import { ControlDescription } from '../components/ControlDescription';
import { ErrorNotice } from '../components/ErrorNotice';
import { StateBadge } from '../components/StateBadge';
import { useControls } from '../controls-store';
import { useApp } from '../store';
import { useSystems } from '../systems-store';
import { BulkEditBar } from './controls/BulkEditBar';
import { ControlEditor } from './controls/ControlEditor';
import { ReviewNotes } from '../components/ReviewNotes';
import { ControlFilters } from './controls/ControlFilters';
import { ControlsTable } from './controls/ControlsTable';
import { DiscardDialog } from './controls/DiscardDialog';

const noLinks = indexControlLinks({ control_requirements: [], threat_controls: [] });
const localToday = () => new Date().toLocaleDateString('sv-SE');

function ControlDetail({ control, systemName, readOnly }: { control: ListedControl; systemName: string | null; readOnly: boolean }) {
  const openInCatalog = useApp((s) => s.openInCatalog);
  const guard = useControls((s) => s.guard);
  const file = useApp((s) => s.current?.file ?? null);
  return (
    <article className="detail" aria-labelledby="control-title">
      <p className="eyebrow">
        {control.id} · {control.type}
        {systemName ? ` · ${systemName}` : ''}
      </p>
      <h2 id="control-title">{control.name}</h2>
      <StateBadge state={control.state} />{' '}
      <button type="button" className="trace-link" onClick={() => guard('Opening the catalog', () => openInCatalog({ kind: 'control', key: control.id }, { fresh: true }))}>
        Show traceability
      </button>
      {/* Keyed by whose entry and what is stored, so another control or a saved change starts the form afresh. */}
      <ControlEditor key={`${systemName ?? ''}|${control.id}|${control.updatedAt ?? ''}|${control.source}`} control={control} systemName={systemName} readOnly={readOnly} />
      {control.state === 'not_applicable' && control.justification && (
        <>
          <h3>Why not applicable</h3>
          <p className="justification">{control.justification}</p>
        </>
      )}
      {file && <ReviewNotes file={file} target={{ kind: 'control', id: control.id }} />}
      <ControlDescription control={control} />
    </article>
  );
}

export function ControlsView() {
  const current = useApp((s) => s.current)!;
  const catalog = useApp((s) => s.catalog);
  const loadCatalog = useApp((s) => s.loadCatalog);
  const systems = useSystems((s) => s.systems);
  const { rows, system, filter, selectedId, error, notice, load, select, setFilter, guard } = useControls();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [sorting, setSorting] = useState<SortingState>([{ id: 'id', desc: false }]);

  // Reloaded when another file is open or another program changed this one (its head moves).
  useEffect(() => void load(current.file), [current.file, current.head.count, load]);
  useEffect(() => void useSystems.getState().load(current.file), [current.file]);
  useEffect(() => {
    if (!catalog) void loadCatalog();
  }, [catalog, loadCatalog]);

  const index = useMemo(() => (catalog ? indexControlLinks(catalog) : noLinks), [catalog]);
  const visible = useMemo(() => filterControls(rows, filter, index, localToday()), [rows, filter, index]);
  const owners = useMemo(() => ownersOf(rows), [rows]);
  const frameworks = useMemo(() => (catalog?.frameworks ?? []).map((f) => ({ value: f.id, label: f.short_name ?? f.name })), [catalog]);
  const requirements = useMemo(() => {
    const fw = catalog?.frameworks.find((f) => f.id === filter.framework);
    const mapped = new Set((catalog?.control_requirements ?? []).map((m) => m.requirement));
    return (fw?.items ?? []).filter((i) => mapped.has(`${fw!.id}:${i.id}`)).map((i) => ({ value: `${fw!.id}:${i.id}`, label: `${i.id} ${i.label ?? i.title ?? ''}`.trim() }));
  }, [catalog, filter.framework]);
  const threats = useMemo(() => (catalog?.threats ?? []).map((t) => ({ value: t.id, label: `${t.id} ${t.name}` })), [catalog]);
  const systemOptions = systems.map((s) => ({ value: s.id, label: `${s.id} ${s.name}` }));
  const systemName = system ? (systems.find((s) => s.id === system)?.name ?? system) : null;

  const selected = visible.find((c) => c.id === selectedId) ?? null;
  const hiddenSelected = !selected && selectedId !== null && rows.some((c) => c.id === selectedId);
  const bulkIds = visible.filter((c) => rowSelection[c.id]).map((c) => c.id);

  function changeFilter(next: ControlFilter) {
    const hides = selectedId !== null && !filterControls(rows.filter((r) => r.id === selectedId), next, index, localToday()).length;
    if (hides) guard(`Changing the filter hides ${selectedId} and`, () => setFilter(next));
    else setFilter(next);
  }

  return (
    <div className="controls-view">
      <ControlFilters
        filter={filter}
        onFilter={changeFilter}
        owners={owners}
        frameworks={frameworks}
        requirements={requirements}
        threats={threats}
        systems={systemOptions}
        system={system}
        onSystem={(id) =>
          guard(`Switching to ${id ? `${id}'s entries` : "the organisation's entries"}`, () => {
            setRowSelection({});
            void load(current.file, id);
          })
        }
        sorting={sorting}
        onSorting={setSorting}
      />
      <ErrorNotice message={error} />
      <div className="controls-main">
        <section className="controls-list" aria-label="Control list">
          <ControlsTable
            rows={visible}
            selectedId={selectedId}
            onSelect={(id) => id !== selectedId && guard(`Opening ${id}`, () => select(id))}
            rowSelection={rowSelection}
            onRowSelection={setRowSelection}
            sorting={sorting}
            onSorting={setSorting}
          />
          {visible.length === 0 && <p className="muted empty">No control matches.</p>}
          {/* Below the list, so the rows do not move when it appears under the pointer. */}
          {bulkIds.length > 0 && <BulkEditBar ids={bulkIds} systemName={systemName} readOnly={current.readOnly} onDone={() => setRowSelection({})} />}
          <div className="controls-foot">
            <p className="muted small" data-testid="list-count">
              {visible.length} of {countOf(rows.length, 'control')}
              {system ? ` · ${rows.filter((r) => r.source === 'system').length} with an entry of ${systemName}'s own` : ''}
            </p>
            <p className="small list-notice" role="status">
              {notice}
            </p>
          </div>
        </section>
        <section className="detail-pane controls-detail" aria-label="Control detail">
          {selected ? (
            <ControlDetail control={selected} systemName={systemName} readOnly={current.readOnly} />
          ) : hiddenSelected ? (
            <div className="empty" data-testid="selected-hidden">
              <p className="muted">{selectedId} is hidden by the filters.</p>
              {isFiltering(filter) && (
                <button type="button" className="btn" onClick={() => setFilter(emptyFilter)}>
                  Clear filters
                </button>
              )}
            </div>
          ) : (
            <p className="muted empty">Select a control.</p>
          )}
        </section>
      </div>
      <DiscardDialog />
    </div>
  );
}
