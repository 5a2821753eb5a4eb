import type { FormatReader } from '../importer';
import { readCsvTable } from '../tabular/read-table';
import { readTable } from '../tabular/table-import';

/** Risk registers and control lists saved as CSV (any delimiter, quoted, with or without a byte-order mark). */
export const csvReader: FormatReader = {
  format: 'csv',
  label: 'CSV table (risk register or control list)',
  kinds: ['risk', 'control'],
  detect(sniff) {
    if (sniff.zip) return 0;
    const first = sniff.head.split(/\r?\n/, 1)[0] ?? '';
    const delimited = /[,;\t|]/.test(first) && !/^\s*[[{]/.test(sniff.head);
    if (sniff.ext === 'csv' || sniff.ext === 'tsv') return delimited ? 30 : 10;
    return delimited && sniff.ext === 'txt' ? 10 : 0;
  },
  read: (source, ctx) => readTable(readCsvTable(source, ctx), source, ctx),
};
