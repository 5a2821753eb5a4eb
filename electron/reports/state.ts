import { createHash } from 'node:crypto';
import type { TablesState } from '../../shared/domain/logged/domain';
import { replay } from '../../shared/domain/replay';
import { stateDigestText, stateFigures } from '../../shared/reports/state-figures';
import type { Assessment } from '../store/assessment';
import { type StoredEntry, checkChain } from '../store/audit';
import { readBatchParts } from '../store/import-parts';
import { readTables } from '../store/replay-check';

/**
 * The state a report was built from, as its manifest records it (a SHA-256 over the state tables
 * and a few figures), computed from the file's tables when the report is generated and from the
 * log replayed up to the manifest's head when it is verified. The catalog tables are left out:
 * the snapshot is named by its version in the manifest, and the file holds it in a form replay
 * completes rather than rebuilds.
 */

const LEFT_OUT = new Set(['catalog_snapshot', 'catalog_snapshot_previous', 'catalog_control']);

export interface StateSummary {
  stateSha256: string;
  figures: Record<string, number>;
}

export function summarise(tables: TablesState): StateSummary {
  const kept: TablesState = Object.fromEntries(Object.entries(tables).filter(([name]) => !LEFT_OUT.has(name)));
  return { stateSha256: createHash('sha256').update(stateDigestText(kept)).digest('hex'), figures: stateFigures(kept) };
}

/** What the file's tables hold now (the report is built from the same reads). */
export function currentState(a: Assessment): StateSummary {
  return summarise(readTables(a.db));
}

/**
 * The log replayed up to `head`, once the chain is intact and has that head; or a problem in words.
 * Import batches get what they carry back from their parts, as verify does.
 */
export function replayedAtHead(a: Assessment, head: { count: number; hash: string }): { state: TablesState } | { problem: string } {
  const entries: StoredEntry[] = [];
  const chain = checkChain(a.db, (entry) => {
    if (entry.seq <= head.count) entries.push(entry);
  });
  if (!chain.ok) return { problem: chain.problem ?? 'the audit chain is broken' };
  const atHead = entries.at(-1);
  if (head.count > chain.count || !atHead || atHead.seq !== head.count) return { problem: `the assessment's log has ${chain.count} entries; the report cites entry ${head.count}, which it does not have` };
  if (atHead.hash !== head.hash) return { problem: `entry ${head.count} of the assessment's log has hash ${atHead.hash}, the report cites ${head.hash}: the report was not made from this assessment's chain (or the log was rewritten)` };
  const parts = readBatchParts(a.db, entries, head.count === chain.count);
  if (parts) return { problem: parts };
  const outcome = replay(entries);
  if (outcome.problem) return { problem: `replaying the log up to entry ${head.count} fails: ${outcome.problem}` };
  return { state: outcome.state };
}
