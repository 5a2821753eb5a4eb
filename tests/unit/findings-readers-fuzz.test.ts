import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avidReader } from '../../electron/imports/formats/avid';
import { garakReader } from '../../electron/imports/formats/garak';
import { promptfooReader } from '../../electron/imports/formats/promptfoo';
import type { FormatReader } from '../../electron/imports/importer';
import { openSource } from '../../electron/imports/source';
import { AssayError } from '../../shared/errors';
import { FindingData } from '../../shared/imports/finding-data';
import { tempDir } from './helpers';
import { FIXTURES, readContext } from './redteam-fake-context';

/**
 * Random and mutated inputs never crash a red-team reader: each either reads (every record a valid
 * finding) or refuses with a clear AssayError naming the file.
 */
const cases: [FormatReader, string][] = [
  [garakReader, 'own-garak-failing.report.jsonl'],
  [garakReader, 'tbsa_digest_0.json'],
  [promptfooReader, 'Security_Prompt_Injection_Resilience_results.json'],
  [promptfooReader, 'report_my-red-team-configuration.csv'],
  [avidReader, 'AVID-2026-R0125.json'],
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('"__proto__":1,', '{', ']', '\u0000', '"', ',', '\n', '[[[[[[[[', '"constructor":{}', 'null', '\uFEFF', '\u{E0041}') }),
);

function mutate(bytes: Buffer, steps: { kind: string; at: number; byte?: number; text?: string }[]): Buffer {
  let out = bytes;
  for (const s of steps) {
    const at = out.length ? s.at % out.length : 0;
    if (s.kind === 'cut') out = out.subarray(0, at);
    else if (s.kind === 'flip') out = Buffer.concat([out.subarray(0, at), Buffer.from([s.byte!]), out.subarray(at + 1)]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(s.text!), out.subarray(at)]);
  }
  return out;
}

describe('red-team readers under random and mutated input', () => {
  for (const [reader, name] of cases)
    it(`${reader.format} on mutations of ${name}: reads or refuses clearly`, async () => {
      const dir = tempDir();
      const original = readFileSync(join(FIXTURES, name));
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (steps) => {
          const file = join(dir, name);
          writeFileSync(file, mutate(original, steps));
          try {
            const { records } = await reader.read(openSource(file), readContext().ctx);
            for (const r of records) expect(FindingData.safeParse(r.data).success).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AssayError);
            expect((error as Error).message).toContain(name);
          }
        }),
        { numRuns: 40, seed: 20261128 },
      );
    });
});
