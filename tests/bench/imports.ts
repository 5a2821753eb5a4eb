import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { Catalog } from '../../shared/catalog/schema';
import { dispatch, dispatchPatiently } from '../../electron/dispatch';
import { defaultContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';
import { jobEnded, listJobs, startJob } from '../../electron/jobs/runner';
import { createAssessment } from '../../electron/store/open';
import { addSystem } from '../../electron/store/systems';
import { writeGarakJsonl, writeRiskCsv } from './import-data';
import { compiledChild } from './compiled-child';

/**
 * Imports measured against their floors in the same run: the same file parsed by the same parser,
 * and a bare better-sqlite3 loop inserting the same rows with one prepared statement in one
 * transaction. Each import runs in a child process, so its peak memory is its own.
 */

export interface ImportFigures {
  name: string;
  importMs: number;
  floorMs: number;
  maxRssMiB: number;
  counts: unknown;
}

const SYSTEMS = Array.from({ length: 10 }, (_, i) => `Bench system ${i + 1}`);

function assessmentWithSystems(file: string, catalog: Catalog): void {
  const a = createAssessment(file, { name: 'Import bench', catalog, actor: 'bench' });
  for (const name of SYSTEMS) addSystem(a, { name, roles: ['deployer'] }, 'bench');
  a.close();
}

function child(file: string, input: string, format: string): { ms: number; maxRssMiB: number; counts: unknown; batchId: string | null; problems: unknown[] } {
  const out = execFileSync(process.execPath, [compiledChild('import-child'), file, input, format], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number; counts: unknown; batchId: string | null; problems: unknown[] };
  if (!r.batchId) throw new Error(`import bench: ${input} was not imported: ${JSON.stringify(r.problems)}`);
  return r;
}

/** Parse with papaparse, then insert the same rows into a copy of the assessment in one transaction. */
function riskFloor(csv: string, file: string, scratch: string): number {
  copyFileSync(file, scratch);
  const db = new Database(scratch);
  const start = performance.now();
  const parsed = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true });
  const systems = db.prepare('SELECT id, name FROM ai_system').all() as { id: string; name: string }[];
  const byName = new Map(systems.map((s) => [s.name, s.id]));
  const insert = db.prepare('INSERT INTO risk (id, system_id, record, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const at = new Date().toISOString();
  db.transaction(() => {
    parsed.data.slice(1).forEach((r, i) => {
      const id = `RSK-${String(i + 1).padStart(3, '0')}`;
      const record = { id, systemId: byName.get(r[2]!), threatId: r[3], title: r[1], description: null, likelihood: Number(r[4]), impact: Number(r[5]), treatment: r[6], controls: [], residualLikelihood: null, residualImpact: null, owner: null, status: 'open', reviewDate: r[8] };
      insert.run(id, record.systemId, JSON.stringify(record), at, 'bench', at, 'bench');
    });
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** Read the lines and JSON.parse each (what any garak reader must do), then insert one row per probe and detector. */
function garakFloor(jsonl: string, file: string, scratch: string): number {
  copyFileSync(file, scratch);
  const db = new Database(scratch);
  const start = performance.now();
  const evals: Record<string, unknown>[] = [];
  for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.entry_type === 'eval') evals.push(entry);
  }
  db.exec('CREATE TABLE floor_finding (id TEXT PRIMARY KEY, record TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO floor_finding (id, record) VALUES (?, ?)');
  db.transaction(() => evals.forEach((e, i) => insert.run(`FND-${i + 1}`, JSON.stringify(e))))();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

export function measureImports(dir: string, catalog: Catalog, rows = 100_000, mib = 50): ImportFigures[] {
  const csv = writeRiskCsv(dir, rows, SYSTEMS);
  const jsonl = writeGarakJsonl(dir, mib, resolve('tests/fixtures/imports/redteam/quack.report.jsonl'));
  const out: ImportFigures[] = [];
  for (const [name, input, format, floor] of [
    [`${rows.toLocaleString('en')}-row risk register CSV`, csv, 'csv', riskFloor],
    [`${mib} MB garak report JSONL`, jsonl, 'garak', garakFloor],
  ] as const) {
    const file = join(dir, `import-${format}.assay`);
    assessmentWithSystems(file, catalog);
    const floorMs = floor(input, file, join(dir, `floor-${format}.assay`));
    const r = child(file, input, format);
    out.push({ name, importMs: r.ms, floorMs, maxRssMiB: r.maxRssMiB, counts: r.counts });
  }
  return out;
}

/** The slowest answer to "list the controls", as the app's doors give it, while a 100,000-row import runs as a job. */
export async function measureLatencyDuringImport(dir: string, catalog: Catalog, rows = 100_000): Promise<{ worstMs: number; answered: number; busy: number; jobMs: number; state: string }> {
  const csv = writeRiskCsv(dir, rows, SYSTEMS);
  const file = join(dir, 'import-latency.assay');
  assessmentWithSystems(file, catalog);
  const ctx = defaultContext({ home: join(dir, 'home'), recordRecent: false });
  dispatch('controls.list', { file }, ctx);
  const start = performance.now();
  const { jobId } = startJob('import', file, { import: { path: csv, options: { format: 'csv' }, actor: 'bench' } });
  const ended = jobEnded(jobId);
  let worst = 0;
  let answered = 0;
  let busy = 0;
  while (listJobs().find((j) => j.jobId === jobId)?.state === 'running') {
    const t = performance.now();
    // As the app's doors answer: a command that meets the import's commit is tried again shortly.
    const r = await dispatchPatiently('controls.list', { file }, ctx);
    // A command still refused because the import holds the file's lock counts against the target, it does not stop the run.
    if (!r.ok && !/locked|busy/.test(r.error.message)) throw new Error(`controls.list failed while the import ran: ${r.error.message}`);
    worst = Math.max(worst, performance.now() - t);
    if (r.ok) answered++;
    else busy++;
    await sleep(20);
  }
  await ended;
  const state = listJobs().find((j) => j.jobId === jobId)?.state ?? 'unknown';
  closeAll();
  return { worstMs: worst, answered, busy, jobMs: performance.now() - start, state };
}
