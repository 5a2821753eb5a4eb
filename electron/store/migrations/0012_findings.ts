/**
 * Schema 12: the findings register. Each finding is a validated record the log carries whole
 * (what the source said and the lifecycle decided since); the system is a column so a system's
 * findings are found without reading every record.
 */
export default /* sql */ `
CREATE TABLE finding (
  id         TEXT PRIMARY KEY,
  system_id  TEXT REFERENCES ai_system (id),
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX finding_by_system ON finding (system_id);
`;
