/**
 * Schema 19: the auditor's review items merged into the assessment. The review itself lives in
 * its own hash-chained file; what a merge brings in is kept here, next to the items it concerns,
 * with the status the assessor gives it (open, addressed, accepted by the auditor).
 */
export default /* sql */ `
CREATE TABLE review_item (
  id                  TEXT PRIMARY KEY,
  review_id           TEXT NOT NULL,
  review_seq          INTEGER NOT NULL,
  reviewer            TEXT NOT NULL,
  grade               TEXT NOT NULL,
  target_kind         TEXT NOT NULL,
  target_id           TEXT NOT NULL,
  text                TEXT NOT NULL,
  raised_at           TEXT NOT NULL,
  entry_hash          TEXT NOT NULL,
  reviewed_head_count INTEGER NOT NULL,
  reviewed_head_hash  TEXT NOT NULL,
  merged_at           TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('open', 'addressed', 'accepted')),
  status_note         TEXT,
  status_at           TEXT,
  status_by           TEXT,
  UNIQUE (review_id, review_seq)
) STRICT;
CREATE INDEX review_item_target ON review_item (target_kind, target_id);
`;
