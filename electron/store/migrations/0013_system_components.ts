/**
 * Schema 13: each AI system's components (its AI-BOM): models, datasets, services and libraries
 * imported from CycloneDX or SPDX, one validated record per component that the log carries whole.
 */
export default /* sql */ `
CREATE TABLE system_component (
  id         TEXT PRIMARY KEY,
  system_id  TEXT NOT NULL REFERENCES ai_system (id),
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX system_component_by_system ON system_component (system_id);
`;
