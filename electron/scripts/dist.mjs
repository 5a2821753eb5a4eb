// `npm run dist [-- --linux|--win|--mac]`: package the desktop app with electron-builder.
// Needs a connected machine: electron-builder downloads Electron itself.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, ensureElectronSqlite, root, run } from './electron-native.mjs';

let binding;
try {
  binding = ensureElectronSqlite();
} catch (error) {
  console.error(`Assay cannot be packaged here: ${error.message}. Packaging needs a machine with internet access.`);
  process.exit(1);
}
// electron-builder.yml ships this one file as resources/native/better_sqlite3.node.
mkdirSync(join(root, 'native', 'package'), { recursive: true });
copyFileSync(binding, join(root, 'native', 'package', 'better_sqlite3.node'));
run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);

// See electron-native.mjs: npm's variables would misdirect any native rebuild.
run(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), ...process.argv.slice(2)], { env: cleanEnv() });
