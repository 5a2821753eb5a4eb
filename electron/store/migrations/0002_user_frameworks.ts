/** Schema 2: frameworks a user imports into an assessment, beside the bundled catalog snapshot. */
export default /* sql */ `
CREATE TABLE user_framework (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  format        TEXT NOT NULL CHECK (format IN ('assay', 'ciso-assistant')),
  source_name   TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  imported_by   TEXT NOT NULL,
  content       TEXT NOT NULL CHECK (json_valid(content))
) STRICT;
`;
