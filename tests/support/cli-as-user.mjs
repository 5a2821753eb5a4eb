// Runs the command line as another user, for tests of read-only media: root ignores file modes,
// and CI runs as root. Every module is loaded first, as root, so the checkout itself need not be
// readable by that user (a fresh clone may sit in a private folder); then the process drops to
// the user and runs the command. Usage: node cli-as-user.mjs <uid> <assay args…>
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../../electron/cli/main.ts');
// better-sqlite3 loads its native addon on first use: load it now, while the checkout is readable.
const { default: Database } = await import('better-sqlite3');
new Database(':memory:').close();
const uid = Number(process.argv[2]);
process.setgid(uid);
process.setuid(uid);
process.exitCode = await main(process.argv.slice(3));
