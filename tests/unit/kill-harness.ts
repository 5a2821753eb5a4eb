import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { openForReading, openForWriting } from '../../electron/store/open';
import { verifyFile } from '../../electron/store/verify';

/**
 * Real kills: the `assay` command line runs in a child process and gets SIGKILL (no handler, no
 * cleanup) at a chosen moment; then the file must open and verify. The operations killed are
 * described in kill.test.ts, one `KillOperation` each: adding one (a pack) is one more entry there.
 */

const BIN = resolve('electron/cli/assay.mjs');

/** When to kill: some ms after the start, or when a progress line on stderr matches (then some ms later). */
export type KillPoint = { afterMs: number } | { onProgress: RegExp; thenMs?: number; mustInterrupt?: boolean };

export interface KillRun {
  point: string;
  /** False when the command finished before the kill point came. */
  killed: boolean;
  /** True when the signal was sent (a SIGINT the command handles leaves `killed` false). */
  sent: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  progress: string[];
  stderr: string;
}

export interface KillOperation<Prepared> {
  name: string;
  /** Builds the inputs in `dir`; returns the command line (without `assay`) and what `check` needs. */
  prepare(dir: string): Prepared & { args: string[] };
  points: KillPoint[];
  /** What must hold after a run killed at any point (or one that finished first). */
  check(dir: string, prepared: Prepared, run: KillRun): void;
}

export const describePoint = (p: KillPoint) =>
  'afterMs' in p ? `${p.afterMs} ms after start` : `${p.thenMs ?? 0} ms after a progress line matching ${p.onProgress}`;

/** A small seeded generator (mulberry32), so a failing random kill can be run again as it was. */
export function seededDelays(seed: number, count: number, maxMs: number): number[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => Math.floor(next() * maxMs));
}

/**
 * Runs `assay <args>` in `cwd` with progress lines on stderr and SIGKILLs it at `point` (or sends
 * another signal; `bin` another build of the command line).
 */
export function runAndKill(cwd: string, args: string[], point: KillPoint, how: { signal?: NodeJS.Signals; bin?: string } = {}): Promise<KillRun> {
  const signal = how.signal ?? 'SIGKILL';
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [how.bin ?? BIN, ...args], {
      cwd,
      env: { ...process.env, ASSAY_HOME: join(cwd, 'home'), ASSAY_ACTOR: 'kill-test', ASSAY_PROGRESS: 'lines' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let armed = false;
    let sent = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) sent = child.kill(signal);
    };
    if ('afterMs' in point) timer = setTimeout(kill, point.afterMs);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (armed || 'afterMs' in point || !stderr.split('\n').some((line) => point.onProgress.test(line))) return;
      armed = true;
      if (point.thenMs) timer = setTimeout(kill, point.thenMs);
      else kill();
    });
    child.on('error', fail);
    child.on('close', (code, ended) => {
      clearTimeout(timer);
      const progress = stderr.split('\n').filter((l) => l.startsWith('progress: '));
      done({ point: describePoint(point), killed: ended === 'SIGKILL', sent, code, signal: ended, progress, stderr });
    });
  });
}

/**
 * Runs every kill point of an operation, `parallel` at a time, each on its own prepared folder; the
 * checks come once every run of the batch has ended. A check opens and verifies a file for a second
 * or more on this thread: run beside the others' kills, it held back their progress lines until
 * their work was done, and a kill meant for the middle of a write came after the end (CI saw it).
 */
export async function killAtEveryPoint<P>(op: KillOperation<P>, dirOf: (i: number) => string, parallel = op.points.length): Promise<KillRun[]> {
  const runs: KillRun[] = [];
  for (let start = 0; start < op.points.length; start += parallel) {
    const prepared = op.points.slice(start, start + parallel).map((point, k) => {
      const dir = dirOf(start + k);
      return { point, dir, prepared: op.prepare(dir) };
    });
    const ended = await Promise.all(prepared.map(({ point, dir, prepared: p }) => runAndKill(dir, p.args, point)));
    prepared.forEach(({ point, dir, prepared: p }, k) => {
      const run = ended[k]!;
      const context = `${op.name} killed ${run.point} (killed: ${run.killed}, progress seen: ${run.progress.at(-1) ?? 'none'})`;
      if ('onProgress' in point && point.mustInterrupt) expect(run.killed, context).toBe(true);
      if (!run.killed) expect(run.code, `${context}\n${run.stderr}`).toBe(0);
      try {
        op.check(dir, p, run);
      } catch (error) {
        throw new Error(`${context}: ${(error as Error).message}`, { cause: error });
      }
    });
    runs.push(...ended);
  }
  return runs;
}

/**
 * The promise for every kill: the file verifies as it lies (a journal beside it is read through a
 * private copy), opens for editing (where SQLite rolls a hot journal back), and verifies again.
 * A kill before SQLite first synced its journal leaves one whose header is still zeros: the file
 * itself was never touched, SQLite ignores such a journal, and the next edit reuses and deletes it.
 */
export function expectOpensAndVerifies(file: string): void {
  const journal = `${file}-journal`;
  const leftJournal = existsSync(journal);
  const first = verifyFile(file);
  expect(first.ok, first.message).toBe(true);
  openForWriting(file, { actor: 'kill-test' }).assessment.close();
  // With no journal beside it, opening changed nothing: the verify above holds.
  if (!leftJournal) return;
  if (existsSync(journal)) expect(readFileSync(journal).subarray(0, 8).every((b) => b === 0), `${journal} is still hot after opening for editing`).toBe(true);
  const second = verifyFile(file);
  expect(second.ok, second.message).toBe(true);
}

export interface Snapshot {
  head: { count: number; hash: string };
  rows: Record<string, number>;
}

/** The log's head and row counts of the tables named, read without writing. */
export function snapshot(file: string, tables: string[]): Snapshot {
  const a = openForReading(file);
  try {
    const rows = Object.fromEntries(tables.map((t) => [t, (a.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    return { head: a.head(), rows };
  } finally {
    a.close();
  }
}

/** The log entry at `seq` (its hash), to show that what was committed before is still there. */
export function hashAt(file: string, seq: number): string | undefined {
  const a = openForReading(file);
  try {
    return (a.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash;
  } finally {
    a.close();
  }
}
