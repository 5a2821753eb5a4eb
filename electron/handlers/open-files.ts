import { resolve } from 'node:path';
import type { Assessment } from '../store/assessment';
import { openAssessment } from '../store/open';

/**
 * Assessments stay open between calls of one process (the app, the bridge) and are keyed
 * by absolute path, so every command names its file and no door holds hidden session state.
 */
const open = new Map<string, Assessment>();

export function normalisePath(file: string): string {
  return resolve(file);
}

export function getOpen(file: string): Assessment | undefined {
  return open.get(normalisePath(file));
}

export function register(assessment: Assessment): Assessment {
  const key = normalisePath(assessment.file);
  open.get(key)?.close();
  open.set(key, assessment);
  return assessment;
}

/** The open assessment for a path, opening (and if need be upgrading) it on first use. */
export function useAssessment(file: string): { assessment: Assessment; backup?: string } {
  const existing = getOpen(file);
  if (existing?.db.open) return { assessment: existing };
  const result = openAssessment(normalisePath(file));
  register(result.assessment);
  return result;
}

export function closeFile(file: string): boolean {
  const key = normalisePath(file);
  const assessment = open.get(key);
  assessment?.close();
  return open.delete(key);
}

/** Every assessment this process holds open, for watchers that look for changes made elsewhere. */
export function openAssessments(): Assessment[] {
  return [...open.values()].filter((a) => a.db.open);
}

export function closeAll(): void {
  for (const assessment of open.values()) assessment.close();
  open.clear();
}
