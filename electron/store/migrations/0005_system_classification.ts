/** Schema 5: each AI system's EU AI Act questionnaire answers and the result concluded from them. */
export default /* sql */ `
CREATE TABLE system_classification (
  system_id     TEXT PRIMARY KEY REFERENCES ai_system (id),
  answers       TEXT NOT NULL CHECK (json_valid(answers)),
  result        TEXT NOT NULL CHECK (json_valid(result)),
  classified_at TEXT NOT NULL,
  classified_by TEXT NOT NULL
) STRICT;
`;
