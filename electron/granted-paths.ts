import { basename, dirname, join, resolve } from 'node:path';

/**
 * The desktop app's rule for file paths from the renderer: main accepts a path only when the
 * user chose it (a file dialog, a drop on the window, the recent list main keeps, the file the
 * app was launched with). A compromised page therefore cannot name /etc/passwd or ~/.ssh/id_rsa.
 */
export class GrantedPaths {
  private readonly paths = new Set<string>();

  /** @param newFilesFolder where "New assessment" may create a file without a dialog (the proposed documents folder) */
  constructor(private readonly newFilesFolder: string) {}

  /** Records a path the user chose; passes it through so callers can grant and return in one step. */
  grant<T extends string | null | undefined>(path: T): T {
    if (path) this.paths.add(resolve(path));
    return path;
  }

  has(path: string): boolean {
    return this.paths.has(resolve(path));
  }

  /** Creating an assessment or the sample directly in the proposed folder needs no dialog. */
  private isNewFileCommand(command: string): boolean {
    return command === 'assessment.create' || command === 'assessment.sample';
  }

  inNewFilesFolder(path: string): boolean {
    return dirname(resolve(path)) === resolve(this.newFilesFolder);
  }

  /**
   * The sample lives at a name Assay proposes in that folder: once asked for, it may be opened
   * again (written now or on an earlier day) without a dialog.
   */
  grantSample(path: unknown): void {
    if (typeof path === 'string' && this.inNewFilesFolder(path)) this.grant(path);
  }

  /** A backup in the "<name> backups" folder of a file the user chose: the Backups panel lists them to restore. */
  private isBackupOfGranted(path: string): boolean {
    const folder = dirname(resolve(path));
    const name = basename(folder);
    return name.endsWith(' backups') && this.has(join(dirname(folder), `${name.slice(0, -' backups'.length)}.assay`));
  }

  /** Why a command's paths (validated input) are refused, or undefined when the user chose every one. */
  problem(command: string, paths: string[]): string | undefined {
    for (const path of paths) {
      if (this.has(path) || this.isBackupOfGranted(path)) continue;
      // A new file directly in the proposed folder is what the New assessment form offers by default.
      if (this.isNewFileCommand(command) && this.inNewFilesFolder(path)) continue;
      return `${command}: ${path} was not chosen in this window; choose it with Browse…, drop it on the window or pick it from the recent list`;
    }
    return undefined;
  }
}
