import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { verifyFile } from '../../electron/store/verify';
import { writeRiskCsv } from '../bench/import-data';
import { ASSAY_BIN, tempDir } from './helpers';
import { snapshot } from './kill-harness';

/**
 * Ctrl-C while a command waits for its job (electron/cli/follow-job.ts): the job is asked to stop,
 * so it rolls back and cleans up, and the command says it was cancelled and exits 1, instead of
 * the process dying with the job half done.
 */

const SYSTEMS = ['Interrupt system 1', 'Interrupt system 2'];
const TABLES = ['risk', 'import_batch', 'ai_system', 'evidence'];

/** Runs `assay <args>` and sends SIGINT when the first progress line arrives. */
function interruptAtFirstProgress(cwd: string, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; interrupted: boolean; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [ASSAY_BIN, ...args], {
      cwd,
      env: { ...process.env, ASSAY_HOME: join(cwd, 'home'), ASSAY_ACTOR: 'interrupt-test', ASSAY_PROGRESS: 'lines' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let interrupted = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (interrupted || !/^progress: /m.test(stderr)) return;
      interrupted = true;
      child.kill('SIGINT');
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, interrupted, stderr }));
  });
}

describe('Ctrl-C on the command line', () => {
  it('cancels a running import: it says so, exits 1, and the assessment is exactly as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    const a = createAssessment(file, { name: 'Interrupt test', catalog: loadBundledCatalog(), actor: 'interrupt-test' });
    for (const name of SYSTEMS) addSystem(a, { name, roles: ['deployer'] }, 'interrupt-test');
    a.close();
    const csv = writeRiskCsv(dir, 20_000, SYSTEMS);
    const before = snapshot(file, TABLES);

    const run = await interruptAtFirstProgress(dir, ['import', file, csv]);

    expect(run.interrupted, run.stderr).toBe(true);
    expect(run.signal, 'the process ended by itself, not by the signal').toBeNull();
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/^assay: import: importing .* was cancelled$/m);
    expect(snapshot(file, TABLES)).toEqual(before);
    const verified = verifyFile(file);
    expect(verified.ok, verified.message).toBe(true);
  }, 60_000);
});
