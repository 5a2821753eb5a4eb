import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRELUDE_BYTES, TAG_BYTES } from '../../electron/package/format';
import { packAssessment, unpackPackage } from '../../electron/package/pack';
import { blobChunks } from '../../electron/store/evidence-blobs';
import { verifyFile } from '../../electron/store/verify';
import { FAST, type Fixture, PASSPHRASE, buildFixture, namesIn } from './package-fixture';

let fx: Fixture;
/** One package of the fixture, packed once; each test works on its own copy. */
let pkg: string;
let packedHead: string;

beforeAll(() => {
  fx = buildFixture();
  pkg = join(fx.dir, 'a.assaypkg');
  packedHead = packAssessment(fx.file, pkg, { passphrase: PASSPHRASE, includeSecret: false, ...FAST }).head;
}, 120_000);
afterAll(() => fx.remove());

let n = 0;
/** A copy of the package to damage, and where unpacking it would write. */
function copy(): { damaged: string; out: string } {
  const damaged = join(fx.dir, `copy-${++n}.assaypkg`);
  copyFileSync(pkg, damaged);
  return { damaged, out: join(fx.dir, `out-${n}.assay`) };
}

/** Unpacking fails with a message matching `message`, and writes nothing at all into the folder. */
function expectRefused(damaged: string, out: string, message: RegExp, passphrase = PASSPHRASE): void {
  const before = namesIn(fx.dir);
  expect(() => unpackPackage(damaged, out, { passphrase })).toThrow(message);
  expect(namesIn(fx.dir)).toEqual(before);
}


