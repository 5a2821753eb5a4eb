import type { SortingState } from '@tanstack/react-table';
import { useId } from 'react';
import { controlStateLabels, controlStates } from '../../../../shared/domain/control-state';
import { type ControlFilter, NO_OWNER, emptyFilter, isFiltering } from '../../../../shared/domain/controls/filter';

export interface Option {
  value: string;
  label: string;
}

export const sortOptions: Option[] = [
  { value: 'id', label: 'ID' },
  { value: 'name', label: 'Name' },
  { value: 'state', label: 'State' },
  { value: 'owner', label: 'Owner' },
  { value: 'dueDate', label: 'Due date' },
  { value: 'maturity', label: 'Maturity' },
];

interface Props {
  filter: ControlFilter;
  onFilter(next: ControlFilter): void;
  owners: string[];
  frameworks: Option[];
  requirements: Option[];
  threats: Option[];
  systems: Option[];
  system: string | null;
  onSystem(id: string | null): void;
  sorting: SortingState;
  onSorting(next: SortingState): void;
}

function Select({ label, value, options, onChange, all, disabled }: { label: string; value: string; options: Option[]; onChange(v: string): void; all: string; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        <option value="all">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Whose entries, what to show and in which order. */
export function ControlFilters(p: Props) {
  const ids = { system: useId(), search: useId(), overdue: useId(), sort: useId() };
  const f = p.filter;
  const set = (patch: Partial<ControlFilter>) => p.onFilter({ ...f, ...patch });
  const sort = p.sorting[0];
  return (
    <div className="controls-filters" role="search" aria-label="Filter controls">
      <div className="filter filter-system">
        <label htmlFor={ids.system}>Entries of</label>
        <select id={ids.system} value={p.system ?? ''} onChange={(e) => p.onSystem(e.target.value || null)}>
          <option value="">the organisation</option>
          {p.systems.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter filter-search">
        <label htmlFor={ids.search}>Search</label>
        <input id={ids.search} type="search" placeholder="id, name, owner" value={f.query} onChange={(e) => set({ query: e.target.value })} />
      </div>
      <Select label="State" value={f.state} all="All states" options={controlStates.map((s) => ({ value: s, label: controlStateLabels[s] }))} onChange={(v) => set({ state: v as ControlFilter['state'] })} />
      <Select label="Owner" value={f.owner} all="Any owner" options={[{ value: NO_OWNER, label: 'No owner' }, ...p.owners.map((o) => ({ value: o, label: o }))]} onChange={(v) => set({ owner: v })} />
      <Select label="Framework" value={f.framework} all="All frameworks" options={p.frameworks} onChange={(v) => set({ framework: v, requirement: 'all' })} />
      <Select
        label="Requirement"
        value={f.requirement}
        all={f.framework === 'all' ? 'Choose a framework first' : 'All requirements'}
        options={p.requirements}
        onChange={(v) => set({ requirement: v })}
        disabled={f.framework === 'all'}
      />
      <Select label="Threat" value={f.threat} all="All threats" options={p.threats} onChange={(v) => set({ threat: v })} />
      <div className="filter filter-check">
        <input id={ids.overdue} type="checkbox" checked={f.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        <label htmlFor={ids.overdue}>Overdue only</label>
      </div>
      <div className="filter">
        <label htmlFor={ids.sort}>Sort by</label>
        <select
          id={ids.sort}
          value={sort ? `${sort.id}:${sort.desc ? 'desc' : 'asc'}` : 'id:asc'}
          onChange={(e) => {
            const [id, dir] = e.target.value.split(':');
            p.onSorting([{ id: id!, desc: dir === 'desc' }]);
          }}
        >
          {sortOptions.flatMap((o) => [
            <option key={`${o.value}:asc`} value={`${o.value}:asc`}>
              {o.label} ↑
            </option>,
            <option key={`${o.value}:desc`} value={`${o.value}:desc`}>
              {o.label} ↓
            </option>,
          ])}
        </select>
      </div>
      <button type="button" className="btn btn-small" disabled={!isFiltering(f)} onClick={() => p.onFilter(emptyFilter)}>
        Clear filters
      </button>
    </div>
  );
}
