/**
 * Parent links inside one framework. Imported files can say anything, and a snapshot can be
 * edited with any SQLite tool, so nothing that follows parents may assume they end: every walk
 * here stops at an item it has already seen.
 */

export interface ParentLink {
  id: string;
  parent?: string | undefined;
}

/**
 * Every cycle among the parent links, each listed once from the item that appears first in the
 * list and closed on that item: ["A", "B", "A"]; an item that is its own parent gives ["A", "A"].
 */
export function parentCycles(items: readonly ParentLink[]): string[][] {
  const parentOf = new Map<string, string>();
  for (const item of items) if (item.parent !== undefined && !parentOf.has(item.id)) parentOf.set(item.id, item.parent);
  const settled = new Set<string>();
  const cycles: string[][] = [];
  for (const start of items) {
    if (settled.has(start.id)) continue;
    // Follow parents from here; the walk either leaves the chain (no parent, unknown parent, a
    // settled item) or returns to an item of this same walk, which closes a cycle.
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let current: string | undefined = start.id;
    while (current !== undefined && !settled.has(current) && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && onPath.has(current)) {
      const cycle = path.slice(onPath.get(current)!);
      cycles.push([...cycle, cycle[0]!]);
    }
    for (const id of path) settled.add(id);
  }
  return cycles;
}

/** "A → B → A", or "A is its own parent". */
export function describeCycle(cycle: readonly string[]): string {
  return cycle.length === 2 ? `${cycle[0]} is its own parent` : `parents form a cycle: ${cycle.join(' → ')}`;
}

/**
 * The chain of parents of an item, nearest first, stopping at a missing parent or at the first
 * item seen twice, so a cyclic file cannot hang a reader.
 */
export function parentChain<T>(start: string, parentOf: (id: string) => { id: string; value: T } | undefined): T[] {
  const seen = new Set<string>([start]);
  const chain: T[] = [];
  let next = parentOf(start);
  while (next && !seen.has(next.id)) {
    seen.add(next.id);
    chain.push(next.value);
    next = parentOf(next.id);
  }
  return chain;
}
