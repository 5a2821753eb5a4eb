import { AssayError } from '../../shared/errors';
import { readSettings, writeSettings } from '../settings';
import type { Assessment } from '../store/assessment';
import { startJob } from '../jobs/runner';
import { listBackups } from '../store/backups';
import { diffAssessments } from '../store/diff';
import { openForReading } from '../store/open';
import { actorOf } from './context';
import { closeFile, getOpen, normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

/** Reads a file this process may not hold: what it holds is used, anything else is opened for the call and closed after. */
function withReading<T>(file: string, use: (a: Assessment) => T): T {
  const held = getOpen(file);
  if (held?.db.open) return use(held);
  const a = openForReading(normalisePath(file));
  try {
    return use(a);
  } finally {
    a.close();
  }
}

type CopyHandlers = Pick<Handlers, 'assessment.diff' | 'backups.list' | 'backups.create' | 'backups.restore' | 'backups.schedule' | 'backups.setSchedule'>;

export const copyHandlers: CopyHandlers = {
  'assessment.diff': (input) => {
    if (normalisePath(input.file) === normalisePath(input.other)) throw new AssayError('invalid_input', `${input.file}: compare it with another copy, not with itself`);
    return withReading(input.file, (a) => withReading(input.other, (b) => diffAssessments(a, b)));
  },

  'backups.list': (input) => {
    useForReading(input.file); // refuses what is not an assessment, with the usual message
    return { backups: listBackups(normalisePath(input.file)) };
  },

  'backups.create': (input) => {
    const a = useForReading(input.file); // refuses what is not an assessment before a job starts
    return startJob('backup', a.file, { backup: { label: input.label ?? 'manual', ...(input.keep !== undefined ? { keep: input.keep } : {}) } });
  },

  'backups.restore': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Opening for writing here refuses a read-only, damaged or older-format file before the job starts.
    const { assessment } = useForWriting(input.file, actor);
    const file = assessment.file;
    const backup = normalisePath(input.backup);
    if (backup === file) throw new AssayError('invalid_input', `cannot restore ${file} from itself; name one of its backups (assay backups ${file})`);
    // This thread lets go of the file the job replaces; until the job ends, commands on it refuse (see restoring.ts).
    closeFile(file);
    return startJob('restore', file, { restore: { backup, actor } });
  },

  'backups.schedule': (_input, ctx) => readSettings(ctx.home).backupSchedule,

  'backups.setSchedule': (input, ctx) => {
    writeSettings(ctx.home, { ...readSettings(ctx.home), backupSchedule: input });
    return input;
  },
};
