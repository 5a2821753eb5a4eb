import { AssayError } from '../../shared/errors';
import type { ReportResult } from '../../shared/reports/results';
import type { WorkerInput } from '../jobs/protocol';
import { openForReading, openForWriting } from '../store/open';
import { issueReport } from '../store/reports';
import { setBusyTimeout } from '../store/sqlite';
import { generateReport } from './generate';
import { writeReport } from './write';

/**
 * The report job, on its worker's own connections: generates from the assessment opened for
 * READING (a report never changes the file), writes the report and its manifest, and only when
 * asked to issue it opens the file for writing to record it in the register of issued reports.
 */
export async function reportJob(
  input: Pick<WorkerInput, 'file' | 'report'>,
  hooks: { onProgress: (p: { phase: string; done: number; total: number }) => void; isCancelled: () => boolean },
): Promise<ReportResult> {
  const request = input.report;
  if (!request) throw new AssayError('usage', 'report: the job was started without options');
  setBusyTimeout(10_000);
  const reading = openForReading(input.file);
  let written: ReturnType<typeof writeReport>;
  let generated: Awaited<ReturnType<typeof generateReport>>;
  try {
    generated = await generateReport(reading, request.options, {
      actor: request.actor,
      isCancelled: hooks.isCancelled,
      onProgress: (done, total) => hooks.onProgress({ phase: 'building the report', done: Math.round(done * 100), total: total * 100 }),
    });
    if (hooks.isCancelled()) throw new AssayError('refused', 'report generation was cancelled; nothing was written');
    hooks.onProgress({ phase: 'writing the report', done: 1, total: 1 });
    written = writeReport(request.out, generated);
  } finally {
    reading.close();
  }
  const { meta } = generated;
  let issued: ReportResult['issued'] = null;
  if (request.issue) {
    const { assessment } = openForWriting(input.file, { actor: request.actor });
    try {
      const m = written.manifest.report;
      issued = issueReport(assessment, { type: m.type, format: m.format, fileName: m.fileName, sha256: m.sha256, size: m.size, head: meta.head, label: m.label, audience: m.audience }, request.actor);
    } finally {
      assessment.close();
    }
  }
  return { path: written.path, manifestPath: written.manifestPath, type: meta.type, format: generated.format, sha256: generated.sha256, size: generated.bytes.length, head: meta.head, generatedAt: meta.generatedAt, issued };
}
