/**
 * Schema 10: the user's decision on each threat of each AI system, the organisation's own
 * controls, and the mappings the user draws from any control to requirements and threats.
 * Own controls also appear in catalog_control while active, so states, lists and counts treat
 * them like catalog controls; own_control keeps them after retirement.
 */
export default /* sql */ `
CREATE TABLE system_threat (
  system_id  TEXT NOT NULL REFERENCES ai_system (id),
  threat_id  TEXT NOT NULL,
  decision   TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'added')),
  reason     TEXT,
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  PRIMARY KEY (system_id, threat_id),
  CHECK (decision = 'confirmed' OR length(trim(coalesce(reason, ''))) > 0)
) STRICT;

CREATE TABLE own_control (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  objective      TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('technical', 'organisational', 'human')),
  guidance       TEXT NOT NULL,
  evidence       TEXT NOT NULL CHECK (json_valid(evidence)),
  created_at     TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  retired_at     TEXT,
  retired_by     TEXT,
  retired_reason TEXT
) STRICT;

CREATE TABLE control_mapping (
  control_id   TEXT NOT NULL,
  target       TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('requirement', 'threat')),
  relationship TEXT CHECK (relationship IS NULL OR relationship IN ('equal', 'subset', 'superset', 'intersects')),
  rationale    TEXT NOT NULL,
  mapped_at    TEXT NOT NULL,
  mapped_by    TEXT NOT NULL,
  PRIMARY KEY (control_id, target),
  CHECK ((kind = 'requirement') = (relationship IS NOT NULL))
) STRICT;
`;
