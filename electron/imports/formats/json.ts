import type { FormatReader } from '../importer';
import { readJsonTable } from '../tabular/read-json-table';
import { readTable } from '../tabular/table-import';

/**
 * Risk registers and control lists as a JSON array of objects. Detection stays low: JSON formats
 * with a distinctive shape (CycloneDX, SARIF, OSCAL…) score higher and win.
 */
export const jsonTableReader: FormatReader = {
  format: 'json',
  label: 'JSON list of records (risk register or control list)',
  kinds: ['risk', 'control'],
  detect(sniff) {
    const head = sniff.head.trimStart();
    if (!head.startsWith('[') && !head.startsWith('{')) return 0;
    // JSON Lines (one object per line, as garak writes) is not one table.
    if (/}\s*\r?\n\s*{/.test(head)) return 0;
    const looksTabular = /"(likelihood|probability|proba|impact|risk|ref_id|title|name|status)"\s*:/i.test(head);
    return looksTabular ? 20 : sniff.ext === 'json' ? 5 : 0;
  },
  read: (source, ctx) => readTable(readJsonTable(source, ctx), source, ctx),
};
