import { createHash } from 'node:crypto';
import { type Document, Packer } from 'docx';
import { type ZipInput, zipEntries } from './zip';

/**
 * docx writes three things of its own that would make two renders of one report differ:
 * ids from nanoid's non-secure generator (relationship ids of hyperlinks and numbering, the keys
 * that obfuscate embedded fonts), the clock in docProps/core.xml, and the clock as every zip
 * entry's time. Reports must be byte-identical for the same model, so each is pinned here: the
 * package is compiled by docx but zipped once by ./zip, with the report's time on every entry.
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

/** The compiler Packer uses: it writes the package's files (path -> XML text or bytes) without zipping them. */
interface DocxCompiler {
  compile(file: Document): Map<string, string | Uint8Array>;
}

function compiler(): DocxCompiler {
  // Packer keeps its compiler private. docx is pinned to an exact version; if a later one moves it,
  // this fails loudly here (and in the DOCX tests) rather than writing a different package.
  const found = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof found?.compile !== 'function') throw new Error('docx no longer exposes the compiler its Packer uses');
  return found as DocxCompiler;
}

/**
 * The document's files as docx writes them, with core.xml dated from the report and the bookmark
 * and drawing ids renumbered. Synchronous, so it can run inside withSeededRandom: docx draws ids
 * while compiling too (relationships of hyperlinks and numbering).
 */
export function compileDocx(file: Document, generatedAt: string): { files: ZipInput; when: Date } {
  const when = new Date(generatedAt);
  if (Number.isNaN(when.getTime())) throw new Error(`generatedAt is not a date: ${generatedAt}`);
  // W3CDTF without milliseconds, as Word writes it.
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const files = [...compiler().compile(file)].map(([path, data]): [string, string | Uint8Array] => {
    if (path === 'docProps/core.xml' && typeof data === 'string') {
      return [path, data.replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`).replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)];
    }
    if (path === 'word/document.xml' && typeof data === 'string') return [path, renumberIds(data)];
    return [path, data];
  });
  return { files, when };
}

/** One zip pass over the compiled files, every entry dated `when` (see ./zip). */
export function zipDocx(compiled: { files: ZipInput; when: Date }): Buffer {
  return zipEntries(compiled.files, compiled.when);
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
  const renameToc = (text: string): string => text.replace(/_Toc(\d+)\b/g, (_all, n: string) => `_Toc${tocs.get(n) ?? n}`);
  // One replace over the document (it is large: each pass copies it) with the three patterns as
  // alternatives; a bookmark's own _Toc name sits inside the first one's match.
  return xml.replace(
    /(<w:bookmark(?:Start|End)\b[^>]*\bw:id=")(\d+)"|_Toc(\d+)\b|(<wp:docPr\b[^>]*?\bid=")\d+"/g,
    (all, mark: string | undefined, id: string | undefined, toc: string | undefined, drawing: string | undefined) => {
      if (mark !== undefined) return `${renameToc(mark)}${ids.get(id!) ?? id}"`;
      if (toc !== undefined) return renameToc(all);
      return drawing !== undefined ? `${renameToc(drawing)}${++drawings}"` : all;
    },
  );
}
