import { lstatSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve, sep } from 'node:path';

/**
 * Paths named over the bridge are confined to folders the user works in: the documents folder
 * and the folders named when starting `npm run web`. A page that learned the token still cannot
 * make the bridge read or write elsewhere.
 */

/** The real path of `path`; for a path that does not exist yet, its nearest existing ancestor's real path plus the rest. */
export function realPathOrNearest(path: string): string {
  let current = resolve(path);
  const rest: string[] = [];
  for (;;) {
    let exists = true;
    try {
      lstatSync(current);
    } catch {
      exists = false;
    }
    // realpath throws on a dangling link: such a path is not followed anywhere.
    if (exists) return join(realpathSync(current), ...rest.reverse());
    const parent = dirname(current);
    if (parent === current) return join(current, ...rest.reverse());
    rest.push(basename(current));
    current = parent;
  }
}

/** Folders named with `--allow <dir>` (repeatable) and in ASSAY_ALLOWED_FOLDERS (separated by the path delimiter). */
export function foldersFromStart(argv: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--allow' && argv[i + 1]) folders.push(argv[++i]!);
    else if (arg.startsWith('--allow=')) folders.push(arg.slice('--allow='.length));
  }
  for (const entry of (env.ASSAY_ALLOWED_FOLDERS ?? '').split(delimiter)) if (entry.trim()) folders.push(entry.trim());
  return folders.map((f) => resolve(f));
}

export interface FolderGuard {
  folders: string[];
  /** A message naming the path and how to allow it when the path is outside every folder; undefined when allowed. */
  problem(command: string, path: string): string | undefined;
}

export function folderGuard(folders: string[]): FolderGuard {
  const real = [...new Set(folders.map((f) => realPathOrNearest(f)))];
  return {
    folders: real,
    problem(command, path) {
      let target: string;
      try {
        target = realPathOrNearest(path);
      } catch (error) {
        return `${command}: ${path} cannot be resolved (${(error as Error).message})`;
      }
      if (real.some((folder) => target === folder || target.startsWith(folder.endsWith(sep) ? folder : folder + sep))) return undefined;
      return (
        `${command}: ${path} is outside the folders this bridge may use (${real.join(', ')}). ` +
        'To use it, restart with `npm run web -- --allow <folder>` or add the folder to ASSAY_ALLOWED_FOLDERS.'
      );
    },
  };
}
