import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { LATEST_SCHEMA } from '../../electron/store/migrations/index';
import { createAssessment, openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';
import { dispatch } from '../../electron/dispatch';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

const catalog = loadBundledCatalog();
const isRoot = process.getuid?.() === 0;

function newFile(dir: string, name = 'a.assay'): string {
  const file = join(dir, name);
  const a = createAssessment(file, { name: 'Opening', catalog, actor: 'tester' });
  a.setControlState('GOV-01', 'implemented', undefined, 'tester');
  a.close();
  return file;
}

/**
 * Root ignores file modes, and CI runs as root: read-only media are tested by running the
 * command as the unprivileged user nobody (uid 65534), as the engineering notes say.
 */
function runAsReader(cwd: string, args: string[]) {
  if (!isRoot) return runAssay(cwd, args);
  const home = join(cwd, 'reader-home');
  mkdirSync(home, { recursive: true });
  chownSync(home, 65534, 65534);
  const run = spawnSync(process.execPath, [resolve('tests/support/cli-as-user.mjs'), '65534', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, ASSAY_HOME: home, ASSAY_ACTOR: 'auditor', TMPDIR: home },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('read commands on read-only media', () => {
  it('controls and verify work in a read-only folder and leave nothing beside the file', () => {
    const root = tempDir();
    chmodSync(root, 0o755);
    const stick = join(root, 'stick');
    mkdirSync(stick);
    const file = newFile(stick);
    const before = fileHash(file);
    chmodSync(file, 0o444);
    chmodSync(stick, 0o555);
    try {
      const controls = runAsReader(root, ['controls', file]);
      expect(controls.code, controls.err).toBe(0);
      expect(controls.out).toMatch(/GOV-01\s+Implemented/);
      const verified = runAsReader(root, ['verify', file]);
      expect(verified.code, verified.err).toBe(0);
      expect(verified.out).toMatch(/verified/);
      const write = runAsReader(root, ['set-state', file, 'GOV-02', 'implemented']);
      expect(write.code).toBe(1);
      expect(write.err).toMatch(/cannot be written here \(the file or its folder is read-only\); it can still be read/);
    } finally {
      chmodSync(stick, 0o755);
    }
    expect(readdirSync(stick)).toEqual(['a.assay']);
    expect(fileHash(file)).toBe(before);
  });

  it('a file left in WAL mode (by a crash or an older Assay) is read through a private copy, leaving nothing beside it', () => {
    const dir = tempDir();
    const file = newFile(dir);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.close();
    const before = fileHash(file);
    const r = runAssay(dir, ['controls', file]);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).filter((n) => n !== 'home')).toEqual(['a.assay']);
    expect(fileHash(file)).toBe(before);
  });

  it('a refused file from a newer version leaves no -wal or -shm beside it', () => {
    const dir = tempDir();
    const file = newFile(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA + 1}`);
    db.pragma('journal_mode = WAL');
    db.close();
    const before = fileHash(file);
    for (const args of [['controls', file], ['verify', file], ['set-state', file, 'GOV-02', 'implemented']]) {
      const r = runAssay(dir, args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/was written by a newer version of Assay/);
    }
    expect(readdirSync(dir).filter((n) => n !== 'home')).toEqual(['a.assay']);
    expect(fileHash(file)).toBe(before);
  });

  it('a leftover read-only -shm does not keep later writes failing once the file is writable', () => {
    const dir = tempDir();
    const file = newFile(dir);
    writeFileSync(`${file}-shm`, Buffer.alloc(32768));
    chmodSync(`${file}-shm`, 0o444);
    if (isRoot) chownSync(`${file}-shm`, 65534, 65534);
    const { assessment } = openForWriting(file, { actor: 'tester' });
    assessment.setControlState('GOV-02', 'in_progress', undefined, 'tester');
    assessment.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('a folder given as an assessment says so', () => {
    const dir = tempDir();
    for (const args of [['controls', dir], ['verify', dir], ['set-state', dir, 'GOV-01', 'implemented']]) {
      const r = runAssay(dir, args);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${dir}: is a folder, not a file`);
    }
  });
});

