import type { ControlState } from '../control-state';
import { type ControlEntry, isOverdue } from '../control-entry';

/**
 * The controls screen's filters as pure functions: which controls a filter shows, given the
 * catalog's mappings (control → requirement, threat → control). Indexed once per catalog, so
 * filtering thousands of rows as a person types stays cheap.
 */

export interface ControlLinks {
  control_requirements: readonly { control: string; requirement: string }[];
  threat_controls: readonly { threat: string; control: string }[];
}

export interface ControlLinkIndex {
  requirements: ReadonlyMap<string, ReadonlySet<string>>;
  frameworks: ReadonlyMap<string, ReadonlySet<string>>;
  threats: ReadonlyMap<string, ReadonlySet<string>>;
}

const ALL = 'all';
/** The owner filter's value for controls that have no owner yet. */
export const NO_OWNER = '(none)';

export interface ControlFilter {
  query: string;
  state: ControlState | typeof ALL;
  owner: string;
  framework: string;
  /** A requirement ref (eu-ai-act:Art. 9(1)). */
  requirement: string;
  threat: string;
  overdue: boolean;
}

export const emptyFilter: ControlFilter = { query: '', state: ALL, owner: ALL, framework: ALL, requirement: ALL, threat: ALL, overdue: false };

export function isFiltering(f: ControlFilter): boolean {
  return (Object.keys(emptyFilter) as (keyof ControlFilter)[]).some((k) => f[k] !== emptyFilter[k]);
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function indexControlLinks(links: ControlLinks): ControlLinkIndex {
  const requirements = new Map<string, Set<string>>();
  const frameworks = new Map<string, Set<string>>();
  const threats = new Map<string, Set<string>>();
  for (const m of links.control_requirements) {
    add(requirements, m.control, m.requirement);
    add(frameworks, m.control, m.requirement.slice(0, m.requirement.indexOf(':')));
  }
  for (const m of links.threat_controls) add(threats, m.control, m.threat);
  return { requirements, frameworks, threats };
}

export type FilterableControl = Pick<ControlEntry, 'state' | 'dueDate' | 'nextReview'> & { id: string; name: string; objective: string; owner: string | null };

/** The rows the filter shows, in the order given. `today` is an ISO date, for overdue. */
export function filterControls<T extends FilterableControl>(rows: readonly T[], f: ControlFilter, index: ControlLinkIndex, today: string): T[] {
  const q = f.query.trim().toLowerCase();
  const has = (map: ReadonlyMap<string, ReadonlySet<string>>, id: string, value: string) => value === ALL || (map.get(id)?.has(value) ?? false);
  return rows.filter(
    (c) =>
      (f.state === ALL || c.state === f.state) &&
      (f.owner === ALL || (f.owner === NO_OWNER ? c.owner === null : c.owner === f.owner)) &&
      has(index.frameworks, c.id, f.framework) &&
      has(index.requirements, c.id, f.requirement) &&
      has(index.threats, c.id, f.threat) &&
      (!f.overdue || isOverdue(c, today)) &&
      (!q || `${c.id} ${c.name} ${c.objective} ${c.owner ?? ''}`.toLowerCase().includes(q)),
  );
}

/** The owners to offer in the owner filter: each name once, sorted. */
export function ownersOf(rows: readonly { owner: string | null }[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.owner ? [r.owner] : [])))].sort((a, b) => a.localeCompare(b));
}
