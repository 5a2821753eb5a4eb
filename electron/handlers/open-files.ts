import { resolve } from 'node:path';
import { AssayError } from '../../shared/errors';
import type { Assessment } from '../store/assessment';
import { refuseWhileRestoring } from '../jobs/restoring';
import { type OpenResult, openForReading, openForWriting } from '../store/open';

/**
 * Assessments stay open between calls of one process (the app, the bridge) and are keyed
 * by absolute path, so every command names its file and no door holds hidden session state.
 * A file is held either for reading (never migrated, never written) or for editing.
 */
const open = new Map<string, Assessment>();
/** Files the user opened read-only on purpose (an auditor's review): editing commands refuse them. */
const readOnlyByChoice = new Set<string>();

export function normalisePath(file: string): string {
  return resolve(file);
}

export function getOpen(file: string): Assessment | undefined {
  return open.get(normalisePath(file));
}

export function register(assessment: Assessment): Assessment {
  const key = normalisePath(assessment.file);
  const previous = open.get(key);
  if (previous && previous !== assessment) previous.close();
  open.set(key, assessment);
  return assessment;
}

/** For read commands: whatever this process holds, else a read-only connection. */
export function useForReading(file: string): Assessment {
  refuseWhileRestoring(normalisePath(file));
  const existing = getOpen(file);
  if (existing?.db.open) return existing;
  return register(openForReading(normalisePath(file)));
}

export function isHeldReadOnly(file: string): boolean {
  return readOnlyByChoice.has(normalisePath(file));
}

/** Opens a file for reading only and keeps it so until it is closed, whatever later commands ask. */
export function holdReadOnly(file: string): Assessment {
  const key = normalisePath(file);
  const existing = open.get(key);
  if (existing?.db.open && existing.info.mode === 'write') closeFile(key);
  readOnlyByChoice.add(key);
  return useForReading(key);
}

/** For editing commands: a write connection, upgrading an older file after a backup. */
export function useForWriting(file: string, actor: string, upgrade = false): OpenResult {
  refuseWhileRestoring(normalisePath(file));
  if (readOnlyByChoice.has(normalisePath(file)))
    throw new AssayError('refused', `${normalisePath(file)}: is open read-only for review, so editing commands refuse; close it and open it for editing to change it`);
  const existing = getOpen(file);
  if (existing?.db.open && existing.info.mode === 'write') return { assessment: existing };
  if (existing?.db.open && existing.info.damage)
    throw new AssayError('integrity', `${existing.file}: is damaged (${existing.info.damage}); nothing was written`);
  const result = openForWriting(normalisePath(file), { actor, upgrade });
  register(result.assessment);
  return result;
}

/** Every assessment this process holds open, for watchers that look for changes made elsewhere. */
export function openAssessments(): Assessment[] {
  return [...open.values()].filter((a) => a.db.open);
}

export function closeFile(file: string): boolean {
  const key = normalisePath(file);
  readOnlyByChoice.delete(key);
  const assessment = open.get(key);
  assessment?.close();
  return open.delete(key);
}

export function closeAll(): void {
  readOnlyByChoice.clear();
  for (const assessment of open.values()) assessment.close();
  open.clear();
}
