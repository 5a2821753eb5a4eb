import { createHmac, randomBytes } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';

/**
 * People in human-risk imports are kept as pseudonyms: HMAC-SHA-256 of their normalised
 * identifier under a key that lives in the assessment (assessment_secret), so the same person
 * matches across imports while no name or address is stored. The key is never written to the
 * audit log (see secretTables in shared/domain/replay.ts).
 */

const KEY_NAME = 'pseudonym-key';

/** Identifiers compare as people type them: trimmed, case-insensitive (e-mail addresses). */
export function normaliseIdentifier(value: string): string {
  return value.trim().toLowerCase();
}

export function pseudonymOf(key: Buffer, value: string): string {
  return `p-${createHmac('sha256', key).update(normaliseIdentifier(value), 'utf8').digest('hex').slice(0, 16)}`;
}

function readKey(a: Assessment): Buffer | undefined {
  const row = a.db.prepare('SELECT secret FROM assessment_secret WHERE name = ?').get(KEY_NAME) as { secret: Buffer } | undefined;
  return row?.secret;
}

/** Whether the assessment has its pseudonymisation key yet (a preview of a read-only file cannot make one). */
export function hasPseudonymKey(a: Assessment): boolean {
  return readKey(a) !== undefined;
}

/** The assessment's key, created (32 random bytes) on first use; a read-only file without one refuses. */
export function pseudonymKey(a: Assessment): Buffer {
  const existing = readKey(a);
  if (existing) return existing;
  if (!a.writable) throw new AssayError('refused', `${a.file}: has no pseudonymisation key yet and is open read-only; open it for editing to import people's data`);
  return a.write((at) => {
    const raced = readKey(a);
    if (raced) return raced;
    const key = randomBytes(32);
    a.db.prepare('INSERT INTO assessment_secret (name, secret, created_at) VALUES (?, ?, ?)').run(KEY_NAME, key, at);
    return key;
  });
}

/**
 * The function an import gives readers as ReadContext.pseudonymise: identifier → "p-<16 hex>".
 * The key is read (or made) once, on the first identifier.
 */
export function pseudonymiser(a: Assessment): (value: string) => string {
  let key: Buffer | undefined;
  return (value) => {
    key ??= pseudonymKey(a);
    return pseudonymOf(key, value);
  };
}
