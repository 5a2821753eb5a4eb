import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { engineHooks } from '../../electron/imports/hooks';
import { runImport } from '../../electron/imports/run';
import { createAssessment, openForReading, openForWriting } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { unpackPackage } from '../../electron/package/pack';
import { backupsFolder, keepBackup } from '../../electron/store/backup';
import { verifyFile } from '../../electron/store/verify';
import { writeRiskCsv } from '../bench/import-data';
import { fileHash } from './helpers';
import { type KillOperation, type KillPoint, expectOpensAndVerifies, hashAt, killAtEveryPoint, seededDelays, snapshot } from './kill-harness';

/**
 * Issue 10, safe handling: kill the process at any moment during a large import, a report, a pack
 * and a restore (real SIGKILL, see kill-harness.ts): nothing committed is lost, the file always opens
 * and verifies, the import is all or nothing, a report or package is never left half-written under
 * its name, a restore leaves the file as it was or restored whole.
 */

const IMPORT_ROWS = 20_000;
const REPORT_RISKS = 300;
const SYSTEMS = ['Kill system 1', 'Kill system 2', 'Kill system 3'];
const TABLES = ['risk', 'import_batch', 'ai_system', 'control_state'];
// Change the seed to kill at other moments; a failure names the delay, so it can be replayed.
const SEED = 20261128;

let work: string;
let csv: string;
let base: string;
let withRisks: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'assay-kill-'));
  const catalog = loadBundledCatalog();
  csv = writeRiskCsv(work, IMPORT_ROWS, SYSTEMS);
  // Committed before any kill: systems and a control state, which every kill must leave as they are.
  base = join(work, 'base.assay');
  const a = createAssessment(base, { name: 'Kill test', catalog, actor: 'kill-test' });
  for (const name of SYSTEMS) addSystem(a, { name, roles: ['deployer'] }, 'kill-test');
  a.setControlState('GOV-01', 'implemented', undefined, 'kill-test');
  a.close();
  // The report's assessment holds a register of some size, so that the report takes a while.
  withRisks = join(work, 'with-risks.assay');
  copyFileSync(base, withRisks);
  const small = writeRiskCsv(work, REPORT_RISKS, SYSTEMS);
  const { assessment } = openForWriting(withRisks, { actor: 'kill-test' });
  await runImport(assessment, small, { format: 'auto' }, 'kill-test', engineHooks(assessment, true));
  assessment.close();
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const folder = (name: string) => (i: number) => {
  const dir = join(work, `${name}-${i}`);
  mkdirSync(dir);
  return dir;
};

const afterFirstProgress = (ms: number): KillPoint => ({ onProgress: /^progress: /, thenMs: ms });

const importOperation: KillOperation<{ file: string; before: ReturnType<typeof snapshot> }> = {
  name: `import of ${IMPORT_ROWS} risks`,
  prepare(dir) {
    const file = join(dir, 'a.assay');
    copyFileSync(base, file);
    return { file, before: snapshot(file, TABLES), args: ['import', file, csv] };
  },
  points: [
    { afterMs: 2500 },
    ...seededDelays(SEED, 1, 4000).map(afterFirstProgress),
    { onProgress: /^progress: writing .*\((4\d|5\d)%\)/, mustInterrupt: true },
    // The last progress line comes just before the commit: either outcome is right, never a mix.
    { onProgress: /^progress: writing .*\(100%\)/ },
  ],
  check(_dir, { file, before }, run) {
    expectOpensAndVerifies(file);
    const after = snapshot(file, TABLES);
    expect(hashAt(file, before.head.count), 'the entry that was the head before the import').toBe(before.head.hash);
    expect(after.rows.ai_system).toBe(before.rows.ai_system);
    expect(after.rows.control_state).toBe(before.rows.control_state);
    const imported = after.rows.import_batch === 1;
    if (!run.killed) expect(imported, 'a run that finished has imported').toBe(true);
    if (imported) {
      expect(after.rows.risk).toBe(IMPORT_ROWS);
      expect(after.head.count).toBeGreaterThan(before.head.count);
    } else {
      expect(after.rows).toEqual(before.rows);
      expect(after.head).toEqual(before.head);
    }
  },
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const reportOperation: KillOperation<{ file: string; out: string; hash: string }> = {
  name: `risk register report (PDF) of ${REPORT_RISKS} risks`,
  prepare(dir) {
    const file = join(dir, 'a.assay');
    copyFileSync(withRisks, file);
    const out = join(dir, 'reports', 'risks.pdf');
    return { file, out, hash: fileHash(file), args: ['report', file, '--type', 'risks', '--format', 'pdf', '--out', out] };
  },
  points: [
    ...seededDelays(SEED + 1, 1, 3000).map(afterFirstProgress),
    { onProgress: /^progress: building the report .*\((3[3-9]|[4-9]\d)%\)/, mustInterrupt: true },
    // Just before the report and its manifest are published.
    { onProgress: /^progress: writing the report/ },
  ],
  check(_dir, { file, out, hash }, run) {
    expect(fileHash(file), 'a report only reads the assessment').toBe(hash);
    const manifest = `${out}.manifest.json`;
    if (!run.killed) expect(existsSync(out) && existsSync(manifest), 'a run that finished wrote the report and its manifest').toBe(true);
    if (existsSync(out)) {
      // Published whole or not at all: a PDF from its header to its end-of-file marker.
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-16).toString()).toMatch(/%%EOF\s*$/);
      if (existsSync(manifest)) expect((JSON.parse(readFileSync(manifest, 'utf8')) as { report: { sha256: string } }).report.sha256).toBe(sha256(pdf));
    } else {
      expect(existsSync(manifest), 'a manifest without its report').toBe(false);
    }
    expectOpensAndVerifies(file);
  },
};

