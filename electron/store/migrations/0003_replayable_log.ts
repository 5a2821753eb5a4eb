/**
 * Schema 3: people referenced by id (so a person can be erased without breaking the chain),
 * a keyed digest of the actor on each audit entry, and the snapshots a catalog update replaced.
 * Names already in the file become people; their rows keep pointing at them by id.
 */
export default /* sql */ `
CREATE TABLE person (
  id           TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  email        TEXT,
  digest_key   TEXT,
  erased_at    TEXT,
  CHECK ((erased_at IS NULL) = (digest_key IS NOT NULL))
) STRICT;

INSERT INTO person (id, display_name, digest_key)
  SELECT lower(hex(randomblob(16))), name, lower(hex(randomblob(32))) FROM (
    SELECT created_by AS name FROM assessment
    UNION SELECT updated_by FROM control_state
    UNION SELECT imported_by FROM user_framework);

UPDATE assessment SET created_by = (SELECT id FROM person WHERE display_name = created_by);
UPDATE control_state SET updated_by = (SELECT id FROM person WHERE display_name = updated_by);
UPDATE user_framework SET imported_by = (SELECT id FROM person WHERE display_name = imported_by);

ALTER TABLE audit_log ADD COLUMN actor_digest TEXT;

CREATE TABLE catalog_snapshot_previous (
  sha256      TEXT PRIMARY KEY,
  version     TEXT NOT NULL,
  taken_at    TEXT NOT NULL,
  replaced_at TEXT NOT NULL,
  content     TEXT NOT NULL
) STRICT;
`;
