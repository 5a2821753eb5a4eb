/**
 * `npm run bench`: speed targets of the catalog and the assessment file, measured on real files.
 * Prints each figure with its target and exits 1 when one is missed. Not part of `npm test`.
 * `npm run bench -- imports reports` runs only the sections named (catalog, assessment, verify-job,
 * controls, evidence, packages (needs evidence), imports, reports): on a shared machine, measure only what you changed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCatalogDir } from '../../electron/catalog/load';
import { frameworksDir } from '../../electron/paths';
import { createAssessment, openForReading } from '../../electron/store/open';
import { verifyAssessment } from '../../electron/store/verify';
import { searchCatalog, searchEntries } from '../../shared/catalog/search';
import { buildIndex } from '../../shared/catalog/trace';
import { measureEvidenceIntake } from './evidence-intake';
import { measureCommandLatencyDuringVerify } from './job-latency';
import { benchControls } from './controls';
import { measureImports, measureLatencyDuringImport } from './imports';
import { measureReports } from './reports';
import { measurePackages } from './packages';

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number;
}
const results: Result[] = [];
const SECTIONS = ['catalog', 'assessment', 'verify-job', 'controls', 'evidence', 'packages', 'imports', 'reports'];
const only = process.argv.slice(2);
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`bench: no section "${name}"; sections: ${SECTIONS.join(', ')}`);
const wants = (section: string) => only.length === 0 || only.includes(section);

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const dir = mkdtempSync(join(tmpdir(), 'assay-bench-'));
try {
  const load = time(() => readCatalogDir(frameworksDir()));
  results.push({ name: 'read and validate the bundled catalog', value: load.ms, unit: 'ms', target: 1500 });
  const catalog = load.value;

  if (wants('catalog')) {
    const index = time(() => buildIndex(catalog));
    const entries = searchEntries(index.value);
    results.push({ name: `build the traceability index (${entries.length} searchable entries)`, value: index.ms, unit: 'ms', target: 100 });

    const queries = ['prompt injection', 'Art. 10', 'GOVERN 1.6', 'poison', 'AML.T0051', 'human oversight', 'llm0', 'x', 'data', 'deepfake'];
    const rounds = 50;
    const search = time(() => {
      for (let r = 0; r < rounds; r++) for (const q of queries) searchCatalog(entries, q);
    });
    results.push({ name: 'one search as you type (mean)', value: search.ms / (rounds * queries.length), unit: 'ms', target: 8 });
  }

  if (wants('assessment')) {
    const file = join(dir, 'bench.assay');
    const create = time(() => createAssessment(file, { name: 'Bench', catalog, actor: 'bench' }));
    results.push({ name: 'create an assessment with the catalog snapshot', value: create.ms, unit: 'ms', target: 1500 });
    const assessment = create.value;
    const ids = assessment.listControls().map((c) => c.id);
    const states = ['in_progress', 'implemented', 'not_started'] as const;
    const n = 1000;
    const writes = time(() => {
      for (let i = 0; i < n; i++) assessment.setControlState(ids[i % ids.length]!, states[i % states.length]!, undefined, 'bench');
    });
    results.push({ name: 'set a control state with its audit entry (mean of 1000)', value: writes.ms / n, unit: 'ms', target: 5 });
    const verify = time(() => verifyAssessment(assessment));
    if (!verify.value.ok) throw new Error(`bench file does not verify: ${verify.value.message}`);
    results.push({ name: `verify: pages, chain and replay of ${verify.value.entries} entries`, value: verify.ms, unit: 'ms', target: 1000 });
    assessment.close();
    results.push({ name: 'assessment file size', value: statSync(file).size / 1024, unit: 'KiB', target: 4096 });

    const reopen = time(() => {
      const opened = openForReading(file);
      opened.catalog();
      return opened;
    });
    results.push({ name: 'open an assessment read-only and parse its catalog', value: reopen.ms, unit: 'ms', target: 1000 });
    reopen.value.close();
  }

  if (wants('verify-job')) {
    const latency = await measureCommandLatencyDuringVerify(dir, 20000);
    console.log(
      `info verify job on ${latency.entries + 1} entries: ${latency.jobMs.toFixed(0)} ms in a worker (${latency.inlineVerifyMs.toFixed(0)} ms inline), ` +
        `${latency.commandsAnswered} commands answered meanwhile`,
    );
    results.push({ name: 'slowest command answered while a verify job runs', value: latency.worstCommandMs, unit: 'ms', target: 50 });
  }

  if (wants('controls')) results.push(...(await benchControls(catalog, dir)));
  if (wants('evidence')) {
    const evidence = measureEvidenceIntake(dir);
    console.log(
      `info evidence: ${evidence.mib} MiB in ${evidence.files} files added in ${evidence.intakeMs.toFixed(0)} ms; ` +
        `floor (node:crypto hash + write to one plain file) ${evidence.floorMs.toFixed(0)} ms; peak RSS ${evidence.maxRssMiB.toFixed(0)} MiB`,
    );
    results.push({ name: `add ${evidence.mib} MiB of evidence, as a multiple of its floor`, value: evidence.intakeMs / evidence.floorMs, unit: '×', target: 2 });
    results.push({ name: `peak memory (RSS) adding ${evidence.mib} MiB of evidence`, value: evidence.maxRssMiB, unit: 'MiB', target: 200 });
  }

  // The evidence benchmark's assessment is the large one to pack.
  if (wants('packages')) {
    if (!wants('evidence')) throw new Error('bench: the packages section packs the evidence section\'s assessment: run it with evidence');
    const packages = measurePackages(dir, join(dir, 'evidence.assay'));
    console.log(
      `info package of ${packages.mib.toFixed(0)} MiB: pack ${packages.packMs.toFixed(0)} ms (floor ${packages.packFloorMs.toFixed(0)} ms), ` +
        `unpack ${packages.unpackMs.toFixed(0)} ms (floor ${packages.unpackFloorMs.toFixed(0)} ms); floor: node:crypto AES-256-GCM over the same bytes`,
    );
    results.push({ name: `pack a ${packages.mib.toFixed(0)} MiB assessment, as a multiple of its floor`, value: packages.packMs / packages.packFloorMs, unit: '×', target: 1.5 });
    results.push({ name: `peak memory (RSS) packing a ${packages.mib.toFixed(0)} MiB assessment`, value: packages.packRssMiB, unit: 'MiB', target: 200 });
    results.push({ name: `unpack a ${packages.mib.toFixed(0)} MiB package, as a multiple of its floor`, value: packages.unpackMs / packages.unpackFloorMs, unit: '×', target: 1.5 });
    results.push({ name: `peak memory (RSS) unpacking a ${packages.mib.toFixed(0)} MiB package`, value: packages.unpackRssMiB, unit: 'MiB', target: 200 });
  }

  if (wants('imports')) {
    for (const im of measureImports(dir, catalog)) {
      console.log(`info import ${im.name}: ${im.importMs.toFixed(0)} ms, floor ${im.floorMs.toFixed(0)} ms, peak RSS ${im.maxRssMiB.toFixed(0)} MiB, ${JSON.stringify(im.counts)}`);
      console.log(`info   the floor plus only what an import must keep besides its rows (the source as evidence, WAL mode, and for each record its log entry and external id): ${im.leastMs.toFixed(0)} ms, ${(im.leastMs / im.floorMs).toFixed(2)}× the floor`);
      results.push({ name: `import a ${im.name}, as a multiple of its floor`, value: im.importMs / im.floorMs, unit: '×', target: 2 });
      results.push({ name: `peak memory (RSS) importing a ${im.name}`, value: im.maxRssMiB, unit: 'MiB', target: 300 });
    }
    const during = await measureLatencyDuringImport(dir, catalog);
    console.log(`info import job: ${during.jobMs.toFixed(0)} ms (${during.state}), ${during.answered} controls lists answered meanwhile, ${during.busy} refused as busy`);
    if (during.state !== 'finished') throw new Error(`the import job ended ${during.state}`);
    results.push({ name: 'slowest controls list answered while a 100,000-row import runs', value: during.worstMs, unit: 'ms', target: 200 });
    results.push({ name: 'controls lists refused as busy while a 100,000-row import runs', value: during.busy, unit: 'commands', target: 0 });
  }
  if (wants('reports')) {
    for (const r of measureReports(dir, catalog)) {
      console.log(`info gap assessment ${r.format.toUpperCase()}: ${r.ms.toFixed(0)} ms (${(r.bytes / 1024).toFixed(0)} KiB), floor ${r.floorMs.toFixed(0)} ms, peak RSS ${r.maxRssMiB.toFixed(0)} MiB`);
      results.push({ name: `gap assessment as ${r.format.toUpperCase()} (10 systems, 2,000 evidence items, 500 risks), as a multiple of its floor`, value: r.ms / r.floorMs, unit: '×', target: 1.5 });
      results.push({ name: `gap assessment as ${r.format.toUpperCase()}, time`, value: r.ms / 1000, unit: 's', target: 10 });
      results.push({ name: `peak memory (RSS) rendering the gap assessment as ${r.format.toUpperCase()}`, value: r.maxRssMiB, unit: 'MiB', target: 1024 });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let missed = 0;
for (const r of results) {
  const ok = r.value <= r.target;
  if (!ok) missed++;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${r.name}: ${r.value.toFixed(2)} ${r.unit} (target ≤ ${r.target} ${r.unit})`);
}
console.log(`${results.length - missed} passed, ${missed} failed`);
process.exitCode = missed ? 1 : 0;
