/** Schema 1: the assessment, its catalog snapshot, control states and the audit chain. */
export default /* sql */ `
CREATE TABLE assessment (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  id         TEXT NOT NULL,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_snapshot (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  version   TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  taken_at  TEXT NOT NULL,
  content   TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_control (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  objective TEXT NOT NULL,
  type      TEXT NOT NULL CHECK (type IN ('technical', 'organisational', 'human')),
  guidance  TEXT NOT NULL,
  evidence  TEXT NOT NULL CHECK (json_valid(evidence))
) STRICT;

CREATE TABLE control_state (
  control_id    TEXT PRIMARY KEY REFERENCES catalog_control (id),
  state         TEXT NOT NULL CHECK (state IN ('not_started', 'in_progress', 'implemented', 'not_applicable')),
  justification TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  CHECK (state <> 'not_applicable' OR length(trim(coalesce(justification, ''))) > 0)
) STRICT;

CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  command   TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  payload   TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
