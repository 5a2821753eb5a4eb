import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BatchPartWriter } from '../../electron/store/import-parts';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { tempDir } from './helpers';

/**
 * The parts of an import batch are hashed into the log, so their bytes must be exactly the
 * canonical JSON of what they carry, however the writer assembles them: entries whose payload
 * came already serialised, entries serialised here, refs, text in any script, parts of 1,000.
 */
describe('the parts an import batch writes', () => {
  it('are the canonical JSON of their entries and refs, byte for byte', () => {
    const db = new Database(join(tempDir(), 'parts.sqlite'));
    db.exec('CREATE TABLE import_batch_part (batch_id TEXT, part INTEGER, content BLOB)');
    const writer = new BatchPartWriter(db, 'IMP-001');
    const entries = Array.from({ length: 2345 }, (_, i) => {
      const payload = { record: { title: `Risk ${i}: "quoted", naïve — 日本語 ${'x'.repeat(i % 300)}`, likelihood: (i % 5) + 1, owner: null, controls: ['C-2', 'C-1'], z: { b: 1, a: [i, { d: 0, c: 'é' }] } }, people: { [`p-${i % 7}`]: 'digest' } };
      return { command: 'risks.add', entity: 'risk', entityId: `RSK-${i}`, payload };
    });
    // Every other entry arrives with its payload already serialised, as the risk sink hands it.
    entries.forEach((e, i) => writer.entry(i % 2 ? { ...e, payloadJson: canonicalJson(e.payload) } : e));
    const refs = Array.from({ length: 1500 }, (_, i) => ({ kind: 'risk' as const, externalId: `id:R-${i} ✓`, entityId: `RSK-${i}` }));
    const carried = writer.finish(refs);
    const stored = (db.prepare('SELECT content FROM import_batch_part ORDER BY part').pluck().all() as Buffer[]).map((c) => inflateRawSync(c).toString('utf8'));
    const expected = [
      ...[0, 1000, 2000].map((start) => canonicalJson({ entries: entries.slice(start, start + 1000) })),
      ...[0, 1000].map((start) => canonicalJson({ refs: refs.slice(start, start + 1000) })),
    ];
    expect(stored).toEqual(expected);
    expect(carried).toEqual({ parts: 5, entries: 2345, refs: 1500, sha256: createHash('sha256').update(expected.map((p) => `${p}\n`).join('')).digest('hex') });
    db.close();
  });
});
