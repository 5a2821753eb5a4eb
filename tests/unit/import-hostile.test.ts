import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { previewImport } from '../../electron/imports/engine';
import { readers } from '../../electron/imports/registry';
import { runImport } from '../../electron/imports/run';
import { openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { AssayError } from '../../shared/errors';
import { fileHash, tempDir, testContext } from './helpers';

/**
 * Every reader fed what people and attackers send: the real samples of its format, mutated at
 * random (cut short, bytes flipped, hostile keys spliced in), and a set of known tricks (nesting,
 * prototype keys, wrong encodings, binary, oversize). The only acceptable outcomes are a preview,
 * a blocked preview naming its problems, or an AssayError naming the file; a failed or blocked
 * import leaves the assessment's bytes unchanged, and a completed one verifies.
 */

const FIXTURES = 'tests/fixtures/imports';

function seeds(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/^NOTICE/i.test(name) && statSync(path).size < 400_000) out.push(path);
    }
  };
  walk(FIXTURES);
  // One seed per folder and extension keeps the run short while every format is covered.
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${join(p, '..')}|${p.split('.').pop()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function assessment(dir: string): string {
  const file = join(dir, 'h.assay');
  const r = dispatch('assessment.create', { file, name: 'Hostile' }, testContext(dir));
  if (!r.ok) throw new Error(r.error.message);
  return file;
}

/** The error must be ours and say which file; anything else is a crash. */
function expectClear(error: unknown, name: string): void {
  if (!(error instanceof AssayError)) throw error;
  expect(error.message).toContain(name);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom('"__proto__":{"x":1},', '{"constructor":{"prototype":{}}}', '\u0000', '=cmd|/c calc!A1', '"\ud800"', ']]]]', '{'.repeat(200), '\r\n,,,\r\n', '\ufeff'),
  }),
);

function mutate(bytes: Buffer, m: { kind: string; at: number; byte?: number; text?: string }): Buffer {
  const at = Math.floor(m.at * bytes.length);
  if (m.kind === 'cut') return bytes.subarray(0, at);
  if (m.kind === 'flip') {
    const copy = Buffer.from(bytes);
    if (copy.length) copy[Math.min(at, copy.length - 1)] = m.byte!;
    return copy;
  }
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text!), bytes.subarray(at)]);
}

describe('hostile input at every importer', () => {
  const seedFiles = seeds();

  it('has real samples to start from for every format a reader is registered for', () => {
    expect(readers.length).toBeGreaterThan(0);
    expect(seedFiles.length).toBeGreaterThanOrEqual(readers.length);
  });

  for (const seed of seedFiles)
    it(`mutations of ${seed.slice(FIXTURES.length + 1)} give a preview or a clear error, and never a partial write`, async () => {
      const dir = tempDir();
      const file = assessment(dir);
      const original = readFileSync(seed);
      const name = basename(seed);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(mutation, fc.boolean(), async (m, write) => {
          const input = join(dir, `${n++}-${name}`);
          writeFileSync(input, mutate(original, m));
          const before = fileHash(file);
          const { assessment: a } = openForWriting(file, { actor: 'fuzz' });
          let completed = false;
          try {
            if (write) completed = (await runImport(a, input, {}, 'fuzz')).batchId !== null;
            else await previewImport(a, input, {});
          } catch (error) {
            expectClear(error, basename(input));
          } finally {
            a.close();
          }
          if (!completed) expect(fileHash(file)).toBe(before);
          else expect(verifyFile(file).ok).toBe(true);
        }),
        { numRuns: 12, seed: 20261128 },
      );
    }, 120_000);

  const tricks: [string, Buffer][] = [
    ['deep.json', Buffer.from('['.repeat(100_000) + ']'.repeat(100_000))],
    ['proto.json', Buffer.from('{"bomFormat":"CycloneDX","__proto__":{"polluted":true},"components":[]}')],
    ['empty.csv', Buffer.alloc(0)],
    ['binary.json', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x7d])],
    ['latin1.csv', Buffer.from('Risk,System\nR\xe9sum\xe9 leak,HR bot\n', 'latin1')],
    ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Risk ID,Risk title\r\nR1,Leak\r\n', 'utf16le')])],
    ['fake.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 0x41)])],
  ];
  it('known tricks against every reader (forced) give a preview with problems or a clear error', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const before = fileHash(file);
    for (const [name, bytes] of tricks) {
      const input = join(dir, name);
      writeFileSync(input, bytes);
      for (const format of ['auto', ...readers.map((r) => r.format)]) {
        const { assessment: a } = openForWriting(file, { actor: 'fuzz' });
        try {
          const result = await runImport(a, input, { format }, 'fuzz');
          // Accepted only when there was truly nothing to refuse in it.
          expect(result.problems.filter((p) => p.severity === 'error').length === 0 || result.batchId === null).toBe(true);
          if (result.batchId) throw new Error(`${format} imported ${name}`);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith(`${format} imported`)) throw error;
          expectClear(error, name);
        } finally {
          a.close();
        }
      }
    }
    expect(fileHash(file)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const dir = tempDir();
    const file = assessment(dir);
    const input = join(dir, 'big.csv');
    writeFileSync(input, 'Risk ID,Risk title\n' + 'R,x\n'.repeat(5000));
    const { assessment: a } = openForWriting(file, { actor: 'fuzz' });
    try {
      await expect(previewImport(a, input, {}, { limits: { maxBytes: 1024 } })).rejects.toThrow(/big\.csv: is larger than 1 KiB; imports are limited to that \(set ASSAY_MAX_INPUT_BYTES/);
    } finally {
      a.close();
    }
  });
});
