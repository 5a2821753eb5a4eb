import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { jobEnded, listJobs, startJob, stopAllJobs } from '../../electron/jobs/runner';
import { onEvent } from '../../electron/events/hub';
import { releasedWaiting } from '../../electron/files/descriptors';
import { createAssessment, openForReading, openForWriting } from '../../electron/store/open';
import { tempDir } from './helpers';

/**
 * On Linux and macOS closing any descriptor of a file drops every POSIX lock the process holds on
 * it, SQLite's included. Opening an assessment reads its header (and sometimes copies it) through
 * descriptors of its own: these must not let another process write while a connection of this
 * process is inside a transaction. Each case fails when those descriptors are closed on the spot.
 */

const catalog = loadBundledCatalog();
const driver = resolve('node_modules/better-sqlite3');

afterEach(async () => {
  await stopAllJobs();
});

/** Runs a job to its end; answers its final state and, when it failed, the error message. */
async function runJob(...args: Parameters<typeof startJob>): Promise<{ state: string; error?: string }> {
  let error: string | undefined;
  const { jobId } = startJob(...args);
  const stop = onEvent((e) => {
    if (e.type === 'job.failed' && e.jobId === jobId) error = e.error.message;
  });
  await jobEnded(jobId);
  stop();
  return { state: listJobs().find((j) => j.jobId === jobId)?.state ?? 'unknown', ...(error === undefined ? {} : { error }) };
}

function newFile(): string {
  const file = join(tempDir(), `locks-${Math.random().toString(36).slice(2)}.assay`);
  createAssessment(file, { name: 'Locks', catalog, actor: 'tester' }).close();
  return file;
}

/** Whether another process can commit a change to the file right now (it does not wait). */
function otherProcessCanWrite(file: string): boolean {
  // A reader's SHARED lock lets a writer begin (RESERVED) but not commit (EXCLUSIVE); a writer's RESERVED lets no other begin.
  const script = `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(file)}); d.pragma('busy_timeout = 0');
try { d.exec('BEGIN IMMEDIATE; CREATE TABLE lock_probe (x); DROP TABLE lock_probe; COMMIT'); console.log('wrote'); } catch (e) { console.log(e.code); }`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim() === 'wrote';
}

/**
 * Runs `meanwhile` inside a write (or a read) transaction of this process on `file`, checking that
 * no other process can commit before and after it; once the transaction ends, every released
 * descriptor is closed and other processes may write again.
 */
async function holding(file: string, kind: 'write' | 'read', meanwhile: () => Promise<void> | void): Promise<void> {
  const a = kind === 'write' ? openForWriting(file, { actor: 'tester' }).assessment : openForReading(file);
  try {
    if (kind === 'write') {
      a.db.exec('BEGIN IMMEDIATE');
      a.db.prepare("UPDATE assessment SET name = 'Being renamed'").run();
    } else {
      a.db.exec('BEGIN');
      a.db.prepare('SELECT count(*) FROM audit_log').get();
    }
    expect(otherProcessCanWrite(file)).toBe(false);
    await meanwhile();
    await nextTurn();
    expect(otherProcessCanWrite(file)).toBe(false);
    a.db.exec(kind === 'write' ? 'ROLLBACK' : 'COMMIT');
  } finally {
    a.close();
  }
  await nextTurn();
  expect(releasedWaiting()).toBe(0);
  expect(otherProcessCanWrite(file)).toBe(true);
}

describe('descriptors Assay opens itself keep this process’s locks', () => {
  it('opening the file for reading while this process writes it lets no other process write', async () => {
    const file = newFile();
    await nextTurn();
    expect(releasedWaiting()).toBe(0);
    await holding(file, 'write', async () => {
      // The write's journal is beside the file: a reader reads around it in place (it is not an interrupted write's).
      expect(existsSync(`${file}-journal`)).toBe(true);
      const reader = openForReading(file);
      expect(reader.info.privateCopy).toBeUndefined();
      expect(reader.summary().name).toBe('Locks');
      reader.close();
      await nextTurn();
      // The header descriptors wait for the write to end; opening again takes one back rather than piling up more.
      expect(releasedWaiting()).toBe(1);
      for (let i = 0; i < 20; i++) openForReading(file).close();
      await nextTurn();
      expect(releasedWaiting()).toBe(1);
    });
  });

  it('opening the file for writing and for reading during a read transaction of this process lets no other process commit', async () => {
    const file = newFile();
    await holding(file, 'read', () => {
      openForWriting(file, { actor: 'tester' }).assessment.close();
      openForReading(file).close();
    });
  });

  it('a job’s worker reads its file through a descriptor lent by this thread, closed once no transaction or job holds the file', async () => {
    const file = newFile();
    await holding(file, 'write', async () => {
      expect(await runJob('verify', file)).toEqual({ state: 'finished' });
      await nextTurn();
      expect(releasedWaiting()).toBeGreaterThan(0);
    });
  });

  it('packing in a job reads the pages through the lent descriptor and leaves this process’s write lock', async () => {
    const file = newFile();
    const out = join(tempDir(), 'locks.assaypkg');
    await holding(file, 'write', async () => {
      expect(await runJob('pack', file, { package: { out, passphrase: 'correct horse battery staple', includeSecret: false } })).toEqual({ state: 'finished' });
      // The pack read the committed pages beside the write's journal, and was published.
      expect(existsSync(out)).toBe(true);
    });
  });

  it('a job that reads another file this process holds, as an import source, leaves this process’s locks on it', async () => {
    const held = newFile();
    const other = newFile();
    await holding(held, 'read', async () => {
      // An assessment is no import format: the preview fails, after reading the file through a descriptor of the worker's own.
      const preview = await runJob('import.preview', other, { import: { path: held, options: {}, actor: 'tester' } });
      expect(preview.state).toBe('failed');
      expect(preview.error).toMatch(/locks-.*\.assay/);
    });
  });
});

describe('a journal left by an interrupted write', () => {
  it('is rolled back in a private copy: the file reads as it was before that write, and is left as it is', () => {
    const file = newFile();
    // A write that spills pages into the file (a tiny page cache), then dies before it commits.
    const script = `const D = require(${JSON.stringify(driver)}); const d = new D(${JSON.stringify(file)}); d.pragma('cache_size = 2');
d.exec("BEGIN; UPDATE assessment SET name = 'Half-written'; CREATE TABLE spill (x)"); const s = d.prepare('INSERT INTO spill VALUES (randomblob(3000))'); for (let i = 0; i < 400; i++) s.run(); process.exit(0);`;
    execFileSync(process.execPath, ['-e', script]);
    expect(existsSync(`${file}-journal`)).toBe(true);
    const bytes = readFileSync(file);
    const journal = readFileSync(`${file}-journal`);

    const a = openForReading(file);
    try {
      expect(a.info.privateCopy).toBeDefined();
      expect(a.info.damage).toBeUndefined();
      expect(a.summary().name).toBe('Locks');
      expect(a.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'spill'").get()).toEqual({ n: 0 });
    } finally {
      a.close();
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readFileSync(`${file}-journal`).equals(journal)).toBe(true);
  });
});
