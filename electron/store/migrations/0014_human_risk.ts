/**
 * Schema 14: human-risk figures (per pseudonymised person, per group, or for the organisation)
 * imported from awareness platforms, and the assessment's secret for pseudonymising people.
 * The secret is deliberately not state the log rebuilds: the log travels, the key must not.
 */
export default /* sql */ `
CREATE TABLE human_metric (
  id           TEXT PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'group', 'organisation')),
  subject      TEXT NOT NULL,
  group_name   TEXT,
  metric       TEXT NOT NULL,
  value        REAL,
  value_text   TEXT,
  measured_on  TEXT NOT NULL,
  label        TEXT,
  source       TEXT NOT NULL,
  control_id   TEXT NOT NULL,
  external_id  TEXT,
  batch_id     TEXT,
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  CHECK (value IS NOT NULL OR value_text IS NOT NULL)
) STRICT;
CREATE INDEX human_metric_subject ON human_metric (subject_kind, subject, metric, measured_on);

CREATE TABLE assessment_secret (
  name       TEXT PRIMARY KEY,
  secret     BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
`;
