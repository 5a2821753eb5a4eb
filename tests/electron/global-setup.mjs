// `npm run test:electron` drives the real desktop app, so it needs the Electron binary, which
// Electron's install script downloads. Where it is missing this fails with a clear message (it
// never passes silently). Also run on its own, before the build: `node tests/electron/global-setup.mjs`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, ensureElectronSqlite, root } from '../../electron/scripts/electron-native.mjs';

export function electronProblem() {
  const electron = electronBinary();
  if (electron.missing)
    return [
      `npm run test:electron needs the Electron binary, and it is not installed: ${electron.missing}.`,
      'Install it on a machine with internet access (node node_modules/electron/install.js, or',
      'rm -rf node_modules/electron && npm install), then run npm run test:electron again.',
      'Everything else is tested without it: npm test (the same UI in Chromium over the loopback bridge).',
    ].join('\n');
  return null;
}

export default function globalSetup() {
  const problem = electronProblem();
  if (problem) throw new Error(problem);
  // The app loads an Electron-ABI build of better-sqlite3 from native/, as `npm start` makes it.
  ensureElectronSqlite();
  if (!existsSync(join(root, 'out/main/main.js'))) throw new Error('out/main/main.js is missing: run npm run build first');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = electronProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
