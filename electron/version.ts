import { readFileSync } from 'node:fs';

/** Read from package.json so the app, the bridge and the command line report one version. */
function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'assay' && pkg.version) return pkg.version;
    } catch {
      // try the next location: sources and bundles sit at different depths
    }
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
