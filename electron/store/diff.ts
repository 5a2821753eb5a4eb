import { chainDivergence } from '../../shared/domain/diff/chain';
import { diffTables } from '../../shared/domain/diff/compare';
import type { AssessmentDiff } from '../../shared/domain/diff/model';
import type { Assessment } from './assessment';
import { readTables } from './replay-check';

/**
 * The changes from copy a to copy b of an assessment, read from each file's state tables (the
 * same rows verify rebuilds from the log), and where their audit chains part.
 */
export function diffAssessments(a: Assessment, b: Assessment): AssessmentDiff {
  const side = (x: Assessment) => {
    const s = x.summary();
    return { file: x.file, id: s.id, name: s.name, head: s.head };
  };
  const hashes = (x: Assessment) => x.db.prepare('SELECT hash FROM audit_log ORDER BY seq').pluck().all() as string[];
  const [sa, sb] = [side(a), side(b)];
  // Both files' people: an owner chosen in b alone is named from b (erased people stay ids).
  const people = new Map<string, string>();
  for (const x of [a, b])
    for (const p of x.db.prepare('SELECT id, display_name FROM person WHERE erased_at IS NULL').all() as { id: string; display_name: string }[]) people.set(p.id, p.display_name);
  const sections = diffTables(readTables(a.db), readTables(b.db), people);
  return {
    a: sa,
    b: sb,
    chain: chainDivergence({ id: sa.id, hashes: hashes(a) }, { id: sb.id, hashes: hashes(b) }),
    sections,
    total: sections.reduce((n, s) => n + s.items.length, 0),
  };
}
