/**
 * One side of the package benchmark in a process of its own, so its peak memory (RSS) is its own.
 * Modes: pack <assessment> <pkg>, unpack <pkg> <out>, and the floors: encrypt <file> <out> and
 * decrypt <file> <out>, node:crypto AES-256-GCM over the same bytes in the same chunk size with
 * the same reads, writes and sync, and nothing else. Prints one JSON line: { ms, maxRssMiB }.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_CHUNK_SIZE } from '../../electron/package/format';
import { packAssessment, unpackPackage } from '../../electron/package/pack';

const [mode, from, to] = process.argv.slice(2) as [string, string, string];
const passphrase = 'benchmark passphrase';
const key = Buffer.alloc(32, 7);

/** The floor: each chunk read, sealed or opened with AES-256-GCM, written; one sync at the end. */
function floor(decrypt: boolean): void {
  const input = openSync(from, 'r');
  const output = openSync(to, 'wx');
  const record = DEFAULT_CHUNK_SIZE + (decrypt ? 16 : 0);
  const buffer = Buffer.allocUnsafe(record);
  const nonce = Buffer.alloc(12);
  let index = 0;
  for (let got = readSync(input, buffer, 0, record, null); got > 0; got = readSync(input, buffer, 0, record, null)) {
    nonce.writeUInt32BE(index++, 8);
    if (decrypt) {
      const d = createDecipheriv('aes-256-gcm', key, nonce);
      d.setAuthTag(buffer.subarray(got - 16, got));
      writeSync(output, d.update(buffer.subarray(0, got - 16)));
      try {
        d.final();
      } catch {
        throw new Error('package bench: the floor ciphertext does not authenticate');
      }
    } else {
      const c = createCipheriv('aes-256-gcm', key, nonce);
      writeSync(output, c.update(buffer.subarray(0, got)));
      c.final();
      writeSync(output, c.getAuthTag());
    }
  }
  fsyncSync(output);
  closeSync(output);
  closeSync(input);
}

const start = performance.now();
if (mode === 'pack') packAssessment(from, to, { passphrase, includeSecret: false });
else if (mode === 'unpack') unpackPackage(from, to, { passphrase });
else if (mode === 'encrypt' || mode === 'decrypt') floor(mode === 'decrypt');
else throw new Error(`package-child: unknown mode ${mode}`);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
