import {
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { ListedControl } from '../../../../shared/commands';
import { controlStates } from '../../../../shared/domain/control-state';
import { type MaturityLevel, maturityLabel } from '../../../../shared/domain/maturity';
import { StateBadge } from '../../components/StateBadge';

/** One fixed height per row: the virtualiser then never measures, so scrolling thousands of rows stays smooth. */
export const ROW_HEIGHT = 52;

const stateOrder = (s: ListedControl['state']) => controlStates.indexOf(s);
/** Empty values sort last whichever way, so "due date ascending" starts with the earliest real date. */
const nullsLast = { sortUndefined: 'last' as const };

const columns: ColumnDef<ListedControl>[] = [
  {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all controls shown"
        checked={table.getIsAllRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomeRowsSelected();
        }}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.id} for bulk edit`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
        onClick={(e) => e.stopPropagation()}
        tabIndex={-1}
      />
    ),
  },
  { accessorKey: 'id', header: 'ID', cell: ({ getValue }) => <span className="mono">{getValue<string>()}</span> },
  {
    accessorKey: 'name',
    header: 'Control',
    cell: ({ row: { original: c } }) => (
      <div className="ctl-name-cell">
        <span className="ctl-name" title={c.name}>
          {c.name}
        </span>
        <span className="ctl-meta">
          {[c.owner ?? 'no owner', c.dueDate ? `due ${c.dueDate}` : null, c.maturity !== null ? maturityLabel(c.maturity as MaturityLevel) : null].filter(Boolean).join(' · ')}
        </span>
      </div>
    ),
  },
  {
    accessorKey: 'state',
    header: 'State',
    sortingFn: (a, b) => stateOrder(a.original.state) - stateOrder(b.original.state),
    cell: ({ row: { original: c } }) => (
      <span className="ctl-state">
        <StateBadge state={c.state} />
        {c.source === 'system' && <span className="own-tag">own</span>}
      </span>
    ),
  },
  // Sortable from the "Sort by" menu; shown in the control's second line rather than as columns, so nothing is clipped at 1024 px.
  { id: 'owner', accessorFn: (c) => c.owner ?? undefined, ...nullsLast },
  { id: 'dueDate', accessorFn: (c) => c.dueDate ?? undefined, ...nullsLast },
  { id: 'maturity', accessorFn: (c) => c.maturity ?? undefined, ...nullsLast },
];
const hidden = { owner: false, dueDate: false, maturity: false };

export interface ControlsTableProps {
  rows: ListedControl[];
  selectedId: string | null;
  onSelect(id: string): void;
  rowSelection: RowSelectionState;
  onRowSelection(next: RowSelectionState): void;
  sorting: SortingState;
  onSorting(next: SortingState): void;
}

export function ControlsTable({ rows, selectedId, onSelect, rowSelection, onRowSelection, sorting, onSorting }: ControlsTableProps) {
  // The app is not built with the React Compiler, so nothing memoises the table's functions wrongly.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (c) => c.id,
    state: { rowSelection, sorting, columnVisibility: hidden },
    onRowSelectionChange: (u) => onRowSelection(typeof u === 'function' ? u(rowSelection) : u),
    onSortingChange: (u) => onSorting(typeof u === 'function' ? u(sorting) : u),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const model = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rendering in React's own time rather than synchronously in the scroll event keeps frames short (TanStack Virtual's advice for React 19).
  const virtualizer = useVirtualizer({ count: model.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, useFlushSync: false });
  const focusAfterMove = useRef(false);
  const selectedIndex = model.findIndex((r) => r.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  // When the list changes (filter, sort, another system) the selected control stays in view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the rows change: scrolling by hand must not be undone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);

  // A keyboard move brings the newly selected row into view and gives it focus once it is rendered.
  useEffect(() => {
    if (!focusAfterMove.current || selectedIndex < 0) return;
    focusAfterMove.current = false;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(selectedId ?? '')}"]`)?.focus());
  }, [selectedIndex, selectedId, virtualizer]);

  function onKeyDown(e: KeyboardEvent<HTMLTableRowElement>, index: number) {
    const row = model[index]!;
    const to = (i: number) => {
      e.preventDefault();
      const target = model[Math.max(0, Math.min(model.length - 1, i))];
      if (!target) return;
      focusAfterMove.current = true;
      onSelect(target.id);
    };
    if (e.key === 'ArrowDown') to(index + 1);
    else if (e.key === 'ArrowUp') to(index - 1);
    else if (e.key === 'Home') to(0);
    else if (e.key === 'End') to(model.length - 1);
    else if (e.key === 'PageDown') to(index + 10);
    else if (e.key === 'PageUp') to(index - 10);
    else if (e.key === 'Enter') {
      e.preventDefault();
      onSelect(row.id);
    } else if (e.key === ' ') {
      e.preventDefault();
      row.toggleSelected();
    }
  }

  return (
    <div className="ctl-scroll" ref={scrollRef} data-testid="controls-scroll">
      <table className="ctl-table" role="grid" aria-label="Controls" aria-rowcount={model.length + 1} aria-multiselectable="false">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="ctl-row ctl-head" aria-rowindex={1}>
              {group.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <th key={h.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {h.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(h.column.columnDef.header, h.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = model[v.index]!;
            const current = row.id === selectedId;
            return (
              <tr
                key={row.id}
                data-id={row.id}
                aria-rowindex={v.index + 2}
                aria-selected={current}
                className={`ctl-row${current ? ' selected' : ''}${row.getIsSelected() ? ' checked' : ''}`}
                style={{ transform: `translateY(${v.start}px)` }}
                tabIndex={v.index === tabStop ? 0 : -1}
                onClick={() => onSelect(row.id)}
                onKeyDown={(e) => onKeyDown(e, v.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
