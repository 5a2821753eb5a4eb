/**
 * Schema 20: whether everything freed in this file has been zeroed. Every connection now sets
 * secure_delete, so a file made from here on says 1 and keeps saying it; a file that already
 * had entries was written without it and says 0 (freed pages may still hold deleted bytes),
 * until a clean copy (VACUUM INTO) is taken of it. Packing reads a file's own pages only when
 * this says 1 (electron/package/page-copy.ts). Storage, not state: not in the log, not replayed.
 */
export default /* sql */ `
CREATE TABLE storage_hygiene (
  id                 INTEGER PRIMARY KEY CHECK (id = 1),
  freed_space_zeroed INTEGER NOT NULL CHECK (freed_space_zeroed IN (0, 1))
) STRICT;
INSERT INTO storage_hygiene (id, freed_space_zeroed)
  VALUES (1, CASE WHEN EXISTS (SELECT 1 FROM audit_log) THEN 0 ELSE 1 END);
`;
