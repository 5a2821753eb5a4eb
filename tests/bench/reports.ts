import { execFileSync } from 'node:child_process';
import type { Catalog } from '../../shared/catalog/schema';
import { largeAssessment } from './report-data';
import { compiledChild } from './compiled-child';

/**
 * The full gap assessment of a large assessment as PDF and as DOCX, each next to its floor measured
 * in the same run (the same library rendering the same tables as a plain document), each in a
 * process of its own so its peak memory is its own; the median of five interleaved runs of each.
 */

export interface ReportFigures {
  format: 'pdf' | 'docx';
  ms: number;
  floorMs: number;
  maxRssMiB: number;
  bytes: number;
}

function child(file: string, format: string, mode: string): { ms: number; maxRssMiB: number; bytes: number } {
  const out = execFileSync(process.execPath, [compiledChild('report-child'), file, format, mode], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number; bytes: number };
}

/** Runs of each, interleaved floor/report so a burst of load on a shared machine hits both alike. */
const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function measureReports(dir: string, catalog: Catalog): ReportFigures[] {
  const file = largeAssessment(dir, catalog);
  return (['pdf', 'docx'] as const).map((format) => {
    const floors: number[] = [];
    const reports: ReturnType<typeof child>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      floors.push(child(file, format, 'floor').ms);
      reports.push(child(file, format, 'report'));
    }
    // Sub-second renders: one run's ratio swung from 1.3 to 1.7 between two quiet runs; medians hold still.
    return { format, ms: median(reports.map((r) => r.ms)), floorMs: median(floors), maxRssMiB: Math.max(...reports.map((r) => r.maxRssMiB)), bytes: reports[0]!.bytes };
  });
}
