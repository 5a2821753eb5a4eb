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
 * Replaces the assessment with a backup's content. The new file is built beside it under a
 * temporary name (the backup's pages, then one restore entry on the backup's chain naming the
 * head it discards) and only then renamed over the file, after a copy of the current state is
 * kept: a restore that fails at any step leaves the file as it was, and a restore is undone by
 * restoring that copy. `current` must be open for editing; it is closed, as its file is replaced.
 */
export function restoreBackup(current: Assessment, backupPath: string, actor: string, now: () => string = () => new Date().toISOString()): RestoreResult {
  const file = current.file;
  const path = resolve(backupPath);
  if (path === resolve(file)) throw new AssayError('invalid_input', `cannot restore ${file} from itself; name one of its backups (assay backups ${file})`);
  if (current.info.mode !== 'write') throw new AssayError('refused', `${file}: is open read-only; nothing was changed`);
  const backup = readBackup(current, path);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.restoring`);
  const cleanup = () => {
    for (const suffix of ['', '-journal']) rmSync(temp + suffix, { force: true });
  };
  cleanup();
  try {
    const restoredHead = backup.head();
    backup.db.prepare('VACUUM INTO ?').run(temp);
    backup.close();
    const discarded = readHead(current.db);
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
    current.close();
    if (existsSync(`${file}-journal`) || existsSync(`${file}-wal`))
      throw new AssayError('conflict', `${file}: another program is writing this assessment; nothing was changed, try again in a moment`);
    renameSync(temp, file);
    return { file, backup: path, discarded, head, keptAs };
  } catch (error) {
    if (backup.db.open) backup.close();
    cleanup();
    throw error;
  }
}
