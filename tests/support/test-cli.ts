import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The command line as the unit tests spawn it, built once per run. The `assay` bin runs the
 * TypeScript sources through tsx, whose loader hooks cost some two seconds a start over the
 * thousand modules a command loads; tests start the command line hundreds of times. This is the
 * same sources compiled once by esbuild (the compiler tsx itself uses), with the packages left to
 * node as the bin leaves them. Tests of the bin itself (its escaping, kills, running as another
 * user, the README's examples) keep spawning electron/cli/assay.mjs.
 *
 * It sits at out/test-cli, two folders down like electron/cli, so what the sources find from their
 * own place (package.json, frameworks/, the job worker beside them) is found the same way.
 */
export function buildTestCli(root: string = resolve('.')): string {
  const dir = join(root, 'out', 'test-cli');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, "import { main } from '../../electron/cli/main';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' } as const;
  buildSync({ ...common, entryPoints: [entry], outfile: join(dir, 'assay.mjs') });
  // The runner starts jobs from jobs-worker.js beside the compiled module (see electron/jobs/runner.ts).
  buildSync({ ...common, entryPoints: [join(root, 'electron/jobs/worker.ts')], outfile: join(dir, 'jobs-worker.js') });
  return join(dir, 'assay.mjs');
}
