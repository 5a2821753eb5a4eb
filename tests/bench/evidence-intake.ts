import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCatalogDir } from '../../electron/catalog/load';
import { frameworksDir } from '../../electron/paths';
import { createAssessment } from '../../electron/store/open';
import { compiledChild } from './compiled-child';

/** How much evidence the benchmark adds, in MiB: 1024 by default (the 1 GB); smaller for quick runs. */
export const EVIDENCE_MIB_ENV = 'ASSAY_BENCH_EVIDENCE_MIB';

const MIB = 1024 * 1024;

export interface IntakeFigures {
  mib: number;
  files: number;
  /** Hashing the same files with node:crypto while writing them to one plain file. */
  floorMs: number;
  intakeMs: number;
  maxRssMiB: number;
}

/** One large file and many smaller ones, each with distinct content, written 1 MiB at a time. */
function generate(dir: string, mib: number): string[] {
  mkdirSync(dir);
  const block = randomBytes(MIB);
  const sizes = [Math.ceil(mib / 2), ...Array.from({ length: 16 }, (_, i) => Math.floor(mib / 2 / 16) + (i < (mib / 2) % 16 ? 1 : 0))].filter((s) => s > 0);
  return sizes.map((size, i) => {
    const path = join(dir, `evidence-${i}.bin`);
    const fd = openSync(path, 'w');
    for (let m = 0; m < size; m++) {
      block.writeUInt32BE(i * 100_000 + m, 0); // every MiB differs, so nothing is deduplicated
      writeSync(fd, block);
    }
    closeSync(fd);
    return path;
  });
}

/** The floor: read each file in 1 MiB chunks, hash it, append it to one plain file, sync once at the end as a commit would. */
function floor(paths: string[], out: string): number {
  const start = performance.now();
  const target = openSync(out, 'w');
  const buffer = Buffer.allocUnsafe(MIB);
  for (const path of paths) {
    const fd = openSync(path, 'r');
    const hash = createHash('sha256');
    for (let got = readSync(fd, buffer); got > 0; got = readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, got));
      writeSync(target, buffer, 0, got);
    }
    hash.digest('hex');
    closeSync(fd);
  }
  fsyncSync(target);
  closeSync(target);
  return performance.now() - start;
}

export function measureEvidenceIntake(dir: string): IntakeFigures {
  const mib = Number(process.env[EVIDENCE_MIB_ENV] ?? 1024);
  if (!Number.isInteger(mib) || mib < 1) throw new Error(`${EVIDENCE_MIB_ENV} must be a whole number of MiB (it is ${process.env[EVIDENCE_MIB_ENV]})`);
  const paths = generate(join(dir, 'evidence-in'), mib);
  const floorMs = floor(paths, join(dir, 'floor.bin'));
  const file = join(dir, 'evidence.assay');
  createAssessment(file, { name: 'Evidence bench', catalog: readCatalogDir(frameworksDir()), actor: 'bench' }).close();
  const out = execFileSync(process.execPath, [compiledChild('evidence-intake-child'), file, ...paths], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number; bytes: number; added: number; failed: unknown[] };
  if (r.failed.length || r.added !== paths.length || r.bytes !== mib * MIB) throw new Error(`evidence bench: not every file was added (${out})`);
  return { mib, files: paths.length, floorMs, intakeMs: r.ms, maxRssMiB: r.maxRssMiB };
}
