/**
 * Imports one file into an assessment in a process of its own, so its peak memory (RSS) is the
 * import's and not the benchmark's. Prints one JSON line: { ms, maxRssMiB, counts, batchId }.
 */
import { performance } from 'node:perf_hooks';
import { engineHooks } from '../../electron/imports/hooks';
import { runImport } from '../../electron/imports/run';
import { openForWriting } from '../../electron/store/open';
import { writeAheadForJob } from '../../electron/store/sqlite';
import { collectGarbage } from '../../electron/jobs/collect-garbage';

const [file, input, format] = process.argv.slice(2);
const { assessment } = openForWriting(file!, { actor: 'bench' });
// The connection and the hooks as the job's worker sets them up.
writeAheadForJob(assessment.db);
const start = performance.now();
const result = await runImport(assessment, input!, { format: format ?? 'auto' }, 'bench', { ...engineHooks(assessment, true), betweenPhases: collectGarbage });
const ms = performance.now() - start;
assessment.close();
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, counts: result.counts, batchId: result.batchId, problems: result.problems.slice(0, 3) }));
