import type { ReactNode } from 'react';
import { type CatalogKind, useApp } from '../../store';

/** A link inside the catalog browser: it opens another item and keeps the way back. */
export function TraceLink({ kind, target, children }: { kind: CatalogKind; target: string; children: ReactNode }) {
  const open = useApp((s) => s.openInCatalog);
  return (
    <button type="button" className="trace-link" onClick={() => open({ kind, key: target })}>
      {children}
    </button>
  );
}

export function Relationship({ value }: { value: string }) {
  return <span className={`rel rel-${value}`}>{value}</span>;
}
