import type Database from 'better-sqlite3';
import type { SignoffStatus } from '../../shared/command-groups/signoff';
import type { VerifyCheck } from '../../shared/commands';
import { judgeSignoff } from '../signing/judge';
import type { StoredEntry } from './audit';
import { nameResolver } from './people';
import { signoffRows } from './signoff';

/** What verify is told about signatures: the keys the verifier pins outside the file. */
export interface SignatureOptions {
  /** [fingerprint, the name it is pinned under]. */
  trusted: [string, string][];
  /** Fail unless there is at least one sign-off and every one is by a trusted key. */
  requireTrusted?: boolean;
}

/**
 * Every sign-off's signature, judged against the chain verify has just walked (not the file's
 * table of hashes, which a rewrite could have made consistent) and the verifier's keys. An
 * invalid signature or a signed head the chain no longer has fails; a valid signature by a key
 * the verifier does not trust is said plainly but fails only with requireTrusted, since a file
 * may carry sign-offs by people this verifier has never met.
 */
export function signoffCheck(db: Database.Database, entries: readonly StoredEntry[], options: SignatureOptions | undefined): { check?: VerifyCheck; signoffs: SignoffStatus[] } {
  const rows = signoffRows(db);
  if (!rows.length && !options?.requireTrusted) return { signoffs: [] };
  const hashes = new Map(entries.map((e) => [e.seq, e.hash]));
  const assessmentId = (db.prepare('SELECT id FROM assessment').pluck().get() as string | undefined) ?? '';
  const name = nameResolver(db);
  const ctx = {
    assessmentId,
    trusted: new Map(options?.trusted ?? []),
    hashAt: (count: number) => hashes.get(count),
    entriesSince: (count: number) => entries.filter((e) => e.seq > count && e.command !== 'signoff.create').length,
  };
  const signoffs = rows.map((row) => ({ ...judgeSignoff(row, ctx), recordedBy: name(row.recorded_by) }));
  const broken = signoffs.filter((s) => s.verdict === 'invalid' || s.verdict === 'off_chain');
  const untrusted = signoffs.filter((s) => s.verdict === 'untrusted');
  const trusted = signoffs.filter((s) => s.verdict === 'trusted');
  const required = options?.requireTrusted === true;
  const ok = broken.length === 0 && (!required || (untrusted.length === 0 && trusted.length > 0));
  const each = signoffs.map((s) => `${s.id} (${s.role}, ${s.signer}): ${s.detail}`);
  const summary = !signoffs.length
    ? 'there is no sign-off, and a sign-off by a trusted key is required'
    : `${signoffs.length} ${signoffs.length === 1 ? 'sign-off' : 'sign-offs'}: ${trusted.length} by a trusted key, ${untrusted.length} by a key not trusted${broken.length ? `, ${broken.length} failing` : ''}${required && untrusted.length ? ' (every sign-off must be by a trusted key)' : ''}`;
  // A valid signature by a key nobody pinned proves nothing (whoever rewrites the file can sign again): never a plain "ok".
  const warning = ok && untrusted.length > 0;
  return { check: { name: 'sign-offs', ok, detail: [summary, ...each].join('; '), ...(warning ? { warning } : {}) }, signoffs };
}
