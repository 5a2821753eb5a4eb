import type { FormatReader } from '../importer';
import { readXlsxTable } from '../tabular/read-xlsx';
import { readTable } from '../tabular/table-import';

/** Risk registers and control lists as Excel workbooks (.xlsx), checked for zip bombs and entity tricks first. */
export const xlsxReader: FormatReader = {
  format: 'xlsx',
  label: 'Excel workbook (risk register or control list)',
  kinds: ['risk', 'control'],
  detect(sniff) {
    if (!sniff.zip) return sniff.ext === 'xlsx' ? 10 : 0;
    // Every workbook names its content-types part and the xl/ folder near the start of the zip.
    return /xl\/|\[Content_Types\]\.xml/.test(sniff.head) ? 60 : sniff.ext === 'xlsx' ? 30 : 0;
  },
  read: async (source, ctx) => readTable(await readXlsxTable(source, ctx), source, ctx),
};
