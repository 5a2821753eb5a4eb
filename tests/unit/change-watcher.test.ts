import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssayEvent } from '../../shared/events';
import { readDataVersion, startChangeWatcher } from '../../electron/events/change-watcher';
import { onEvent } from '../../electron/events/hub';
import { useForWriting } from '../../electron/handlers/open-files';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { tempDir } from './helpers';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

/** A second connection, as another process would have: the store's own write path, not raw SQL. */
function changeElsewhere(file: string, state: 'implemented' | 'in_progress'): void {
  const other = openForWriting(file, { actor: 'elsewhere' }).assessment;
  try {
    other.setControlState(other.listControls()[1]!.id, state, undefined, 'elsewhere');
  } finally {
    other.close();
  }
}

function openFile(): string {
  const file = join(tempDir(), 'w.assay');
  createAssessment(file, { name: 'W', catalog: loadBundledCatalog(), actor: 't' }).close();
  return file;
}

describe('the change watcher', () => {
  it("reports another connection's commit once, drops the cached catalog, and ignores this process's own writes", () => {
    const file = openFile();
    const { assessment } = useForWriting(file, 'me');
    const cached = assessment.catalog();
    const events: AssayEvent[] = [];
    stops.push(onEvent((e) => events.push(e)));
    const watcher = startChangeWatcher({ intervalMs: 60_000 });
    stops.push(watcher.stop);

    const id = assessment.listControls()[0]!.id;
    assessment.setControlState(id, 'in_progress', undefined, 'me');
    watcher.check();
    expect(events).toEqual([]);

    changeElsewhere(file, 'implemented');
    watcher.check();
    watcher.check();
    expect(events).toEqual([{ type: 'assessment.changed', file }]);
    expect(assessment.catalog()).not.toBe(cached);
    expect(assessment.listControls()[1]!.state).toBe('implemented');
  });

  it('does not wait for a busy file, keeps the busy timeout, and sees the change once the writer is done', () => {
    const file = openFile();
    const { assessment } = useForWriting(file, 'me');
    const before = readDataVersion(assessment);
    expect(before).toEqual(expect.any(Number));
    const timeout = assessment.db.pragma('busy_timeout', { simple: true });
    // This connection inside its own transaction: the poll leaves it alone.
    assessment.db.exec('BEGIN');
    expect(readDataVersion(assessment)).toBeUndefined();
    assessment.db.exec('COMMIT');
    expect(assessment.db.pragma('busy_timeout', { simple: true })).toBe(timeout);

    changeElsewhere(file, 'in_progress');
    expect(readDataVersion(assessment)).not.toBe(before);
    assessment.close();
    expect(readDataVersion(assessment)).toBeUndefined();
  });
});
