import { canonicalJson } from './canonical-json';

/** prev_hash of the first entry: the chain starts from a known value, not from nothing. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: string;
  /** A person id (files of format 3 on); older entries hold the name itself. */
  actor: string;
  /**
   * A keyed digest of the actor's personal data: the entry's hash covers it instead of the
   * name, so erasing a person leaves the chain intact. Absent on entries written before format 3.
   */
  actorDigest?: string;
  command: string;
  entity: string;
  entityId: string;
  payload: unknown;
}

/**
 * The exact bytes that are hashed for one entry: the previous hash, a newline, and the entry as
 * canonical JSON. Hashing needs Node's crypto, so it lives on the Node side; what is hashed is
 * shared so that any verifier can recompute it.
 */
export function auditHashInput(prevHash: string, record: AuditRecord): string {
  return auditHashParts(prevHash, record).join('');
}

/**
 * The same text in pieces, with the payload's canonical JSON given by the caller: an import's batch
 * entry carries tens of megabytes, which are serialised once, stored as they are and hashed in
 * place rather than serialised and copied again.
 */
export function auditHashParts(prevHash: string, record: AuditRecord, payloadJson?: string): string[] {
  const { payload, ...rest } = record;
  if (payload === undefined) return [`${prevHash}\n${canonicalJson(rest)}`];
  const fields = rest as Record<string, unknown>;
  const keys = [...Object.keys(rest).filter((k) => fields[k] !== undefined), 'payload'].sort();
  const parts: string[] = [];
  let text = `${prevHash}\n{`;
  keys.forEach((k, i) => {
    if (i > 0) text += ',';
    if (k !== 'payload') text += `${JSON.stringify(k)}:${canonicalJson(fields[k])}`;
    else {
      parts.push(`${text}"payload":`, payloadJson ?? canonicalJson(payload));
      text = '';
    }
  });
  parts.push(`${text}}`);
  return parts;
}
