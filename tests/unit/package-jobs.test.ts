import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { waitForJob } from '../../electron/jobs/await-job';
import { cancelJob, jobEnded, listJobs, stopAllJobs } from '../../electron/jobs/runner';
import { verifyFile } from '../../electron/store/verify';
import { type Fixture, buildFixture, namesIn } from './package-fixture';
import { tempDir, testContext } from './helpers';

/** The commands as the app calls them: jobs on worker threads, the passphrase an input field. */

const PASS = 'job passphrase 123';
let fx: Fixture;
beforeAll(() => {
  fx = buildFixture();
}, 120_000);
afterAll(() => fx.remove());
afterEach(async () => {
  await stopAllJobs();
});

function start(name: 'package.pack' | 'package.unpack', input: Record<string, unknown>, dir: string): string {
  const r = dispatch(name, input, testContext(dir));
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { jobId: string }).jobId;
}

describe('package.pack and package.unpack as jobs', () => {
  it('pack then unpack: the copy verifies at the packed head, and no job listing or event carries the passphrase', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    copyFileSync(fx.file, file);
    const progress: string[] = [];
    const packId = start('package.pack', { file, out: join(dir, 'a.assaypkg'), passphrase: PASS }, dir);
    const packed = await waitForJob(packId, 'pack', (p) => progress.push(p.phase));
    expect(JSON.stringify(listJobs())).not.toContain(PASS);
    if (packed.kind !== 'pack') throw new Error(packed.kind);
    expect(packed.value.secretLeftOut).toBe(true);
    expect(progress).toContain('encrypting');
    const unpackId = start('package.unpack', { package: join(dir, 'a.assaypkg'), out: join(dir, 'b.assay'), passphrase: PASS }, dir);
    const unpacked = await waitForJob(unpackId, 'unpack');
    if (unpacked.kind !== 'unpack') throw new Error(unpacked.kind);
    expect(unpacked.value.head).toBe(packed.value.head);
    expect(verifyFile(join(dir, 'b.assay'), { expectHead: packed.value.head }).ok).toBe(true);
    expect(JSON.stringify([packed, unpacked])).not.toContain(PASS);
  });

  it('a cancelled pack leaves no package and no temporary file', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    copyFileSync(fx.file, file);
    const before = namesIn(dir);
    const jobId = start('package.pack', { file, out: join(dir, 'a.assaypkg'), passphrase: PASS }, dir);
    const ended = waitForJob(jobId, 'pack');
    // Cancelled in the same tick it started: the worker sees the flag at its first check.
    expect(cancelJob(jobId)).toBe(true);
    await expect(ended).rejects.toThrow(/cancelled/);
    await jobEnded(jobId);
    expect(namesIn(dir)).toEqual(before);
  });

  it('refuses before any job starts: a taken name, a short passphrase, a file that is not a package, a wrong extension', () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    copyFileSync(fx.file, file);
    const refused = (name: 'package.pack' | 'package.unpack', input: Record<string, unknown>) => {
      const r = dispatch(name, input, testContext(dir));
      if (r.ok) throw new Error('expected a refusal');
      return r.error.message;
    };
    expect(refused('package.pack', { file, out: file.replace(/\.assay$/, '.assaypkg').replace('a.', 'x.'), passphrase: 'short' })).toMatch(/passphrase: a passphrase of at least 8 characters/);
    expect(refused('package.pack', { file, out: join(dir, 'a.zip'), passphrase: PASS })).toMatch(/must end in \.assaypkg/);
    expect(refused('package.unpack', { package: file, out: join(dir, 'b.assay'), passphrase: PASS })).toMatch(/not an Assay package/);
    expect(refused('package.unpack', { package: file, out: file, passphrase: PASS })).toMatch(/already exists/);
    expect(listJobs().filter((j) => j.state === 'running')).toEqual([]);
  });
});
