import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Payload } from '../../shared/domain/replay';
import { type PersonRow, digestOf } from './people';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Everything the state tables hold, as the adoption entry records it: a file written before
 * format 3 has a log that cannot rebuild its state, so replay starts from this record.
 */
export function adoptionPayload(db: Database.Database, fromVersion: number): Payload<'assessment.adopt'> {
  const assessment = db.prepare('SELECT id, name, created_at, created_by FROM assessment').get() as Payload<'assessment.adopt'>['assessment'];
  const snapshot = db.prepare('SELECT version, sha256, taken_at FROM catalog_snapshot').get() as Payload<'assessment.adopt'>['catalogSnapshot'];
  return {
    reason: `upgraded from file format ${fromVersion}, whose log did not record full state`,
    assessment,
    catalogSnapshot: snapshot,
    previousSnapshots: db.prepare('SELECT sha256, version, taken_at, replaced_at FROM catalog_snapshot_previous ORDER BY sha256').all() as Payload<'assessment.adopt'>['previousSnapshots'],
    controlStates: db
      .prepare('SELECT control_id, state, justification, updated_at, updated_by FROM control_state ORDER BY control_id')
      .all() as Payload<'assessment.adopt'>['controlStates'],
    userFrameworks: (db.prepare('SELECT * FROM user_framework ORDER BY id').all() as (Record<string, string> & { content: string })[]).map(
      ({ content, id, name, format, source_name, source_sha256, imported_at, imported_by }) => ({
        id: id!,
        name: name!,
        format: format!,
        source_name: source_name!,
        source_sha256: source_sha256!,
        imported_at: imported_at!,
        imported_by: imported_by!,
        content_sha256: sha256(content),
      }),
    ),
    people: (db.prepare('SELECT * FROM person ORDER BY id').all() as PersonRow[]).map((p) => ({ id: p.id, digest: digestOf(p) })),
    schema: db.prepare('SELECT version, name, sha256, applied_at FROM schema_migration ORDER BY version').all() as Payload<'assessment.adopt'>['schema'],
  };
}
