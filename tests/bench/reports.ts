import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../shared/catalog/schema';
import { largeAssessment } from './report-data';

/**
 * The full gap assessment of a large assessment as PDF and as DOCX, each next to its floor measured
 * in the same run (the same library rendering the same tables as a plain document), each in a
 * process of its own so its peak memory is its own.
 */

export interface ReportFigures {
  format: 'pdf' | 'docx';
  ms: number;
  floorMs: number;
  maxRssMiB: number;
  bytes: number;
}

function child(file: string, format: string, mode: string): { ms: number; maxRssMiB: number; bytes: number } {
  const script = fileURLToPath(new URL('./report-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, file, format, mode], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; maxRssMiB: number; bytes: number };
}

export function measureReports(dir: string, catalog: Catalog): ReportFigures[] {
  const file = largeAssessment(dir, catalog);
  return (['pdf', 'docx'] as const).map((format) => {
    const floor = child(file, format, 'floor');
    const report = child(file, format, 'report');
    return { format, ms: report.ms, floorMs: floor.ms, maxRssMiB: report.maxRssMiB, bytes: report.bytes };
  });
}
