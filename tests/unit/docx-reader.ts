import yauzl from 'yauzl';

/**
 * Reads a DOCX (a zip) back the way a test should: every entry's bytes by name, plus the raw DOS
 * time and date fields the zip stores, so tests can check what Word would read.
 */
export interface ZipEntry {
  data: Buffer;
  /** The DOS time fields decoded as written (no time zone applied). */
  stamp: string;
}

export function readZip(path: string): Promise<Map<string, ZipEntry>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, ZipEntry>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, { data: Buffer.concat(chunks), stamp: dosStamp(entry.lastModFileDate, entry.lastModFileTime) });
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.readEntry();
    });
  });
}

function dosStamp(date: number, time: number): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const y = ((date >> 9) & 0x7f) + 1980;
  return `${y}-${p((date >> 5) & 0xf)}-${p(date & 0x1f)}T${p((time >> 11) & 0x1f)}:${p((time >> 5) & 0x3f)}:${p((time & 0x1f) * 2)}`;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The text of a run of WordprocessingML: every w:t joined, entities decoded. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Top-level elements `<tag ...>...</tag>` (no nesting of the same tag assumed beyond depth counting). */
export function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  let depth = 0;
  let start = -1;
  for (const m of xml.matchAll(open)) {
    if (m[0].startsWith('</')) {
      depth--;
      if (depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}
