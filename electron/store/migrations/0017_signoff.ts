/**
 * Schema 17: sign-offs. A named role approves the audit head it saw, signed with the signer's
 * Ed25519 key; the row keeps the public key and the signature so anyone can check it, but only
 * a key the verifier pins outside the file makes it mean anything.
 */
export default /* sql */ `
CREATE TABLE signoff (
  id           TEXT PRIMARY KEY,
  role         TEXT NOT NULL CHECK (role IN ('assessor', 'reviewer', 'approver', 'auditor')),
  signer       TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  public_key   TEXT NOT NULL,
  head_count   INTEGER NOT NULL,
  head_hash    TEXT NOT NULL,
  signed_at    TEXT NOT NULL,
  signature    TEXT NOT NULL,
  comment      TEXT,
  recorded_by  TEXT NOT NULL
) STRICT;
`;
