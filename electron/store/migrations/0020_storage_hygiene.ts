/**
 * Schema 20: whether the file may still hold leftovers of data erased on request (in freed pages
 * or in a page's free space, which SQLite does not always zero). A file made from here on starts
 * clean (1); erasing a person, or removing or replacing an imported framework (storage-hygiene.ts),
 * makes it 0 for good, and a clean copy (VACUUM INTO) of it starts at 1 again; a file that already
 * had entries cannot tell, and says 0. Packing reads a file's own pages only when this
 * says 1 (electron/package/page-copy.ts). Storage, not state: not in the log, not replayed.
 */
export default /* sql */ `
CREATE TABLE storage_hygiene (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  no_erased_leftovers INTEGER NOT NULL CHECK (no_erased_leftovers IN (0, 1))
) STRICT;
INSERT INTO storage_hygiene (id, no_erased_leftovers)
  VALUES (1, CASE WHEN EXISTS (SELECT 1 FROM audit_log) THEN 0 ELSE 1 END);
`;
