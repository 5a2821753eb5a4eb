import type { VerifyResult } from '../../shared/commands';
import { openAssessment } from './open';

export interface VerifyProgress {
  /** What is being checked now, in words a person reads ("audit chain", "replay"). */
  phase: string;
  done: number;
  total: number;
}

export interface VerifyOptions {
  onProgress?: (progress: VerifyProgress) => void;
  /** Polled between steps; when it answers true the check stops with a 'cancelled' error. */
  isCancelled?: () => boolean;
}

/**
 * Verifies one assessment file on its own connection. This is the entry point that the
 * verify job's worker thread calls, so it must not depend on the open-files registry.
 */
export function verifyFile(file: string, options: VerifyOptions = {}): VerifyResult {
  const { assessment } = openAssessment(file);
  try {
    options.onProgress?.({ phase: 'audit chain', done: 0, total: 1 });
    const result = assessment.verifyAudit();
    options.onProgress?.({ phase: 'audit chain', done: 1, total: 1 });
    return result;
  } finally {
    assessment.close();
  }
}
