import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { BatchPart, type CarriedEntry, type CarriedParts, ImportBatchPayload, type ImportRef } from '../../shared/domain/imports/log';
import type { StoredEntry } from './audit';

/**
 * What an import batch carries, in parts beside its log entry (schema 15). Parts are written as
 * the import makes its changes, so memory holds one part at a time however large the batch;
 * the entry records their count and one SHA-256 over them: each part's canonical JSON followed
 * by a newline, in order. Verify reads them back into the entry after checking that hash.
 */

const PER_PART = 1000;

type Carried = { command: string; entity: string; entityId: string; payload: unknown; payloadJson?: string };

/**
 * The part being filled, as UTF-8 bytes outside the JavaScript heap: the entries are encoded
 * once as they come, not held as objects and serialised, joined and encoded again per part.
 * The buffer is reused part after part.
 */
class PartBytes {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  append(text: string): void {
    // A UTF-16 code unit never takes more than three bytes in UTF-8.
    if (this.length + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes so far, valid until the next append; empties the part. */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.length = 0;
    return bytes;
  }
}

export class BatchPartWriter {
  private readonly hash = createHash('sha256');
  private readonly insert: Database.Statement;
  private readonly part = new PartBytes();
  private pending = 0;
  private parts = 0;
  private entries = 0;

  constructor(
    db: Database.Database,
    private readonly batchId: string,
  ) {
    this.insert = db.prepare('INSERT INTO import_batch_part (batch_id, part, content) VALUES (?, ?, ?)');
  }

  /**
   * Appends the entry to the part's canonical JSON, { "entries": [...] }: its four keys in sorted
   * order, the payload as its writer serialised it when it did (the very text canonicalJson gives),
   * so 100,000 risks are not serialised a second time.
   */
  entry(e: Carried): void {
    this.part.append(this.pending === 0 ? '{"entries":[' : ',');
    if (e.payloadJson === undefined) this.part.append(canonicalJson({ command: e.command, entity: e.entity, entityId: e.entityId, payload: e.payload }));
    else {
      this.part.append(`{"command":${JSON.stringify(e.command)},"entity":${JSON.stringify(e.entity)},"entityId":${JSON.stringify(e.entityId)},"payload":`);
      this.part.append(e.payloadJson);
      this.part.append('}');
    }
    this.entries++;
    if (++this.pending >= PER_PART) this.flush();
  }

  /** Writes what is left and the external ids; the result goes into the batch's log entry. */
  finish(refs: readonly ImportRef[]): CarriedParts {
    this.flush();
    for (let i = 0; i < refs.length; i += PER_PART) this.write({ refs: refs.slice(i, i + PER_PART) });
    return { parts: this.parts, entries: this.entries, refs: refs.length, sha256: this.hash.digest('hex') };
  }

  private flush(): void {
    if (this.pending === 0) return;
    this.part.append(']}');
    this.pending = 0;
    this.store(this.part.take());
  }

  private write(part: BatchPart): void {
    this.part.append(canonicalJson(part));
    this.store(this.part.take());
  }

  private store(bytes: Buffer): void {
    this.hash.update(bytes).update('\n');
    this.insert.run(this.batchId, this.parts++, deflateRawSync(bytes, { level: 1 }));
  }
}

/**
 * Puts back into each batch entry of `entries` what its parts carry, once their count and hash
 * match what the entry records; returns the first problem in words, or undefined. When `entries`
 * is the whole log, parts that no batch entry records are a problem too: they were added behind it.
 */
export function readBatchParts(db: Database.Database, entries: StoredEntry[], wholeLog = true): string | undefined {
  const select = db.prepare('SELECT part, content FROM import_batch_part WHERE batch_id = ? ORDER BY part');
  const recorded = new Set<string>();
  for (const entry of entries) {
    if (entry.command !== 'imports.batch') continue;
    const parsed = ImportBatchPayload.omit({ entries: true, refs: true }).safeParse(entry.payload);
    if (!parsed.success || !parsed.data.carried) continue;
    const carried = parsed.data.carried;
    const batch = `import batch ${entry.entityId} (entry ${entry.seq})`;
    recorded.add(entry.entityId);
    const hash = createHash('sha256');
    const carriedEntries: CarriedEntry[] = [];
    const refs: ImportRef[] = [];
    let count = 0;
    for (const row of select.iterate(entry.entityId) as IterableIterator<{ part: number; content: Buffer }>) {
      if (row.part !== count) return `${batch}: part ${count} of what it carries is missing`;
      count++;
      let part: BatchPart;
      try {
        const bytes = inflateRawSync(row.content);
        hash.update(bytes).update('\n');
        part = BatchPart.parse(JSON.parse(bytes.toString('utf8')));
      } catch {
        return `${batch}: part ${row.part} of what it carries cannot be read`;
      }
      if ('entries' in part) carriedEntries.push(...part.entries);
      else refs.push(...part.refs);
    }
    if (count !== carried.parts) return `${batch}: ${count} parts of what it carries are stored, its entry records ${carried.parts}`;
    if (hash.digest('hex') !== carried.sha256) return `${batch}: what it carries no longer matches the SHA-256 its entry records (altered behind the log)`;
    if (carriedEntries.length !== carried.entries || refs.length !== carried.refs) return `${batch}: its parts carry ${carriedEntries.length} entries and ${refs.length} ids, its entry records ${carried.entries} and ${carried.refs}`;
    entry.payload = { ...(entry.payload as object), entries: carriedEntries, refs };
  }
  if (!wholeLog) return undefined;
  const strangers = (db.prepare('SELECT DISTINCT batch_id FROM import_batch_part').pluck().all() as string[]).filter((b) => !recorded.has(b));
  return strangers.length ? `import_batch_part holds parts of ${strangers.join(', ')}, which no import entry of the log records (added behind the log)` : undefined;
}