const PASSPHRASE = 'kill test passphrase, long enough';

const packOperation: KillOperation<{ file: string; out: string; hash: string }> = {
  name: `pack of an assessment with ${REPORT_RISKS} risks`,
  prepare(dir) {
    const file = join(dir, 'a.assay');
    copyFileSync(withRisks, file);
    const pass = join(dir, 'pass.txt');
    writeFileSync(pass, `${PASSPHRASE}\n`);
    const out = join(dir, 'a.assaypkg');
    return { file, out, hash: fileHash(file), args: ['pack', file, '--out', out, '--passphrase-file', pass] };
  },
  points: [
    { afterMs: 1500 },
    ...seededDelays(SEED + 2, 1, 2500).map(afterFirstProgress),
    // Between the snapshot and the encryption; and as the last chunks are sealed.
    { onProgress: /^progress: encrypting/ },
  ],
  check(dir, { file, out, hash }, run) {
    expect(fileHash(file), 'packing only reads the assessment').toBe(hash);
    if (!run.killed) expect(existsSync(out), 'a run that finished wrote the package').toBe(true);
    // Published whole or not at all: a package under its name opens and its copy verifies.
    if (existsSync(out)) {
      const copy = join(dir, 'unpacked.assay');
      unpackPackage(out, copy, { passphrase: PASSPHRASE });
      expect(verifyFile(copy).ok).toBe(true);
    }
    expectOpensAndVerifies(file);
  },
};

function lastCommand(file: string): string {
  const a = openForReading(file);
  try {
    return (a.db.prepare('SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { command: string }).command;
  } finally {
    a.close();
  }
}

const restoreOperation: KillOperation<{ file: string; before: ReturnType<typeof snapshot>; backupHead: { count: number; hash: string } }> = {
  name: `restore of an assessment with ${REPORT_RISKS} risks from its backup`,
  prepare(dir) {
    const file = join(dir, 'a.assay');
    copyFileSync(withRisks, file);
    // A backup, then one more change that the restore will discard.
    const { assessment } = openForWriting(file, { actor: 'kill-test' });
    const backupHead = assessment.head();
    const backup = keepBackup(assessment.db, file, 'kill-test');
    assessment.setControlState('GOV-02', 'implemented', undefined, 'kill-test');
    assessment.close();
    return { file, before: snapshot(file, TABLES), backupHead, args: ['restore', file, '--from', backup] };
  },
  points: [
    { afterMs: 1500 },
    ...seededDelays(SEED + 3, 2, 400).map((ms) => ({ onProgress: /^progress: checking the backup/, thenMs: ms })),
    { onProgress: /^progress: copying the backup/ },
    { onProgress: /^progress: keeping a copy of the current state/ },
    // Between the last step and the rename: either outcome is right, never a mix.
    { onProgress: /^progress: replacing the file/ },
  ],
  check(dir, { file, before, backupHead }, run) {
    expectOpensAndVerifies(file);
    const after = snapshot(file, TABLES);
    const restored = lastCommand(file) === 'assessment.restore';
    if (!run.killed) expect(restored, 'a run that finished has restored').toBe(true);
    if (restored) {
      // The backup's chain with one restore entry on it; the state it replaced kept as a backup.
      expect(after.head.count).toBe(backupHead.count + 1);
      expect(hashAt(file, backupHead.count)).toBe(backupHead.hash);
      const kept = readdirSync(backupsFolder(file)).filter((n) => n.includes('before-restore'));
      expect(kept, 'the state before the restore is kept').toHaveLength(1);
    } else {
      expect(after).toEqual(before);
    }
  },
};

/** One operation, killed at each of its points; `minKilled` of the kills must land inside it. */
function killTest<P>(title: string, op: KillOperation<P>, minKilled: number): void {
  it(title, async () => {
    const runs = await killAtEveryPoint(op, folder(op.name.split(' ')[0]!));
    expect(runs.filter((r) => r.killed).length).toBeGreaterThanOrEqual(minKilled);
  }, 600_000);
}

// Every operation that must survive a kill is one line here (the pack joins with its own KillOperation).
describe('killing assay at any moment (real SIGKILL)', () => {
  killTest(`keeps a ${IMPORT_ROWS}-row import all or nothing, and what was committed before`, importOperation, 2);
  killTest('never leaves a half-written report under its name, and never changes the assessment', reportOperation, 1);
  killTest('never leaves a half-written package under its name, and never changes the assessment', packOperation, 1);
  killTest('leaves the assessment either as it was or restored whole, never a mix', restoreOperation, 1);
});
