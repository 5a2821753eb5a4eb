import yauzl from 'yauzl';
import { AssayError } from '../../../shared/errors';
import { formatBytes } from '../../../shared/format-bytes';

/**
 * A workbook is a zip of XML parts, and a hostile one can be a zip bomb (a small file that inflates
 * to gigabytes) or carry XML entity tricks (a DOCTYPE declaring entities that expand without end or
 * reach outside files). Before any XLSX library sees the bytes, every entry is inflated here as a
 * stream with its real size counted (headers can lie), and every XML part is scanned for DOCTYPE
 * and ENTITY declarations, which Office never writes.
 */

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed over compressed size, checked for entries above ratioFloor bytes. */
  maxRatio: number;
  ratioFloor: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
};

const FORBIDDEN = /<!DOCTYPE|<!ENTITY/i;

function refuse(name: string, what: string): AssayError {
  return new AssayError('invalid_input', `${name}: ${what}; the workbook was refused and nothing was imported`);
}

function openZip(bytes: Buffer, name: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(refuse(name, `is not a readable workbook (${error?.message ?? 'no zip'})`)) : resolve(zip),
    ),
  );
}

/** Inflates one entry, counting bytes and scanning XML; rejects as soon as a limit is passed. */
function inspectEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: ZipLimits, budget: { left: number }): Promise<void> {
  const part = entry.fileName;
  const xml = /\.(xml|rels|vml)$/i.test(part);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(refuse(name, `part ${part} cannot be read (${error?.message ?? 'no stream'})`));
      let size = 0;
      let tail = '';
      const fail = (e: AssayError) => {
        stream.destroy();
        reject(e);
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        budget.left -= chunk.length;
        if (size > limits.maxEntryBytes) return fail(refuse(name, `part ${part} inflates to more than ${formatBytes(limits.maxEntryBytes)} (a zip bomb?)`));
        if (budget.left < 0) return fail(refuse(name, `inflates to more than ${formatBytes(limits.maxTotalBytes)} in all (a zip bomb?)`));
        if (size > limits.ratioFloor && size / Math.max(1, entry.compressedSize) > limits.maxRatio)
          return fail(refuse(name, `part ${part} inflates more than ${limits.maxRatio} times its compressed size (a zip bomb?)`));
        if (xml) {
          const window = tail + chunk.toString('latin1');
          if (FORBIDDEN.test(window)) return fail(refuse(name, `part ${part} declares a DOCTYPE or ENTITY (an XML entity trick; Office never writes one)`));
          tail = window.slice(-16);
        }
      });
      stream.on('error', (e: Error) => reject(refuse(name, `part ${part} is damaged (${e.message})`)));
      stream.on('end', () => resolve());
    });
  });
}

/** Checks every entry of a workbook before it is parsed; throws a clear error naming the file and part. */
export async function inspectWorkbookZip(bytes: Buffer, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  const zip = await openZip(bytes, name);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(name, `has ${zip.entryCount} parts, more than the ${limits.maxEntries} a workbook may have`);
  }
  const budget = { left: limits.maxTotalBytes };
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.uncompressedSize > limits.maxEntryBytes) return reject(refuse(name, `part ${entry.fileName} declares ${formatBytes(entry.uncompressedSize)} uncompressed (a zip bomb?)`));
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        inspectEntry(zip, entry, name, limits, budget).then(() => zip.readEntry(), reject);
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(refuse(name, `is a damaged zip (${e.message})`)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
