import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * A benchmark's child script compiled as the app ships its code: bundled by esbuild into
 * out/bench (two folders down, like the sources, so what they find from their own place is found
 * the same way), packages left to node. Run through tsx instead, a child carries the loader and
 * the compiled sources of a thousand modules, some 55 MiB the app never has, and a peak-memory
 * figure would measure the tooling rather than the work.
 */
const built = new Map<string, string>();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function compiledChild(name: string, root: string = ROOT): string {
  const known = built.get(name);
  if (known) return known;
  const dir = join(root, 'out', 'bench');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  buildSync({
    entryPoints: [join(root, 'tests', 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  built.set(name, outfile);
  return outfile;
}
