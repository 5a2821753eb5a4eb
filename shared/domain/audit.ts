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
 * The exact bytes that are hashed for one entry. Hashing needs Node's crypto, so it lives on
 * the Node side; what is hashed is shared so that any verifier can recompute it.
 */
export function auditHashInput(prevHash: string, record: AuditRecord): string {
  return `${prevHash}\n${canonicalJson(record)}`;
}
