import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Packing and unpacking a large assessment (the evidence benchmark's, 1 GB by default), each next to
 * its floor measured in the same run: node:crypto AES-256-GCM over the same bytes, read and written
 * in the same chunks. Packing also takes a snapshot (VACUUM INTO) and derives the key with scrypt;
 * unpacking also opens the result to read its head: that is the cost the targets judge.
 */

export interface PackageFigures {
  mib: number;
  packMs: number;
  packFloorMs: number;
  packRssMiB: number;
  unpackMs: number;
  unpackFloorMs: number;
  unpackRssMiB: number;
}

function child(...args: string[]): { ms: number; maxRssMiB: number } {
  const script = fileURLToPath(new URL('./package-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number };
}

export function measurePackages(dir: string, file: string): PackageFigures {
  const [floorOut, floorBack, pkg, back] = ['floor.enc', 'floor.dec', 'bench.assaypkg', 'unpacked.assay'].map((n) => join(dir, n)) as [string, string, string, string];
  // Each gigabyte-sized output is removed once it has served, so the run needs less room in the temporary folder.
  const packFloor = child('encrypt', file, floorOut);
  const unpackFloor = child('decrypt', floorOut, floorBack);
  for (const served of [floorOut, floorBack]) rmSync(served, { force: true });
  const pack = child('pack', file, pkg);
  const unpack = child('unpack', pkg, back);
  const mib = statSync(file).size / 2 ** 20;
  for (const served of [pkg, back]) rmSync(served, { force: true });
  return { mib, packMs: pack.ms, packFloorMs: packFloor.ms, packRssMiB: pack.maxRssMiB, unpackMs: unpack.ms, unpackFloorMs: unpackFloor.ms, unpackRssMiB: unpack.maxRssMiB };
}
