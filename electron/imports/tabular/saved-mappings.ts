import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AssayError } from '../../../shared/errors';
import type { ColumnMapping } from '../../../shared/imports/model';
import { appHome } from '../../paths';
import { parseJson } from '../safe-json';

/**
 * Column mappings saved per source ("ciso-assistant", "acme-register") in the user's settings
 * folder, one JSON file each (<home>/mappings/<name>.json), so the next file from the same source
 * imports without mapping it again. Names are plain words: a name can never reach outside the folder.
 */

const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

export const SavedMapping = z
  .object({
    version: z.literal(1),
    name: z.string(),
    /** What the table's rows became: risk or control. */
    kind: z.enum(['risk', 'control']),
    mapping: z.record(z.string().max(200), z.string().max(100)),
    savedAt: z.string(),
  })
  .strict();
export type SavedMapping = z.infer<typeof SavedMapping>;

export function mappingsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(appHome(env), 'mappings');
}

function fileOf(name: string, env: NodeJS.ProcessEnv): string {
  if (!NAME.test(name) || name.includes('..'))
    throw new AssayError('usage', `"${name}" cannot name a saved mapping: use letters, digits, spaces, dots, dashes and underscores (e.g. ciso-assistant)`);
  return join(mappingsDir(env), `${name}.json`);
}

/** A saved mapping by name, or undefined when none has that name; a damaged file is an error naming it. */
export function loadSavedMapping(name: string, env: NodeJS.ProcessEnv = process.env): SavedMapping | undefined {
  const file = fileOf(name, env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AssayError('invalid_input', `${file}: cannot be read (${(error as Error).message})`);
  }
  const parsed = SavedMapping.safeParse(parseJson(text, file));
  if (!parsed.success) throw new AssayError('invalid_input', `${file}: is not a saved column mapping (${parsed.error.issues[0]?.message}); delete it or save the mapping again`);
  return parsed.data;
}

export function listSavedMappings(env: NodeJS.ProcessEnv = process.env): string[] {
  try {
    return readdirSync(mappingsDir(env))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Saves the mapping an import used under `name` (the engine calls this after a successful import
 * when ImportOptions.saveMapping is given). Written to a temporary file and renamed into place.
 */
export function saveMapping(name: string, mapping: ColumnMapping, kind: 'risk' | 'control', at: string, env: NodeJS.ProcessEnv = process.env): string {
  const file = fileOf(name, env);
  const saved: SavedMapping = { version: 1, name, kind, mapping: { ...mapping.mapping }, savedAt: at };
  mkdirSync(mappingsDir(env), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return file;
}

/** What the engine gives readers as ReadContext.savedMapping: a saved mapping's column → field pairs by name. */
export function savedMappingLookup(env: NodeJS.ProcessEnv = process.env): (name: string) => Record<string, string> | undefined {
  return (name) => loadSavedMapping(name, env)?.mapping;
}
