import { createHash } from 'node:crypto';
import JSZip from 'jszip';

/**
 * docx writes three things of its own that would make two renders of one report differ:
 * ids from nanoid's non-secure generator (relationship ids of hyperlinks and numbering, the keys
 * that obfuscate embedded fonts), the clock in docProps/core.xml, and the clock as every zip
 * entry's time. Reports must be byte-identical for the same model, so each is pinned here.
 */

/**
 * Runs `fn` with Math.random replaced by a generator seeded from `seed`. nanoid's non-secure
 * generator (bundled in docx) reads Math.random at each call, so the ids docx makes inside `fn`
 * follow from the seed. `fn` must be synchronous: with no await inside, no other code can run
 * while the replacement is in place, and it is restored before returning.
 */
export function withSeededRandom<T>(seed: string, fn: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/** xorshift128+ on a SHA-256 of the seed: quality is irrelevant, only repeatability matters. */
function seededRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed).digest();
  let s0 = digest.readBigUInt64LE(0) | 1n;
  let s1 = digest.readBigUInt64LE(8) | 1n;
  const mask = (1n << 64n) - 1n;
  return () => {
    let x = s0;
    const y = s1;
    s0 = y;
    x = (x ^ (x << 23n)) & mask;
    s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
    return Number(((s1 + y) & mask) >> 11n) / 2 ** 53;
  };
}

/** The zip's entries in docx's own order, with core.xml dated from the report and every entry time fixed. */
export async function pinDatesAndRezip(docx: Buffer, generatedAt: string): Promise<Buffer> {
  const when = new Date(generatedAt);
  if (Number.isNaN(when.getTime())) throw new Error(`generatedAt is not a date: ${generatedAt}`);
  // W3CDTF without milliseconds, as Word writes it.
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const input = await JSZip.loadAsync(docx);
  const output = new JSZip();
  for (const entry of Object.values(input.files)) {
    if (entry.dir) continue;
    let data: Buffer | string = await entry.async('nodebuffer');
    if (entry.name === 'docProps/core.xml') {
      data = data
        .toString('utf8')
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
    }
    if (entry.name === 'word/document.xml') data = renumberIds(data.toString('utf8'));
    // JSZip writes DOS times from the UTC fields, so the bytes do not depend on the time zone.
    output.file(entry.name, data, { date: when, createFolders: false });
  }
  return output.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

/**
 * docx numbers bookmarks (the TOC's "_Toc<n>" anchors and their w:id) and drawings (wp:docPr id)
 * from counters that live as long as the process, so the second report rendered gets _Toc6..
 * where the first got _Toc1.. Each is renumbered from 1 in order of appearance; every reference
 * (hyperlink anchors, PAGEREF fields) is rewritten with the same map.
 */
export function renumberIds(xml: string): string {
  const ids = new Map<string, string>();
  for (const m of xml.matchAll(/<w:bookmarkStart\b[^>]*\bw:id="(\d+)"/g)) if (!ids.has(m[1]!)) ids.set(m[1]!, String(ids.size + 1));
  const tocs = new Map<string, string>();
  let drawings = 0;
  for (const m of xml.matchAll(/_Toc(\d+)\b/g)) if (!tocs.has(m[1]!)) tocs.set(m[1]!, String(tocs.size + 1));
  return xml
    .replace(/(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"/g, (_all, head: string, id: string) => `${head}${ids.get(id) ?? id}"`)
    .replace(/_Toc(\d+)\b/g, (_all, n: string) => `_Toc${tocs.get(n) ?? n}`)
    .replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_all, head: string) => `${head}${++drawings}"`);
}
