import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { verifyFile } from '../../electron/store/verify';
import { writeRiskCsv } from '../bench/import-data';
import { ASSAY_BIN, tempDir } from './helpers';
import { runAndKill, snapshot } from './kill-harness';

/**
 * Ctrl-C while a command waits for its job (electron/cli/follow-job.ts): the job is asked to stop,
 * so it rolls back and cleans up, and the command says it was cancelled before it ends by the
 * signal, instead of the process dying with the job half done.
 */

const SYSTEMS = ['Interrupt system 1', 'Interrupt system 2'];
const TABLES = ['risk', 'import_batch', 'ai_system', 'evidence'];

describe('Ctrl-C on the command line', () => {
  it('cancels a running import: it says so, ends by the signal, and the assessment is exactly as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    const a = createAssessment(file, { name: 'Interrupt test', catalog: loadBundledCatalog(), actor: 'interrupt-test' });
    for (const name of SYSTEMS) addSystem(a, { name, roles: ['deployer'] }, 'interrupt-test');
    a.close();
    const csv = writeRiskCsv(dir, 20_000, SYSTEMS);
    const before = snapshot(file, TABLES);

    const run = await runAndKill(dir, ['import', file, csv], { onProgress: /^progress: / }, { signal: 'SIGINT', bin: ASSAY_BIN });

    expect(run.sent, run.stderr).toBe(true);
    // Once the import has rolled back, the command ends by the signal, as shells expect of an interrupted program.
    expect(run.signal, run.stderr).toBe('SIGINT');
    expect(run.stderr).toMatch(/^assay: import: importing .* was cancelled; nothing was imported$/m);
    expect(snapshot(file, TABLES)).toEqual(before);
    const verified = verifyFile(file);
    expect(verified.ok, verified.message).toBe(true);
  }, 60_000);
});
