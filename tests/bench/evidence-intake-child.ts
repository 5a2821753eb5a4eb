/**
 * Adds evidence files to an assessment in a process of its own, so its peak memory (RSS) is the
 * intake's and not the benchmark's. Prints one JSON line: { ms, maxRssMiB, bytes, added, failed }.
 */
import { performance } from 'node:perf_hooks';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { openForWriting } from '../../electron/store/open';

const [file, ...paths] = process.argv.slice(2);
const { assessment } = openForWriting(file!, { actor: 'bench' });
// The same page cache the job's worker sets.
assessment.db.pragma('cache_size = -16384');
let peak = process.memoryUsage().rss;
const start = performance.now();
const result = addEvidenceFiles(assessment, { paths }, 'bench', { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
const ms = performance.now() - start;
assessment.close();
const bytes = result.added.reduce((sum, a) => sum + a.size, 0);
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, sampledPeakMiB: peak / 1024 / 1024, bytes, added: result.added.length, failed: result.failed }));
