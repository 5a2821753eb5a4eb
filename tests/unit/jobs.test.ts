import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AssayEvent } from '../../shared/events';
import { dispatch } from '../../electron/dispatch';
import { onEvent } from '../../electron/events/hub';
import { MAX_RUNNING_JOBS, jobEnded, stopAllJobs, workerEntry } from '../../electron/jobs/runner';
import { openForWriting } from '../../electron/store/open';
import { readHeader } from '../../electron/store/sqlite';
import { verifyFile } from '../../electron/store/verify';
import { type Bridge, TOKEN_HEADER, newToken, startBridge } from '../../electron/bridge/server';
import { writeRiskCsv } from '../bench/import-data';
import { buildLargeAssessment } from '../support/large-assessment';
import { openEventStream } from './event-stream';
import { tempDir, testContext } from './helpers';

/** Entries in the "large" file: enough that verifying it takes far longer than answering a command. */
const LARGE_ENTRIES = 8000;
let template: string;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  // Built once (real state changes through the store) and copied per test.
  template = join(mkdtempSync(join(tmpdir(), 'assay-jobs-')), 'large.assay');
  buildLargeAssessment(template, LARGE_ENTRIES);
}, 60_000);
afterAll(() => rmSync(join(template, '..'), { recursive: true, force: true }));

const seen: AssayEvent[] = [];
const unsubscribe = onEvent((e) => seen.push(e));
afterEach(async () => {
  await stopAllJobs();
  seen.length = 0;
});
void unsubscribe;

function largeCopy(): string {
  const file = join(tempDir(), 'copy.assay');
  copyFileSync(template, file);
  return file;
}

function call<T>(name: string, input: unknown, dir = tempDir()): T {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('jobs', () => {
  it('run from the TypeScript sources through a bootstrap that registers tsx inside the worker', () => {
    expect(workerEntry('file:///x/electron/jobs/runner.ts')).toBe('/x/electron/jobs/worker-boot.mjs');
    expect(workerEntry('file:///app/out/main/main.js')).toBe('/app/out/main/jobs-worker.js');
  });

  it('verify a file in a worker: progress, then the same result the command gives, file untouched', async () => {
    const file = largeCopy();
    const before = sha(file);
    const { jobId } = call<{ jobId: string }>('jobs.start', { kind: 'verify', file });
    expect(call<{ jobs: { jobId: string; state: string }[] }>('jobs.list', {}).jobs).toContainEqual(
      expect.objectContaining({ jobId, state: 'running', kind: 'verify', file }),
    );
    await jobEnded(jobId);
    const mine = seen.filter((e) => 'jobId' in e && e.jobId === jobId);
    expect(mine[0]?.type).toBe('job.progress');
    const last = mine.at(-1)!;
    expect(last.type).toBe('job.finished');
    expect(last).toMatchObject({ result: { kind: 'verify', value: verifyFile(file) } });
    expect(last).toMatchObject({ result: { value: { ok: true, entries: LARGE_ENTRIES + 1 } } });
    expect(call<{ jobs: { jobId: string; state: string }[] }>('jobs.list', {}).jobs).toContainEqual(expect.objectContaining({ jobId, state: 'finished' }));
    expect(sha(file)).toBe(before);
  });

  it('report a tampered file through the result, and a missing file at once', async () => {
    const file = largeCopy();
    const db = openForWriting(file, { actor: 'tester' }).assessment;
    db.db.exec('DROP TRIGGER IF EXISTS audit_no_update');
    const triggers = db.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[];
    for (const t of triggers) db.db.exec(`DROP TRIGGER "${t.name}"`);
    db.db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5").run();
    db.close();
    const { jobId } = call<{ jobId: string }>('jobs.start', { kind: 'verify', file });
    await jobEnded(jobId);
    expect(seen.at(-1)).toMatchObject({ type: 'job.finished', result: { value: { ok: false } } });

    const missing = dispatch('jobs.start', { kind: 'verify', file: join(tempDir(), 'none.assay') }, testContext(tempDir()));
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('none.assay') } });
  });

  it('hand back the running job for the same work, and refuse more than the limit at once', async () => {
    const files = Array.from({ length: MAX_RUNNING_JOBS + 1 }, () => largeCopy());
    const first = call<{ jobId: string }>('jobs.start', { kind: 'verify', file: files[0] });
    expect(call<{ jobId: string }>('jobs.start', { kind: 'verify', file: files[0] })).toEqual(first);
    for (const file of files.slice(1, MAX_RUNNING_JOBS)) call('jobs.start', { kind: 'verify', file });
    const over = dispatch('jobs.start', { kind: 'verify', file: files[MAX_RUNNING_JOBS] }, testContext(tempDir()));
    expect(over).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('jobs are already running') } });
    await stopAllJobs();
  });

  it('can be cancelled, ending with job.cancelled and no result', async () => {
    const file = largeCopy();
    const { jobId } = call<{ jobId: string }>('jobs.start', { kind: 'verify', file });
    expect(call<{ cancelled: boolean }>('jobs.cancel', { jobId }).cancelled).toBe(true);
    await jobEnded(jobId);
    const mine = seen.filter((e) => 'jobId' in e && e.jobId === jobId);
    expect(mine.at(-1)).toEqual({ type: 'job.cancelled', jobId, kind: 'verify', file });
    expect(mine.some((e) => e.type === 'job.finished')).toBe(false);
    expect(call<{ cancelled: boolean }>('jobs.cancel', { jobId }).cancelled).toBe(false);
    expect(dispatch('jobs.cancel', { jobId: 'job-0-none' }, testContext(tempDir()))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('the thread answering commands while a job runs', () => {
  let bridge: Bridge | undefined;
  afterEach(async () => {
    await bridge?.close();
    bridge = undefined;
  });

  it('answers other commands over the bridge before the verify job on a large file finishes', async () => {
    const file = largeCopy();
    const dir = tempDir();
    const token = newToken();
    bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [file, dir, template].map((f) => join(f, '..')), changePollMs: 0 });
    const post = async (command: string, input: unknown) => {
      const res = await fetch(`${bridge!.url}api/${command}`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: JSON.stringify(input) });
      return ((await res.json()) as { value: unknown }).value;
    };
    const stream = await openEventStream(bridge.port, token);
    try {
      const { jobId } = (await post('jobs.start', { kind: 'verify', file })) as { jobId: string };
      // The worker has opened the file and is checking it: it reported a step that is not the last.
      await stream.next((e) => e.type === 'job.progress' && e.jobId === jobId && e.done < e.total);
      const controls = (await post('controls.list', { file })) as { controls: unknown[] };
      const info = await post('app.info', {});
      const finishedBeforeAnswers = stream.events.some((e) => e.type === 'job.finished');
      expect(controls.controls.length).toBeGreaterThan(10);
      expect(info).toMatchObject({ schemaVersion: expect.any(Number) });
      expect(finishedBeforeAnswers).toBe(false);
      const finished = await stream.next((e) => e.type === 'job.finished' && e.jobId === jobId);
      expect(finished).toMatchObject({ result: { value: { ok: true } } });
    } finally {
      stream.close();
    }
  });
});

