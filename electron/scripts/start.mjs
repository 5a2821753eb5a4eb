// `npm start`: build and launch the desktop app. Where the Electron binary is missing (it is
// downloaded by electron's install script, which needs the internet), say so and name the ways on.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, ensureElectronSqlite, root, run } from './electron-native.mjs';

const electron = electronBinary();
if (electron.missing) {
  console.error(
    [
      'Assay cannot start its desktop window: the Electron binary is not installed.',
      `  Why: ${electron.missing}.`,
      'Two ways on:',
      '  1. Install the binary on a machine with internet access:  node node_modules/electron/install.js',
      '     (or: rm -rf node_modules/electron && npm install), then run npm start again.',
      '  2. Use Assay in your browser instead:  npm run web',
    ].join('\n'),
  );
  process.exit(1);
}

try {
  ensureElectronSqlite();
} catch (error) {
  console.error(`Assay cannot start: ${error.message}\nUse Assay in your browser instead: npm run web`);
  process.exit(1);
}
run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 0));
