import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { csvReader } from '../../electron/imports/formats/csv';
import { jsonTableReader } from '../../electron/imports/formats/json';
import { xlsxReader } from '../../electron/imports/formats/xlsx';
import { openSource } from '../../electron/imports/source';
import { loadSavedMapping, mappingsDir, saveMapping } from '../../electron/imports/tabular/saved-mappings';
import { mapColumns, riskFields } from '../../shared/imports/column-mapping';
import { AssayError } from '../../shared/errors';
import { tempDir } from './helpers';
import { messyRegister, readContext } from './tabular-fixtures';

const catalog = loadBundledCatalog();

/** Reading either gives records or refuses with an AssayError naming the file; nothing else. */
async function readsOrRefuses(read: () => unknown, name: string): Promise<void> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(AssayError);
    expect((error as Error).message).toContain(name);
  }
}

describe('hostile and random tables', () => {
  it('CSV and JSON readers never crash on random or mutated text (property)', async () => {
    const dir = tempDir();
    const seed = 'Risk ID,Risk,System,Likelihood,Impact,Review date\nR1,"Prompt, injection",Support,Likely,4,01/03/2026\n';
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400 }), fc.tuple(fc.nat(seed.length), fc.string({ maxLength: 8 })).map(([at, s]) => seed.slice(0, at) + s + seed.slice(at))), async (text) => {
        const csv = join(dir, 'fuzz.csv');
        writeFileSync(csv, text);
        await readsOrRefuses(() => csvReader.read(openSource(csv), readContext(catalog).ctx), 'fuzz.csv');
        const json = join(dir, 'fuzz.json');
        writeFileSync(json, text);
        await readsOrRefuses(() => jsonTableReader.read(openSource(json), readContext(catalog).ctx), 'fuzz.json');
      }),
      { numRuns: 150 },
    );
  });

  it('the workbook reader refuses truncated and byte-flipped workbooks with a clear error (property)', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.xlsx');
    await messyRegister(good);
    const bytes = readFileSync(good);
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, flip, truncate) => {
        const bad = join(dir, 'bad.xlsx');
        const copy = Buffer.from(bytes);
        if (truncate) writeFileSync(bad, copy.subarray(0, at));
        else {
          copy[at] = copy[at]! ^ flip;
          writeFileSync(bad, copy);
        }
        await readsOrRefuses(() => xlsxReader.read(openSource(bad), readContext(catalog).ctx), 'bad.xlsx');
      }),
      { numRuns: 40 },
    );
  });
});

describe('saved mappings', () => {
  it('saves a mapping in the settings folder and loads it by name; names that could leave the folder are refused', () => {
    const env = { ASSAY_HOME: tempDir() };
    const mapping = mapColumns(['Thing', 'Chance', 'Harm'], riskFields, { given: { Thing: 'title', Chance: 'likelihood', Harm: 'impact' } });
    const file = saveMapping('acme-register', mapping, 'risk', '2026-03-10T10:00:00Z', env);
    expect(file).toBe(join(mappingsDir(env), 'acme-register.json'));
    expect(loadSavedMapping('acme-register', env)).toEqual({ version: 1, name: 'acme-register', kind: 'risk', mapping: { Thing: 'title', Chance: 'likelihood', Harm: 'impact' }, savedAt: '2026-03-10T10:00:00Z' });
    expect(loadSavedMapping('nobody', env)).toBeUndefined();
    expect(() => saveMapping('../escape', mapping, 'risk', 'now', env)).toThrow(/cannot name a saved mapping/);
    writeFileSync(join(mappingsDir(env), 'broken.json'), '{"version": 2}');
    expect(() => loadSavedMapping('broken', env)).toThrow(/broken\.json: is not a saved column mapping/);
  });
});
