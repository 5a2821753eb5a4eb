/** Schema 4: the AI system inventory. Each system is one validated record; the log carries it whole. */
export default /* sql */ `
CREATE TABLE ai_system (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
`;
