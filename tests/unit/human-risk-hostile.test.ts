import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knowbe4Reader } from '../../electron/imports/formats/knowbe4';
import { mimecastReader } from '../../electron/imports/formats/mimecast';
import type { FormatReader } from '../../electron/imports/importer';
import { MetricInput } from '../../shared/domain/human-risk/model';
import { AssayError } from '../../shared/errors';
import { FIXTURES, readWith } from './human-risk-fakes';
import { tempDir } from './helpers';

/** A reader either gives valid figures or refuses with a clear error naming the file; it never crashes. */
async function outcome(reader: FormatReader, path: string): Promise<'read' | 'refused'> {
  try {
    const r = await readWith(reader, path, null);
    for (const record of r.records) expect(MetricInput.safeParse(record.data).success, JSON.stringify(record.data)).toBe(true);
    return 'read';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(AssayError);
    expect((error as Error).message).toContain(path.split('/').pop()!);
    return 'refused';
  }
}

const samples: [FormatReader, string][] = [
  [knowbe4Reader, 'phishing_security_tests_response.json'],
  [knowbe4Reader, 'phishing_security_tests_failed_recipients_response.json'],
  [knowbe4Reader, 'training_enrollments_response.json'],
  [knowbe4Reader, 'knowbe4-users.json'],
  [mimecastReader, 'mimecast-safescore.csv'],
];

describe('hostile human-risk input', () => {
  it('mutated and truncated samples: valid figures or a clear refusal, never a crash', async () => {
    const dir = tempDir();
    for (const [reader, name] of samples) {
      const original = readFileSync(join(FIXTURES, name));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat()), async (edits, cut) => {
          const bytes = Buffer.from(original);
          for (const [at, value] of edits) bytes[at % bytes.length] = value;
          const path = join(dir, `mutated-${name}`);
          writeFileSync(path, cut === null ? bytes : bytes.subarray(0, cut % bytes.length));
          await outcome(reader, path);
        }),
        { numRuns: 40 },
      );
    }
  }, 60_000);

  it('any JSON value: KnowBe4 reads it or refuses it clearly', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const path = join(dir, 'random.json');
        writeFileSync(path, JSON.stringify(value));
        await outcome(knowbe4Reader, path);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('refuses prototype keys and absurd nesting by name', async () => {
    const dir = tempDir();
    const proto = join(dir, 'proto.json');
    writeFileSync(proto, '[{"enrollment_id": 1, "__proto__": {"admin": true}, "user": {"email": "x@example.com"}, "status": "Passed", "enrollment_date": "2026-01-01"}]');
    await expect(readWith(knowbe4Reader, proto, null)).rejects.toThrow(/proto.json: has a key "__proto__"/);
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    await expect(readWith(knowbe4Reader, deep, null)).rejects.toThrow(/deep.json: nests objects or arrays deeper than/);
  });
});
