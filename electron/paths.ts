import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Assay keeps its own small state (the recent-files list); the same folder Electron calls userData. */
export function appHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ASSAY_HOME) return resolve(env.ASSAY_HOME);
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Assay');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Assay');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Assay');
}

/** Where new assessments are proposed to go. */
export function defaultAssessmentFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ASSAY_DOCUMENTS) return resolve(env.ASSAY_DOCUMENTS);
  return join(homedir(), 'Documents', 'Assay');
}

/**
 * The bundled catalog: beside the packaged app's resources, or at the top of a checkout.
 * Walking up from this module works from the sources and from electron-vite's out/ folder alike.
 */
export function frameworksDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ASSAY_FRAMEWORKS_DIR) return resolve(env.ASSAY_FRAMEWORKS_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = resources ? [join(resources, 'frameworks')] : [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'frameworks'));
    dir = dirname(dir);
  }
  const found = candidates.find((c) => existsSync(join(c, 'catalog.yaml')));
  if (!found) throw new Error(`the bundled catalog (frameworks/catalog.yaml) was not found; looked in ${candidates.join(', ')}`);
  return found;
}
