import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
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
import { BatchPartWriter } from '../../electron/store/import-parts';
import { storeBlob } from '../../electron/store/evidence-blobs';
import { writeBatch } from '../../electron/store/imports';
import type { ImportRef } from '../../shared/domain/imports/log';
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
  /** The floor plus only what the issue requires an import to keep besides its rows (see leastKeeping), for the record: no target. */
  leastMs: number;
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

/**
 * Besides its rows, an import must keep the audit log's record of each (replay rebuilds the state
 * from it), their external ids (a re-import updates) and the source file as evidence, and it runs in
 * WAL mode so the app stays usable. The floor with only that added, written by the import's own
 * store functions (the batch's parts, its refs, the evidence blob), is the least any import could
 * take: printed beside the floor, it shows how much of a multiple is what the import must keep.
 */
interface Keep {
  /** Logs one record: its entry in the batch's parts and its external id. */
  entry(entityId: string, recordJson: string, externalId: string): void;
  /** Writes the last part, the refs and the batch row, and keeps the source as evidence. */
  finish(source: string, format: 'csv' | 'garak'): void;
}

function leastKeeping(db: Database.Database): Keep {
  db.pragma('journal_mode = WAL');
  const parts = new BatchPartWriter(db, 'IMP-001');
  const refs: ImportRef[] = [];
  return {
    entry: (entityId, recordJson, externalId) => {
      parts.entry({ command: 'risks.add', entity: 'risk', entityId, payload: null, payloadJson: `{"people":{},"record":${recordJson}}` });
      refs.push({ kind: 'risk', externalId, entityId });
    },
    finish: (source, format) => {
      const fd = openSync(source, 'r');
      let blob: { sha256: string; size: number };
      try {
        blob = storeBlob(db, fd, basename(source));
      } finally {
        closeSync(fd);
      }
      const at = new Date().toISOString();
      const batch = { sourceName: basename(source), sha256: blob.sha256, size: blob.size, format, kinds: ['risk' as const], counts: { create: refs.length, update: 0, unchanged: 0, skip: 0 }, problems: [], evidenceId: null };
      parts.finish(refs);
      writeBatch(db, 'IMP-001', batch, refs, at, 'bench');
    },
  };
}

/** Parse with papaparse, then insert the same rows into a copy of the assessment in one transaction (with `keep`, and what an import must keep). */
function riskFloor(csv: string, file: string, scratch: string, keep = false): number {
  copyFileSync(file, scratch);
  const db = new Database(scratch);
  const least = keep ? leastKeeping(db) : undefined;
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
      const json = JSON.stringify(record);
      insert.run(id, record.systemId, json, at, 'bench', at, 'bench');
      least?.entry(id, json, `id:${r[0]}`);
    });
    least?.finish(csv, 'csv');
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

/** Read the lines and JSON.parse each (what any garak reader must do), then insert one row per probe and detector (with `keep`, and what an import must keep). */
function garakFloor(jsonl: string, file: string, scratch: string, keep = false): number {
  copyFileSync(file, scratch);
  const db = new Database(scratch);
  const least = keep ? leastKeeping(db) : undefined;
  const start = performance.now();
  const evals: Record<string, unknown>[] = [];
  for (const line of readFileSync(jsonl, 'utf8').split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry.entry_type === 'eval') evals.push(entry);
  }
  db.exec('CREATE TABLE floor_finding (id TEXT PRIMARY KEY, record TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO floor_finding (id, record) VALUES (?, ?)');
  db.transaction(() => {
    evals.forEach((e, i) => insert.run(`FND-${i + 1}`, JSON.stringify(e)));
    // One finding per probe and detector, a handful: their log entries and ids are next to nothing; the 50 MB source is what it keeps.
    least?.finish(jsonl, 'garak');
  })();
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
    const leastMs = floor(input, file, join(dir, `least-${format}.assay`), true);
    const r = child(file, input, format);
    out.push({ name, importMs: r.ms, floorMs, leastMs, maxRssMiB: r.maxRssMiB, counts: r.counts });
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
