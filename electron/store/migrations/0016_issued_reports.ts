/**
 * Schema 16: the register of issued reports. Generating a report never changes the file; issuing
 * one records the report's SHA-256 and the audit head it cites, so the assessment itself says which
 * documents left it, and an auditor holding one can find it here.
 */
export default /* sql */ `
CREATE TABLE issued_report (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  format      TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  head_count  INTEGER NOT NULL,
  head_hash   TEXT NOT NULL,
  label       TEXT NOT NULL,
  audience    TEXT NOT NULL,
  issued_at   TEXT NOT NULL,
  issued_by   TEXT NOT NULL
) STRICT;
`;
