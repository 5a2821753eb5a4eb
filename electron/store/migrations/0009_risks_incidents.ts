/**
 * Schema 9: the risk register with its acceptances, serious incidents, and post-market monitoring
 * plans. Risks and incidents are validated records the log carries whole; acceptances are kept
 * as history (the latest per risk is the one that counts).
 */
export default /* sql */ `
CREATE TABLE risk (
  id         TEXT PRIMARY KEY,
  system_id  TEXT NOT NULL REFERENCES ai_system (id),
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX risk_by_system ON risk (system_id);

CREATE TABLE risk_acceptance (
  id          TEXT PRIMARY KEY,
  risk_id     TEXT NOT NULL REFERENCES risk (id),
  record      TEXT NOT NULL CHECK (json_valid(record)),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX risk_acceptance_by_risk ON risk_acceptance (risk_id);

CREATE TABLE incident (
  id         TEXT PRIMARY KEY,
  system_id  TEXT NOT NULL REFERENCES ai_system (id),
  record     TEXT NOT NULL CHECK (json_valid(record)),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
) STRICT;
CREATE INDEX incident_by_system ON incident (system_id);

CREATE TABLE monitoring_plan (
  system_id   TEXT PRIMARY KEY REFERENCES ai_system (id),
  title       TEXT NOT NULL,
  reference   TEXT NOT NULL,
  review_date TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
) STRICT;
`;
