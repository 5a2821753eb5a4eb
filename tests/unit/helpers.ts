import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';

const made: string[] = [];

/** A fresh folder per test, removed afterwards: tests work on real files. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-test-'));
  made.push(dir);
  return dir;
}

afterEach(() => {
  closeAll();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function testContext(dir: string, overrides: Partial<HandlerContext> = {}): HandlerContext {
  return { actor: 'tester', home: join(dir, 'home'), defaultFolder: join(dir, 'docs'), recordRecent: true, ...overrides };
}
