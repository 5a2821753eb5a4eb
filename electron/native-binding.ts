import { join } from 'node:path';

/**
 * Where the Electron-ABI build of better-sqlite3 lives. Tests and the command line use the
 * Node build in node_modules; the app must not, as the two ABIs differ.
 */
export function electronNativeBinding(options: {
  packaged: boolean;
  resourcesPath: string;
  appRoot: string;
  modulesAbi: string;
}): string {
  return options.packaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appRoot, 'native', `electron-abi${options.modulesAbi}`, 'better_sqlite3.node');
}