/** Overwrites one page of the file with noise, as a failing disk or a bad copy would. */
function damagePage(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?").get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  const noise = Buffer.alloc(pageSize, 0x5a);
  writeSync(fd, noise, 0, noise.length, (rootpage - 1) * pageSize);
  closeSync(fd);
}

describe('a damaged file', () => {
  it('is refused for writing with its name and what to do, and left as it was; verify names it', () => {
    const dir = tempDir();
    const file = newFile(dir);
    damagePage(file, 'control_state');
    const before = fileHash(file);
    const write = runAssay(dir, ['set-state', file, 'GOV-02', 'implemented']);
    expect(write.code).toBe(1);
    expect(write.err).toContain(`${file}: is damaged (`);
    expect(write.err).toMatch(/nothing will be written to it. Restore its backup copy or a previous copy/);
    expect(fileHash(file)).toBe(before);
    const verified = runAssay(dir, ['verify', file]);
    expect(verified.code).toBe(1);
    expect(verified.err).toContain(file);
    expect(`${verified.out}${verified.err}`).toMatch(/file integrity: the file is damaged/);
    expect(fileHash(file)).toBe(before);
  });
});

function runChild(cwd: string, args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve('electron/cli/assay.mjs'), ...args], { cwd, env: { ...process.env, ASSAY_HOME: join(cwd, 'home'), ASSAY_ACTOR: `p${args.at(-1)}` } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => done({ code, err }));
  });
}

describe('two processes on one file', () => {
  it('serialise their writes: every entry chains from the state the previous one left', async () => {
    const dir = tempDir();
    const file = newFile(dir);
    const states = ['in_progress', 'implemented', 'not_started'];
    const script = (worker: number) =>
      Array.from({ length: 6 }, (_, i) => ['set-state', file, 'GOV-03', states[(i + worker) % 3]!, String(worker)]);
    // Two command lines at once, each setting the same control several times.
    const runAll = async (worker: number) => {
      for (const args of script(worker)) {
        const r = await runChild(dir, args.slice(0, 4));
        expect(r.code, r.err).toBe(0);
      }
    };
    await Promise.all([runAll(0), runAll(1)]);
    const db = new Database(file, { readonly: true });
    const entries = (db.prepare("SELECT payload FROM audit_log WHERE command = 'controls.setState' AND entity_id = 'GOV-03' ORDER BY seq").all() as { payload: string }[]).map(
      (r) => JSON.parse(r.payload) as { from: string; to: string },
    );
    db.close();
    expect(entries).toHaveLength(12);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.from).toBe(entries[i - 1]!.to);
    expect(verifyFile(file).ok).toBe(true);
  }, 120_000);

  it('a write that meets another program holding the lock says so after a short wait, and changes nothing', () => {
    const dir = tempDir();
    const file = newFile(dir);
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const result = dispatch('controls.setState', { file, controlId: 'GOV-02', state: 'implemented' }, testContext(dir));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({ code: 'conflict' });
      expect(!result.ok && result.error.message).toBe(`${file}: another program is writing this assessment; nothing was changed, try again in a moment`);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    const again = dispatch('controls.setState', { file, controlId: 'GOV-02', state: 'implemented' }, testContext(dir));
    expect(again.ok).toBe(true);
    expect(verifyFile(file).ok).toBe(true);
  });

  it('two assay new on one path: exactly one succeeds, the other says the file exists, and no temporary file stays', async () => {
    const dir = tempDir();
    const results = await Promise.all([runChild(dir, ['new', 'same.assay', '--name', 'First']), runChild(dir, ['new', 'same.assay', '--name', 'Second'])]);
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 1]);
    expect(results.find((r) => r.code === 1)!.err).toMatch(/same\.assay: already exists/);
    expect(readdirSync(dir).filter((n) => n !== 'home')).toEqual(['same.assay']);
    expect(verifyFile(join(dir, 'same.assay')).ok).toBe(true);
  }, 60_000);

  it('a create killed half-way leaves a temporary file that the next create removes', () => {
    const dir = tempDir();
    const stale = join(dir, '.x.assay.999999.creating');
    writeFileSync(stale, 'half-made');
    expect(existsSync(stale)).toBe(true);
    createAssessment(join(dir, 'y.assay'), { name: 'y', catalog, actor: 't' }).close();
    expect(readdirSync(dir).sort()).toEqual(['y.assay']);
  });
});

