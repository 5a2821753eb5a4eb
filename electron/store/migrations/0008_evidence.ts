/**
 * Schema 8: the evidence vault. Files live inside the assessment, content-addressed: one
 * evidence_blob row per distinct SHA-256, its bytes in evidence_chunk rows of at most 1 MiB
 * (SQLite caps one value at 1e9 bytes and better-sqlite3 has no incremental blob I/O, so a file of
 * any size is written and read chunk by chunk). Items, revisions and links refer to blobs by hash.
 * A blob's sha256 is NULL only inside the transaction that is still writing its chunks.
 */
export default /* sql */ `
CREATE TABLE evidence_blob (
  id         INTEGER PRIMARY KEY,
  sha256     TEXT UNIQUE CHECK (sha256 IS NULL OR length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  chunk_size INTEGER NOT NULL CHECK (chunk_size > 0)
) STRICT;

CREATE TABLE evidence_chunk (
  blob_id INTEGER NOT NULL REFERENCES evidence_blob (id),
  idx     INTEGER NOT NULL CHECK (idx >= 0),
  data    BLOB NOT NULL,
  PRIMARY KEY (blob_id, idx)
) STRICT;

CREATE TABLE evidence (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  description    TEXT,
  source         TEXT,
  effective_from TEXT,
  effective_to   TEXT,
  valid_until    TEXT,
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT NOT NULL
) STRICT;

CREATE TABLE evidence_revision (
  evidence_id TEXT NOT NULL REFERENCES evidence (id),
  rev         INTEGER NOT NULL CHECK (rev >= 1),
  sha256      TEXT NOT NULL REFERENCES evidence_blob (sha256),
  file_name   TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  PRIMARY KEY (evidence_id, rev)
) STRICT;
CREATE INDEX evidence_revision_sha ON evidence_revision (sha256);

CREATE TABLE evidence_link (
  evidence_id TEXT NOT NULL REFERENCES evidence (id),
  kind        TEXT NOT NULL CHECK (kind IN ('control', 'requirement')),
  target      TEXT NOT NULL,
  system_id   TEXT NOT NULL DEFAULT '',
  linked_at   TEXT NOT NULL,
  linked_by   TEXT NOT NULL,
  PRIMARY KEY (evidence_id, kind, target, system_id)
) STRICT;
CREATE INDEX evidence_link_target ON evidence_link (kind, target);
`;
