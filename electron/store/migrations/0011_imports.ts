/**
 * Schema 11: import batches and the external ids they brought in. A batch is one import of one
 * source file (its name, SHA-256, format, counts and problems, who and when); import_ref says
 * which record of the assessment an external id from a source became, so importing the same
 * file again updates that record instead of adding a second one.
 */
export default /* sql */ `
CREATE TABLE import_batch (
  id          TEXT PRIMARY KEY,
  source_name TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  format      TEXT NOT NULL,
  kinds       TEXT NOT NULL CHECK (json_valid(kinds)),
  counts      TEXT NOT NULL CHECK (json_valid(counts)),
  problems    TEXT NOT NULL CHECK (json_valid(problems)),
  evidence_id TEXT,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
) STRICT;

CREATE TABLE import_ref (
  kind        TEXT NOT NULL,
  external_id TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  batch_id    TEXT NOT NULL REFERENCES import_batch (id),
  PRIMARY KEY (kind, external_id)
) STRICT;
`;
