import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';

const made: string[] = [];

/** A fresh folder per test, removed afterwards: tests work on real files. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-test-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  closeAll();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function testContext(dir: string, overrides: Partial<HandlerContext> = {}): HandlerContext {
  return { actor: 'tester', home: join(dir, 'home'), defaultFolder: join(dir, 'docs'), recordRecent: true, ...overrides };
}

/** The command line compiled once for the run (tests/support/test-cli.ts), or the bin itself. */
export const ASSAY_BIN = process.env.ASSAY_TEST_CLI ?? resolve('electron/cli/assay.mjs');

/** Runs the command line in a child process, as a user or a pipeline would. */
export function runAssay(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, stdin?: string): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [ASSAY_BIN, ...args], {
    cwd,
    encoding: 'utf8',
    ...(stdin !== undefined ? { input: stdin } : {}),
    env: { ...process.env, ASSAY_HOME: join(cwd, 'home'), ASSAY_ACTOR: 'ci-bot', ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** SHA-256 of a file's bytes: "changes nothing" is checked on the bytes, not on what SQLite reports. */
export function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
