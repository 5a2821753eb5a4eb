import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll, useForReading } from '../../electron/handlers/open-files';
import { startBackupSchedule } from '../../electron/backups/scheduler';
import { onEvent } from '../../electron/events/hub';
import { waitForJob } from '../../electron/jobs/await-job';
import { stopAllJobs } from '../../electron/jobs/runner';
import type { AssayEvent } from '../../shared/events';
import { keepBackup } from '../../electron/store/backup';
import { backupsFolder } from '../../electron/store/backup-names';
import { pruneBackups } from '../../electron/store/backups';
import type { BackupInfo, RestoreResult } from '../../shared/backups';
import type { CommandName } from '../../shared/commands';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call(dir: string, name: CommandName, input: unknown): unknown {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

function made(dir: string): string {
  const file = join(dir, 'client.assay');
  call(dir, 'assessment.create', { file, name: 'Client' });
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'in_progress' });
  return file;
}

/** Takes a backup as the app does (a backup job) and waits for it: the copy's path and what was pruned. */
async function backupNow(dir: string, input: Record<string, unknown>): Promise<{ path: string; pruned: string[] }> {
  const { jobId } = call(dir, 'backups.create', input) as { jobId: string };
  const result = await waitForJob(jobId, 'backup');
  if (result.kind !== 'backup') throw new Error(`a backup job ended with a ${result.kind} result`);
  return result.value;
}

/** Restores as the app does (a restore job) and waits for it. */
async function restoreNow(dir: string, input: { file: string; backup: string }): Promise<RestoreResult> {
  const { jobId } = call(dir, 'backups.restore', input) as { jobId: string };
  const result = await waitForJob(jobId, 'restore');
  if (result.kind !== 'restore') throw new Error(`a restore job ended with a ${result.kind} result`);
  return result.value;
}

const entries = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, command, payload, hash FROM audit_log ORDER BY seq').all() as { seq: number; command: string; payload: string; hash: string }[];
  } finally {
    db.close();
  }
};

