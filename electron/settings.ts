import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The app's own settings on this machine; nothing about any assessment. */
const Settings = z.object({ displayName: z.string().nullable().default(null) });
export type Settings = z.infer<typeof Settings>;

function settingsPath(home: string): string {
  return join(home, 'settings.json');
}

export function readSettings(home: string): Settings {
  try {
    const parsed = Settings.safeParse(JSON.parse(readFileSync(settingsPath(home), 'utf8')));
    return parsed.success ? parsed.data : { displayName: null };
  } catch {
    return { displayName: null };
  }
}

export function writeSettings(home: string, settings: Settings): void {
  mkdirSync(home, { recursive: true });
  const temp = `${settingsPath(home)}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(settings, null, 2));
  renameSync(temp, settingsPath(home));
}
