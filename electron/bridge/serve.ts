/**
 * `npm run web`: the Assay UI in a browser, over the loopback bridge. Not part of the packaged app.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultContext } from '../handlers/context';
import { closeAll } from '../handlers/open-files';
import { stopAllJobs } from '../jobs/runner';
import { foldersFromStart } from './allowed-folders';
import { newToken, startBridge } from './server';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error(`assay web: the UI is not built (${staticDir}/index.html is missing); run: npm run web`);
  process.exit(1);
}

const token = process.env.ASSAY_BRIDGE_TOKEN || newToken();
const port = Number(process.env.ASSAY_BRIDGE_PORT ?? 5199);
const ctx = defaultContext();
// Commands may name files only in the documents folder and the folders named at start.
const allowedFolders = [ctx.defaultFolder, ...foldersFromStart(process.argv.slice(2))];
const bridge = await startBridge({ token, staticDir, port, ctx, allowedFolders }).catch(async (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE' || process.env.ASSAY_BRIDGE_PORT) throw error;
  console.error(`assay web: port ${port} is taken; using a free one`);
  return startBridge({ token, staticDir, port: 0, ctx, allowedFolders });
});

console.log(`Assay is running at ${bridge.url}#token=${token}`);
console.log('Open that address in a browser on this machine. Press Ctrl+C to stop.');
console.log(`Files may be opened in: ${bridge.folders.join(', ')} (add more with: npm run web -- --allow <folder>)`);

function stop(): void {
  void stopAllJobs()
    .then(() => closeAll())
    .then(() => bridge.close())
    .then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