describe('an import job and the file at rest', () => {
  it('writes in WAL mode while the app reads on, then leaves the file in rollback mode with nothing beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'imports.assay');
    call('assessment.create', { file, name: 'WAL while importing' }, dir);
    const systems = ['Bench system 1', 'Bench system 2'];
    for (const name of systems) call('systems.add', { file, system: { name, roles: ['deployer'] } }, dir);
    const csv = writeRiskCsv(dir, 20_000, systems);
    expect(readHeader(file).wal).toBe(false);

    const { jobId } = call<{ jobId: string }>('imports.run', { file, source: csv, options: { format: 'csv' } }, dir);
    const ended = jobEnded(jobId);
    let done = false;
    void ended.then(() => (done = true));
    let sawWal = false;
    let answered = 0;
    while (!done) {
      sawWal ||= readHeader(file).wal && existsSync(`${file}-wal`);
      // The app's own connection reads on while the job writes.
      expect(call<{ controls: unknown[] }>('controls.list', { file }, dir).controls.length).toBeGreaterThan(10);
      answered++;
      await new Promise((wake) => setTimeout(wake, 5));
    }
    await ended;
    expect(seen.find((e) => e.type === 'job.finished' && e.jobId === jobId)).toMatchObject({ result: { value: { counts: { create: 20_000 } } } });
    expect(sawWal).toBe(true);
    expect(answered).toBeGreaterThan(0);
    // The app still holds the file open, yet it rests in rollback mode again, its log checkpointed and gone.
    expect(readHeader(file).wal).toBe(false);
    expect(existsSync(`${file}-wal`) || existsSync(`${file}-shm`)).toBe(false);
    expect(call<{ risks: unknown[] }>('risks.list', { file }, dir).risks).toHaveLength(20_000);
    expect(verifyFile(file)).toMatchObject({ ok: true });
  }, 60_000);
});
