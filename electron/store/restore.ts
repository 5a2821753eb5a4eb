import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { RestoreResult } from '../../shared/backups';
import { type RestorePayload, backupsDomain } from '../../shared/domain/backups/log';
import { AssayError } from '../../shared/errors';
import type { Assessment } from './assessment';
import { appendAudit, type Head, readHead } from './audit';
import { keepBackup } from './backup';
import { parseBackupName } from './backup-names';
import { LATEST_SCHEMA } from './migrations/index';
import { openForReading } from './open';
import { removeLeftBehind } from './process-alive';
import { connect } from './sqlite';
import { verifyAssessment } from './verify';


/** Opens the backup read-only and checks it is a whole, verifying copy of this very assessment. */
function readBackup(current: Assessment, path: string): Assessment {
  const refuse = (why: string) => new AssayError('refused', `cannot restore ${current.file} from ${path}: ${why}; nothing was changed`);
  let backup: Assessment;
  try {
    backup = openForReading(path);
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  try {
    if (backup.info.formatOnDisk !== LATEST_SCHEMA)
      throw refuse(`the backup is in file format ${backup.info.formatOnDisk}; upgrade a copy of it first (assay upgrade <copy>) and restore from that copy`);
    if (backup.info.damage) throw refuse(`the backup is damaged (${backup.info.damage})`);
    const [mine, theirs] = [current.summary().id, backup.summary().id];
    if (mine !== theirs) throw refuse(`the backup is of another assessment (${theirs}, this one is ${mine})`);
    const verified = verifyAssessment(backup);
    if (!verified.ok) throw refuse(`the backup does not verify (${verified.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('; ')})`);
    return backup;
  } catch (error) {
    backup.close();
    throw error;
  }
}

/**
 * Removes what restores of this file that were killed left beside it (".<name>.<pid>.restoring", a
 * whole copy of an assessment each): only those whose process is gone, so a restore under way in
 * another program keeps its file.
 */
function removeAbandoned(file: string): void {
  const prefix = `.${basename(file)}.`;
  // Only one restore of a file runs at a time: this process's own copies are left over too.
  removeLeftBehind(dirname(file), (name) => (name.startsWith(prefix) ? /^(\d+)\.restoring(?:-journal)?$/.exec(name.slice(prefix.length))?.[1] : undefined), true);
}

/**
 * Replaces the assessment with a backup's content. The new file is built beside it under a
 * temporary name (the backup's pages, then one restore entry on the backup's chain naming the
 * head it discards) and only then renamed over the file, after a copy of the current state is
 * kept: a restore that fails at any step leaves the file as it was, and a restore is undone by
 * restoring that copy. `current` must be open for editing; it is closed, as its file is replaced.
 */
export function restoreBackup(
  current: Assessment,
  backupPath: string,
  actor: string,
  options: { now?: () => string; onProgress?: (step: { phase: string; done: number; total: number }) => void } = {},
): RestoreResult {
  const now = options.now ?? (() => new Date().toISOString());
  const step = (done: number, phase: string) => options.onProgress?.({ phase, done, total: 4 });
  const file = current.file;
  const path = resolve(backupPath);
  if (path === resolve(file)) throw new AssayError('invalid_input', `cannot restore ${file} from itself; name one of its backups (assay backups ${file})`);
  if (current.info.mode !== 'write') throw new AssayError('refused', `${file}: is open read-only; nothing was changed`);
  step(0, 'checking the backup');
  const backup = readBackup(current, path);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.restoring`);
  const cleanup = () => {
    for (const suffix of ['', '-journal']) rmSync(temp + suffix, { force: true });
  };
  removeAbandoned(file);
  try {
    const restoredHead = backup.head();
    step(1, 'copying the backup');
    backup.db.prepare('VACUUM INTO ?').run(temp);
    backup.close();
    const discarded = readHead(current.db);
    step(2, 'keeping a copy of the current state');
    const keptAs = keepBackup(current.db, file, 'before-restore');
    const payload: RestorePayload = {
      discarded,
      backup: { fileName: basename(path), takenAt: parseBackupName(file, basename(path))?.takenAt ?? '', head: restoredHead },
      keptAs: basename(keptAs),
    };
    // Checked here as replay will check it, so a restore never writes an entry verify would refuse.
    backupsDomain.commands['assessment.restore']!.payload.parse(payload);
    const db = connect(temp, { create: false });
    let head: Head;
    try {
      head = db.transaction(() => {
        const id = (db.prepare('SELECT id FROM assessment').get() as { id: string }).id;
        const entry = appendAudit(db, { at: now(), actor, command: 'assessment.restore', entity: 'assessment', entityId: id, payload });
        return { count: entry.seq, hash: entry.hash };
      })();
    } finally {
      db.close();
    }
    step(3, 'replacing the file');
    current.close();
    if (existsSync(`${file}-journal`) || existsSync(`${file}-wal`))
      throw new AssayError('conflict', `${file}: another program is writing this assessment; nothing was changed, try again in a moment`);
    renameSync(temp, file);
    step(4, 'restored');
    return { file, backup: path, discarded, head, keptAs };
  } catch (error) {
    if (backup.db.open) backup.close();
    cleanup();
    throw error;
  }
}