describe('package round trip', () => {
  it('unpacks to an assessment that verifies at the packed head, with its evidence byte for byte and without the pseudonymisation key', () => {
    const out = join(fx.dir, 'round.assay');
    const result = unpackPackage(pkg, out, { passphrase: PASSPHRASE });
    expect(result.head).toBe(packedHead);
    expect(result.includesSecret).toBe(false);
    const verified = verifyFile(out, { expectHead: packedHead });
    expect(verified.message).toMatch(/./);
    expect(verified.ok).toBe(true);
    const db = new Database(out, { readonly: true });
    try {
      const sha = createHash('sha256').update(fx.evidence).digest('hex');
      expect(Buffer.concat([...blobChunks(db, sha)]).equals(fx.evidence)).toBe(true);
      expect(db.prepare('SELECT COUNT(*) AS n FROM assessment_secret').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    // The key's bytes are nowhere in the package's content, not even in freed space.
    expect(readFileSync(out).includes(fx.key)).toBe(false);
  });

  it('carries the pseudonymisation key only when asked to, and says so in the header', () => {
    const withKey = join(fx.dir, 'with-key.assaypkg');
    const packed = packAssessment(fx.file, withKey, { passphrase: PASSPHRASE, includeSecret: true, ...FAST });
    expect(packed.includesSecret).toBe(true);
    const out = join(fx.dir, 'with-key.assay');
    expect(unpackPackage(withKey, out, { passphrase: PASSPHRASE }).includesSecret).toBe(true);
    const db = new Database(out, { readonly: true });
    expect((db.prepare('SELECT secret FROM assessment_secret').get() as { secret: Buffer }).secret.equals(fx.key)).toBe(true);
    db.close();
    expect(verifyFile(out).ok).toBe(true);
  });

  it('packs with N = 2^16, r = 8, p = 2 by default (64 MiB), and still opens a package made with N = 2^17, r = 8, p = 1', { timeout: 60_000 }, () => {
    const byDefault = join(fx.dir, 'default-cost.assaypkg');
    packAssessment(fx.file, byDefault, { passphrase: PASSPHRASE, includeSecret: false, chunkSize: FAST.chunkSize });
    const prelude = readFileSync(byDefault).subarray(0, PRELUDE_BYTES);
    expect([prelude.readUInt8(10), prelude.readUInt8(11), prelude.readUInt8(12)]).toEqual([16, 8, 2]);
    const older = join(fx.dir, 'older-cost.assaypkg');
    packAssessment(fx.file, older, { passphrase: PASSPHRASE, includeSecret: false, chunkSize: FAST.chunkSize, scrypt: { logN: 17, r: 8, p: 1 } });
    for (const [package_, out] of [[byDefault, 'default-cost.assay'], [older, 'older-cost.assay']] as const) {
      expect(unpackPackage(package_, join(fx.dir, out), { passphrase: PASSPHRASE }).head).toBe(packedHead);
    }
  });

  it('never writes over an existing file, packing or unpacking, and leaves the existing bytes alone', () => {
    const existing = join(fx.dir, 'existing.assay');
    writeFileSync(existing, 'mine');
    expect(() => unpackPackage(pkg, existing, { passphrase: PASSPHRASE })).toThrow(/already exists/);
    expect(() => packAssessment(fx.file, pkg, { passphrase: PASSPHRASE, includeSecret: false, ...FAST })).toThrow(/already exists/);
    expect(readFileSync(existing, 'utf8')).toBe('mine');
  });

  it('stops when cancelled and leaves no package and no temporary file', () => {
    const before = namesIn(fx.dir);
    let polls = 0;
    expect(() => packAssessment(fx.file, join(fx.dir, 'cancelled.assaypkg'), { passphrase: PASSPHRASE, includeSecret: false, ...FAST, isCancelled: () => ++polls > 5 })).toThrow(/cancelled/);
    expect(namesIn(fx.dir)).toEqual(before);
  });

  it('refuses a hostile header that asks for gigabytes of scrypt memory, before deriving anything', () => {
    const { damaged, out } = copy();
    const bytes = readFileSync(damaged);
    bytes.writeUInt8(24, 10); // N = 2^24 with r = 8: 16 GiB
    // Recompute the checksum, as a forger would: the limit must hold on its own.
    createHash('sha256').update(bytes.subarray(0, 96)).digest().copy(bytes, 96);
    writeFileSync(damaged, bytes);
    expectRefused(damaged, out, /asks for more than Assay allows.*16384 MiB/);
  });
});

describe('package damage: each kind has its own message, and nothing is written', () => {
  it('a wrong passphrase', () => {
    const { damaged, out } = copy();
    expectRefused(damaged, out, /wrong passphrase/, 'not the passphrase');
  });

  it('truncated at every chunk boundary, mid-chunk, inside the header, and to nothing', { timeout: 120_000 }, () => {
    // Its own package in 64 KiB chunks: every boundary of a real package, without writing a thousand copies.
    const chunkSize = 64 * 1024;
    const coarse = join(fx.dir, 'coarse.assaypkg');
    packAssessment(fx.file, coarse, { passphrase: PASSPHRASE, includeSecret: false, scrypt: FAST.scrypt, chunkSize });
    const whole = readFileSync(coarse);
    const record = chunkSize + TAG_BYTES;
    const cuts = new Set<number>([0, 5, PRELUDE_BYTES - 1, PRELUDE_BYTES, whole.length - 1, whole.length - TAG_BYTES]);
    for (let at = PRELUDE_BYTES + record; at < whole.length; at += record) cuts.add(at).add(at - record / 2);
    expect(cuts.size).toBeGreaterThan(40);
    for (const at of cuts) {
      const { damaged, out } = copy();
      writeFileSync(damaged, whole.subarray(0, at));
      expectRefused(damaged, out, at === 0 ? /not an Assay package/ : /truncated/);
    }
  });

  it('a flipped bit in the header, the key check, the checksum, a chunk and a tag', () => {
    const total = readFileSync(pkg).length;
    const cases: [number, RegExp][] = [
      [0, /not an Assay package/],
      [10, /altered: its header does not match its checksum/],
      [30, /altered: its header/],
      [70, /altered: its header/],
      [100, /altered: its header/],
      [PRELUDE_BYTES + 3, /altered: chunk 1 of/],
      [PRELUDE_BYTES + FAST.chunkSize + 2, /altered: chunk 1 of/],
      [PRELUDE_BYTES + 5 * (FAST.chunkSize + TAG_BYTES) + 77, /altered: chunk 6 of/],
      [total - 1, /altered: chunk \d+ of/],
    ];
    for (const [at, message] of cases) {
      const { damaged, out } = copy();
      const bytes = readFileSync(damaged);
      bytes[at] = bytes[at]! ^ 0x10;
      writeFileSync(damaged, bytes);
      expectRefused(damaged, out, message);
    }
  });

  it('two chunks swapped', () => {
    const { damaged, out } = copy();
    const bytes = readFileSync(damaged);
    const record = FAST.chunkSize + TAG_BYTES;
    const a = PRELUDE_BYTES + 2 * record;
    const b = PRELUDE_BYTES + 3 * record;
    const first = Buffer.from(bytes.subarray(a, a + record));
    bytes.copy(bytes, a, b, b + record);
    first.copy(bytes, b);
    writeFileSync(damaged, bytes);
    expectRefused(damaged, out, /altered: chunk 3 of .*out of order/);
  });

  it('bytes appended after the final chunk', () => {
    for (const extra of [Buffer.from([0]), Buffer.alloc(FAST.chunkSize + TAG_BYTES, 7)]) {
      const { damaged, out } = copy();
      appendFileSync(damaged, extra);
      expectRefused(damaged, out, new RegExp(`${extra.length} bytes? after its final chunk`));
    }
  });

  it('a file that is not a package, and one from a later format version', () => {
    const { damaged, out } = copy();
    copyFileSync(fx.file, damaged);
    expectRefused(damaged, out, /not an Assay package/);
    const later = copy();
    const bytes = readFileSync(later.damaged);
    bytes.writeUInt16BE(2, 8);
    createHash('sha256').update(bytes.subarray(0, 96)).digest().copy(bytes, 96);
    writeFileSync(later.damaged, bytes);
    expectRefused(later.damaged, later.out, /format 2, written by another version/);
  });
});
