import { existsSync, linkSync, renameSync } from 'node:fs';

/** Errors of a file system that has no hard links (FAT and exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Publishes a finished temporary file under its name, never over an existing file (EEXIST then,
 * as from `linkSync`): a hard link where the file system has them, so that a name taken a moment
 * ago is never replaced. Where it has none (the FAT and exFAT of the USB sticks consultants carry
 * assessments on) the file is renamed instead, once the name is seen to be free: a moment's race
 * instead of refusing to write there at all. After a link the caller removes the temporary file;
 * after a rename there is none left. `link` is for tests: this machine's kernel has no FAT.
 */
export function publishNew(temporary: string, name: string, link: (from: string, to: string) => void = linkSync): void {
  try {
    link(temporary, name);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as { code?: string }).code ?? '')) throw error;
    if (existsSync(name)) throw Object.assign(new Error(`EEXIST: file already exists, ${name}`), { code: 'EEXIST' });
    renameSync(temporary, name);
  }
}
