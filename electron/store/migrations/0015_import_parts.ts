/**
 * Schema 15: what an import batch carries, stored beside its log entry in parts. A batch of
 * 100,000 records carries tens of megabytes; in one audit_log value that was slow to write and
 * held several whole copies in memory. The batch's entry now records the number of parts and
 * the SHA-256 over them, so the hash chain still covers every byte, as evidence.add covers the
 * chunks of evidence_chunk. A part is its canonical JSON in UTF-8, compressed with raw DEFLATE
 * (RFC 1951; the log's JSON shrinks about sixteenfold); the hash is over the uncompressed bytes.
 * Append-only, like the log itself.
 */
export default /* sql */ `
CREATE TABLE import_batch_part (
  batch_id TEXT NOT NULL,
  part     INTEGER NOT NULL,
  content  BLOB NOT NULL,
  PRIMARY KEY (batch_id, part)
) STRICT;
CREATE TRIGGER import_batch_part_append_only_update BEFORE UPDATE ON import_batch_part
BEGIN SELECT RAISE(ABORT, 'import_batch_part is append-only'); END;
CREATE TRIGGER import_batch_part_append_only_delete BEFORE DELETE ON import_batch_part
BEGIN SELECT RAISE(ABORT, 'import_batch_part is append-only'); END;
`;