describe('backups of an assessment', () => {
  it('are kept in "<name> backups/" and listed newest first with time, label, size and head', async () => {
    const dir = tempDir();
    const file = made(dir);
    const first = await backupNow(dir, { file });
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented' });
    const a = useForReading(file);
    const second = keepBackup(a.db, file, 'scheduled', new Date('2099-01-01T10:00:00.000Z'));
    expect(second).toBe(join(dir, 'client backups', 'client.20990101-100000-000.scheduled.assay'));
    // A copy an earlier version kept beside the file is listed too.
    copyFileSync(file, join(dir, 'client.format9-backup.assay'));

    const { backups } = call(dir, 'backups.list', { file }) as { backups: BackupInfo[] };
    expect(backups.map((b) => b.label)).toEqual(['scheduled', 'format9', 'manual']);
    expect(backups[0]).toMatchObject({ path: second, takenAt: '2099-01-01T10:00:00.000Z', head: { count: 3 } });
    expect(backups[2]).toMatchObject({ path: first.path, head: { count: 2 } });
    expect(backups.every((b) => b.size > 0)).toBe(true);

    const cli = runAssay(dir, ['backups', 'client.assay']);
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toMatch(/^TAKEN\s+LABEL\s+SIZE\s+HEAD\s+FILE/);
    expect(cli.out).toMatch(/2099-01-01 10:00:00\s+scheduled\s+\S+ \S+\s+3:[0-9a-f]{12}…/);
    const now = runAssay(dir, ['backups', 'client.assay', '--now', '--json']);
    expect(now.code, now.err).toBe(0);
    expect((JSON.parse(now.out) as BackupInfo[]).filter((b) => b.label === 'manual')).toHaveLength(2);
  }, 180_000);

  it('are written under a temporary name and published whole; copies cut short by a killed process are removed, never listed', () => {
    const dir = tempDir();
    const file = made(dir);
    const folder = backupsFolder(file);
    mkdirSync(folder);
    // What a backup killed mid-copy left (its process is gone), and one under way in this live process.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const abandoned = join(folder, `.client.assay.${gone}.0123abcd.part`);
    const underWay = join(folder, `.client.assay.${process.pid}.89abcdef.part`);
    for (const leftover of [abandoned, underWay]) writeFileSync(leftover, 'half a copy');
    expect((call(dir, 'backups.list', { file }) as { backups: BackupInfo[] }).backups).toEqual([]);

    const a = useForReading(file);
    const path = keepBackup(a.db, file, 'manual', new Date('2099-01-01T10:00:00.000Z'));
    // The same second again: the name is taken, so the copy is published under the next one.
    const again = keepBackup(a.db, file, 'manual', new Date('2099-01-01T10:00:00.000Z'));
    expect(again).toBe(join(folder, 'client.20990101-100000-000-2.manual.assay'));
    expect(readdirSync(folder).sort()).toEqual([basename(underWay), basename(path), basename(again)].sort());
    const copy = new Database(path, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
    copy.close();
  });

  it('pruning keeps the newest N of the schedule and leaves other backups alone', async () => {
    const dir = tempDir();
    const file = made(dir);
    const a = useForReading(file);
    const times = [1, 2, 3, 4, 5].map((h) => keepBackup(a.db, file, 'scheduled', new Date(`2020-01-01T0${h}:00:00.000Z`)));
    const manual = keepBackup(a.db, file, 'manual', new Date('2019-01-01T00:00:00.000Z'));
    expect(pruneBackups(file, 'scheduled', 2).sort()).toEqual(times.slice(0, 3).sort());
    expect(readdirSync(backupsFolder(file)).sort()).toEqual([basename(manual), basename(times[3]!), basename(times[4]!)].sort());
    const created = await backupNow(dir, { file, label: 'scheduled', keep: 1 });
    expect(created.pruned.sort()).toEqual([times[3], times[4]].sort());
    expect(dispatch('backups.create', { file, keep: 0 }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('restore brings the backup back, logs the head it discards on the restored chain, keeps the current state, and verifies', async () => {
    const dir = tempDir();
    const file = made(dir);
    const backup = await backupNow(dir, { file });
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented' });
    call(dir, 'controls.setState', { file, controlId: 'GOV-03', state: 'implemented' });
    closeAll();
    const before = entries(file);
    expect(before).toHaveLength(4);
    // What a restore killed earlier left beside the file (its process is gone), and a restore under way in a live process.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const abandoned = join(dir, `.client.assay.${gone}.restoring`);
    const underWay = join(dir, `.client.assay.${process.pid}.restoring`);
    for (const leftover of [abandoned, underWay]) writeFileSync(leftover, 'a copy of an assessment');

    const r = runAssay(dir, ['restore', 'client.assay', '--from', backup.path, '--json']);
    expect(r.code, r.err).toBe(0);
    expect([existsSync(abandoned), existsSync(underWay)]).toEqual([false, true]);
    rmSync(underWay);
    const result = JSON.parse(r.out) as { discarded: { count: number; hash: string }; head: { count: number }; keptAs: string };
    expect(result.discarded).toEqual({ count: 4, hash: before[3]!.hash });
    expect(result.head.count).toBe(3);

    const after = entries(file);
    // The backup's chain, then one restore entry naming the discarded head and the backup.
    expect(after.slice(0, 2).map((e) => e.hash)).toEqual(before.slice(0, 2).map((e) => e.hash));
    expect(after[2]!.command).toBe('assessment.restore');
    expect(JSON.parse(after[2]!.payload)).toMatchObject({ discarded: { count: 4, hash: before[3]!.hash }, backup: { fileName: basename(backup.path), head: { count: 2 } }, keptAs: basename(result.keptAs) });
    const controls = JSON.parse(runAssay(dir, ['controls', 'client.assay', '--json']).out) as { id: string; state: string }[];
    expect(controls.find((c) => c.id === 'GOV-02')!.state).toBe('not_started');
    const verified = runAssay(dir, ['verify', 'client.assay']);
    expect(verified.code, verified.out + verified.err).toBe(0);
    const audit = runAssay(dir, ['audit', 'client.assay']);
    expect(audit.out).toContain('Restored from a backup');

    // The restore is undone by restoring the copy it kept.
    const undo = await restoreNow(dir, { file, backup: result.keptAs });
    expect(undo.head.count).toBe(5);
    expect(entries(file).slice(0, 4).map((e) => e.hash)).toEqual(before.map((e) => e.hash));
    expect(runAssay(dir, ['verify', 'client.assay']).code).toBe(0);
  }, 180_000);

  it('a restore runs as a job: meanwhile the file refuses commands, and afterwards the restored file is what commands see', async () => {
    const dir = tempDir();
    const file = made(dir);
    const backup = await backupNow(dir, { file });
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented' });
    const { jobId } = call(dir, 'backups.restore', { file, backup: backup.path }) as { jobId: string };
    const ended = waitForJob(jobId, 'restore');
    for (const [command, input] of [
      ['controls.list', { file }],
      ['controls.setState', { file, controlId: 'GOV-03', state: 'implemented' }],
    ] as const) {
      const r = dispatch(command, input, testContext(dir));
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: `${file}: is being restored from a backup; try again when the restore has finished` } });
    }
    const result = await ended;
    expect(result).toMatchObject({ kind: 'restore', value: { file, discarded: { count: 3 }, head: { count: 3 } } });
    const controls = call(dir, 'controls.list', { file }) as { controls: { id: string; state: string }[] };
    expect(controls.controls.find((c) => c.id === 'GOV-02')!.state).toBe('not_started');
    expect(call(dir, 'controls.setState', { file, controlId: 'GOV-03', state: 'implemented' })).toBeTruthy();
  }, 120_000);

  it('a failed restore changes nothing: not an assessment, another assessment, a tampered backup, the file itself', async () => {
    const dir = tempDir();
    const file = made(dir);
    const backup = await backupNow(dir, { file });
    closeAll();
    const hash = fileHash(file);
    const listed = () => readdirSync(backupsFolder(file)).sort();
    const kept = listed();

    const junk = join(dir, 'junk.assay');
    writeFileSync(junk, 'not a database');
    const other = join(dir, 'other.assay');
    call(dir, 'assessment.create', { file: other, name: 'Other' });
    const tampered = join(dir, 'tampered.assay');
    copyFileSync(backup.path, tampered);
    const db = new Database(tampered);
    db.prepare("UPDATE control_state SET state = 'implemented' WHERE control_id = 'GOV-01'").run();
    db.close();
    closeAll();

    const cases: [string, RegExp][] = [
      [junk, /not an Assay assessment/],
      [other, /the backup is of another assessment/],
      [tampered, /the backup does not verify \(replay: /],
      [file, /cannot restore .* from itself/],
      [join(dir, 'missing.assay'), /missing\.assay/],
    ];
    for (const [from, message] of cases) {
      const r = runAssay(dir, ['restore', 'client.assay', '--from', from]);
      expect(r.code, from).toBe(1);
      expect(r.err).toMatch(message);
      expect(fileHash(file)).toBe(hash);
      expect(listed()).toEqual(kept);
      expect(readdirSync(dir).filter((n) => n.includes('restoring'))).toEqual([]);
    }
    expect(existsSync(`${file}-journal`)).toBe(false);
    expect(runAssay(dir, ['restore', 'client.assay']).code).toBe(2);
  }, 180_000);

  it('a backup asked for on the command line that cannot be written says why, exits 1 and changes nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'client.assay');
    call(dir, 'assessment.create', { file, name: 'Client' });
    const hash = fileHash(file);
    writeFileSync(backupsFolder(file), 'in the way');
    const r = runAssay(dir, ['backups', 'client.assay', '--now']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`assay: cannot make the backups folder ${backupsFolder(file)}: a file of that name is in the way; nothing was copied\n`);
    expect(fileHash(file)).toBe(hash);
  });

  it('the schedule is a setting: read with its defaults, changed within bounds', () => {
    const dir = tempDir();
    expect(call(dir, 'backups.schedule', {})).toEqual({ intervalMinutes: 30, keep: 10 });
    expect(call(dir, 'backups.setSchedule', { intervalMinutes: 5, keep: 3 })).toEqual({ intervalMinutes: 5, keep: 3 });
    expect(call(dir, 'backups.schedule', {})).toEqual({ intervalMinutes: 5, keep: 3 });
    expect(call(dir, 'app.settings', {})).toMatchObject({ displayName: null });
    expect(dispatch('backups.setSchedule', { intervalMinutes: -1, keep: 3 }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('scheduled backups', () => {
  const seen: AssayEvent[] = [];
  const stopListening = onEvent((e) => seen.push(e));
  afterEach(async () => {
    await stopAllJobs();
    seen.length = 0;
  });
  void stopListening;

  /** An assessment open for editing, a schedule of every 10 minutes keeping 2, and the schedule on a clock the test moves. */
  function scheduled() {
    const dir = tempDir();
    const file = made(dir);
    call(dir, 'backups.setSchedule', { intervalMinutes: 10, keep: 2 });
    const clock = { now: Date.parse('2030-01-01T00:00:00.000Z') };
    const schedule = startBackupSchedule(testContext(dir).home, { now: () => clock.now });
    return { dir, file, clock, schedule };
  }

  it('copy an assessment open for editing once the interval has passed and it changed, keeping the newest N, each as a backup job', async () => {
    const { dir, file, clock, schedule } = scheduled();
    try {
      expect(await schedule.tick()).toEqual([]); // first sight: the time and head are noted
      clock.now += 11 * 60_000;
      expect(await schedule.tick()).toEqual([]); // unchanged since: nothing to keep
      const taken: string[] = [];
      for (const id of ['GOV-02', 'GOV-03', 'GOV-04']) {
        call(dir, 'controls.setState', { file, controlId: id, state: 'implemented' });
        clock.now += 10 * 60_000;
        taken.push(...(await schedule.tick()));
      }
      call(dir, 'controls.setState', { file, controlId: 'GOV-05', state: 'implemented' });
      clock.now += 60_000;
      expect(await schedule.tick()).toEqual([]); // changed, but within the interval
      expect(taken).toHaveLength(3);
      expect(readdirSync(backupsFolder(file)).sort()).toEqual(taken.slice(1).map((p) => basename(p)).sort());
      call(dir, 'backups.setSchedule', { intervalMinutes: 0, keep: 2 });
      call(dir, 'controls.setState', { file, controlId: 'GOV-06', state: 'implemented' });
      clock.now += 60 * 60_000;
      expect(await schedule.tick()).toEqual([]); // off
      expect(seen.filter((e) => e.type === 'job.finished' && e.kind === 'backup' && e.file === file)).toHaveLength(3);
    } finally {
      schedule.stop();
    }
  });

  it('a copy that fails is announced as a failed backup job and tried again at the next tick', async () => {
    const { dir, file, clock, schedule } = scheduled();
    try {
      await schedule.tick();
      call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented' });
      clock.now += 11 * 60_000;
      // Where the backups folder should be, a file: the copy cannot be written.
      writeFileSync(backupsFolder(file), 'in the way');
      expect(await schedule.tick()).toEqual([]);
      const failed = seen.find((e) => e.type === 'job.failed' && e.kind === 'backup' && e.file === file);
      expect(failed).toMatchObject({ file, error: { message: `cannot make the backups folder ${backupsFolder(file)}: a file of that name is in the way; nothing was copied` } });
      rmSync(backupsFolder(file));
      const [path] = await schedule.tick();
      expect(readdirSync(backupsFolder(file))).toEqual([basename(path!)]);
    } finally {
      schedule.stop();
    }
  });
});
