// Builds better-sqlite3 for Electron's ABI into native/, beside the Node build that tests and
// the command line keep using. Shared by `npm start` and `npm run dist`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function electronVersion() {
  return JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
}

export function electronAbi() {
  return readFileSync(join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
}

/**
 * The Electron binary, or the reason it is missing in our words. Electron's own index.js would
 * throw "Electron failed to install correctly…" when its download never happened; `npm start`
 * explains that better itself, so the package's path file is read here instead of requiring it.
 */
export function electronBinary(dir = join(root, 'node_modules/electron')) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(join(dir, 'package.json'))) return { missing: 'the electron package is not in node_modules (run npm install)' };
  if (!existsSync(pathFile)) return { missing: 'its download never ran or did not finish (node_modules/electron/path.txt is absent)' };
  const executable = readFileSync(pathFile, 'utf8');
  const path = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron')
    : join(dir, 'dist', executable);
  return existsSync(path) ? { path } : { missing: `${path} does not exist` };
}

export function nativeDir() {
  return join(root, 'native', `electron-abi${electronAbi()}`);
}

/**
 * npm exports npm_config_* into scripts; node-gyp would read npm_config_nodedir and silently
 * build against Node's headers while stamping the result as Electron's. Strip them.
 */
export function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
}

export function ensureElectronSqlite({ log = console.log } = {}) {
  const target = join(nativeDir(), 'better_sqlite3.node');
  if (existsSync(target)) return target;
  const version = electronVersion();
  log(`Building better-sqlite3 for Electron ${version} (ABI ${electronAbi()}); this happens once and takes a minute or two.`);
  const work = join(root, '.cache', `better-sqlite3-electron-${version}`);
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`) });
  // First choice: the prebuilt binary better-sqlite3 publishes for this Electron version (no compiler needed).
  const prebuilt = spawnSync(
    process.execPath,
    [require.resolve('prebuild-install/bin.js'), '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`],
    { cwd: work, stdio: 'inherit', env: cleanEnv() },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (prebuilt.status !== 0 || !existsSync(built)) {
    log('No prebuilt binary for this Electron version; compiling from source instead.');
    const gyp = spawnSync(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${process.arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work, stdio: 'inherit', env: cleanEnv() },
    );
    if (gyp.status !== 0)
      throw new Error('building better-sqlite3 for Electron failed (it needs the Electron headers from the internet, Python and a C++ compiler)');
  }
  mkdirSync(nativeDir(), { recursive: true });
  cpSync(built, target);
  return target;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
