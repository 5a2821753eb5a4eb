import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRELUDE_BYTES, TAG_BYTES } from '../../electron/package/format';
import { packAssessment, unpackPackage } from '../../electron/package/pack';
import { fileSource, openPackage, sealFile } from '../../electron/package/stream';
import { AssayError } from '../../shared/errors';
import { FAST, type Fixture, PASSPHRASE, buildFixture, namesIn } from './package-fixture';

/**
 * Random damage to a small real package: whatever happens, unpacking either gives the packed
 * bytes back or fails with one of our own messages, and never leaves a file behind.
 */

let fx: Fixture;
let original: Buffer;
let plain: Buffer;

beforeAll(() => {
  fx = buildFixture();
  const pkg = join(fx.dir, 'a.assaypkg');
  packAssessment(fx.file, pkg, { passphrase: PASSPHRASE, includeSecret: false, ...FAST });
  original = readFileSync(pkg);
  unpackPackage(pkg, join(fx.dir, 'plain.assay'), { passphrase: PASSPHRASE });
  plain = readFileSync(join(fx.dir, 'plain.assay'));
}, 120_000);
afterAll(() => fx.remove());

const record = FAST.chunkSize + TAG_BYTES;
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), chunk: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(bytes: Buffer, m: Mutation): Buffer {
  const chunks = Math.floor((bytes.length - PRELUDE_BYTES) / record);
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      const at = m.at % bytes.length;
      copy[at] = copy[at]! ^ (1 << m.bit);
      return copy;
    }
    case 'cut':
      return bytes.subarray(0, m.at % (bytes.length + 1));
    case 'insert': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'append':
      return Buffer.concat([bytes, Buffer.from(m.bytes)]);
    case 'swap': {
      if (chunks < 2) return bytes;
      const [a, b] = [m.a % chunks, m.b % chunks].map((i) => PRELUDE_BYTES + i * record) as [number, number];
      const copy = Buffer.from(bytes);
      bytes.copy(copy, a, b, b + record);
      bytes.copy(copy, b, a, a + record);
      return copy;
    }
    case 'drop': {
      if (chunks < 1) return bytes;
      const at = PRELUDE_BYTES + (m.chunk % chunks) * record;
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + record)]);
    }
  }
}

const ours = /not an Assay package|wrong passphrase|truncated|altered|after its final chunk|asks for more than Assay allows|fields this version of Assay does not know|written by another version/;

describe('mutated packages (fast-check)', () => {
  it('never crash, never write partially: either the packed bytes come back or one of our messages', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (steps) => {
        const damaged = steps.reduce(apply, original);
        const pkg = join(fx.dir, `m-${++n}.assaypkg`);
        const out = join(fx.dir, `m-${n}.assay`);
        writeFileSync(pkg, damaged);
        const before = namesIn(fx.dir);
        try {
          unpackPackage(pkg, out, { passphrase: PASSPHRASE });
        } catch (error) {
          if (!(error instanceof AssayError)) throw error;
          expect(error.message).toMatch(ours);
          expect(namesIn(fx.dir)).toEqual(before);
          return;
        }
        // Only an unchanged package opens (two swaps of the same chunk, a flip undone).
        expect(damaged.equals(original)).toBe(true);
        expect(readFileSync(out).equals(plain)).toBe(true);
      }),
      { numRuns: 80, seed: 20261128 },
    );
  });

  it('any content of any length, in any allowed chunk size, comes back byte for byte (empty and exact multiples included)', () => {
    let n = 0;
    fc.assert(
      fc.property(fc.integer({ min: 4096, max: 9000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -1, max: 1 }), (chunkSize, whole, edge) => {
        const content = Buffer.alloc(Math.max(0, whole * chunkSize + edge), 0x5a);
        const names = [`src-${++n}`, `pkg-${n}`, `dst-${n}`].map((f) => join(fx.dir, f)) as [string, string, string];
        writeFileSync(names[0], content);
        const [src, pkg, dst] = [openSync(names[0], 'r'), openSync(names[1], 'w+'), openSync(names[2], 'w')];
        try {
          sealFile(fileSource(src), pkg, { passphrase: PASSPHRASE, includesSecret: false, scrypt: FAST.scrypt, chunkSize }, 'src');
          openPackage(pkg, dst, { passphrase: PASSPHRASE }, 'pkg');
        } finally {
          for (const fd of [src, pkg, dst]) closeSync(fd);
        }
        expect(readFileSync(names[2]).equals(content)).toBe(true);
      }),
      { numRuns: 30, seed: 20261128 },
    );
  });
});
