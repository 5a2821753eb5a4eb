import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../shared/commands';
import { fileExists } from './store/sqlite';

const MAX_RECENT = 12;
const Stored = z.array(z.object({ file: z.string(), name: z.string(), openedAt: z.string() }));

function recentPath(home: string): string {
  return join(home, 'recent.json');
}

function readStored(home: string): z.infer<typeof Stored> {
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(recentPath(home), 'utf8')));
    // A damaged list is not worth an error dialog: it only remembers convenience.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function listRecent(home: string): RecentFile[] {
  return readStored(home).map((r) => ({ ...r, exists: fileExists(r.file) }));
}

export function rememberRecent(home: string, entry: { file: string; name: string; openedAt: string }): void {
  const list = [entry, ...readStored(home).filter((r) => r.file !== entry.file)].slice(0, MAX_RECENT);
  mkdirSync(home, { recursive: true });
  const temp = `${recentPath(home)}.tmp`;
  writeFileSync(temp, JSON.stringify(list, null, 2));
  renameSync(temp, recentPath(home));
}
