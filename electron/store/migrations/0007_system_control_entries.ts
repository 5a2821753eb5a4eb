/**
 * Schema 7: a control applied system by system has an entry per system, which overrides the
 * organisation's entry (control_state) for that system. No foreign key to catalog_control: the
 * organisation's own controls live elsewhere, and the catalog is checked by the store instead.
 */
export default /* sql */ `
CREATE TABLE system_control_state (
  system_id     TEXT NOT NULL REFERENCES ai_system (id),
  control_id    TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('not_started', 'in_progress', 'implemented', 'not_applicable')),
  justification TEXT,
  owner         TEXT,
  due_date      TEXT,
  maturity      INTEGER CHECK (maturity BETWEEN 0 AND 5),
  notes         TEXT,
  last_review   TEXT,
  next_review   TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  PRIMARY KEY (system_id, control_id),
  CHECK (state <> 'not_applicable' OR length(trim(coalesce(justification, ''))) > 0)
) STRICT;
CREATE INDEX system_control_state_control ON system_control_state (control_id);
`;
