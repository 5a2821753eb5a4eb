import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../electron/imports/source';
import { tempDir } from './helpers';

/** How import sources are decoded: strictly UTF-8, with the place of a bad byte named. */
describe('import sources', () => {
  function file(name: string, bytes: Buffer): string {
    const path = join(tempDir(), name);
    writeFileSync(path, bytes);
    return path;
  }

  const lines = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `{"n":${i + from},"text":"${'x'.repeat(200)}"}`).join('\n') + '\n';

  it('reads lines streamed, a BOM dropped and CRLF ends taken off', () => {
    const source = openSource(file('a.jsonl', Buffer.from('\uFEFF{"a":1}\r\n{"b":2}\n{"c":3}')));
    expect([...source.lines()]).toEqual([
      { number: 1, line: '{"a":1}' },
      { number: 2, line: '{"b":2}' },
      { number: 3, line: '{"c":3}' },
    ]);
  });

  it('gives the same lines however the 1 MiB reads cut them: multibyte characters and CRLF on the boundary, a line longer than a read', () => {
    const MiB = 1024 * 1024;
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(
        // A first line that ends near the first read's end, then random lines (emoji, accents, CR), one of them maybe longer than a read.
        fc.integer({ min: -6, max: 6 }),
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        (shift, rest, long, endsWithNewline, eol) => {
          const lines = ['a'.repeat(MiB + shift - 3) + 'é€', ...rest, ...(long ? ['😀'.repeat(MiB / 3)] : []), 'last'];
          const path = join(dir, `lines-${n++}.jsonl`);
          writeFileSync(path, lines.join(eol) + (endsWithNewline ? eol : ''));
          const expected = lines.map((l, i) => ({ number: i + 1, line: eol === '\r\n' ? l : l.replace(/\r$/, '') }));
          expect([...openSource(path).lines()]).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps a U+FFFD the file really holds, and names the line after which an invalid byte comes', () => {
    const real = openSource(file('ok.jsonl', Buffer.from(`${lines(3)}{"text":"\uFFFD"}\n`)));
    expect([...real.lines()].at(-1)?.line).toBe('{"text":"\uFFFD"}');
    // Far into the file, past several read chunks.
    const bad = Buffer.concat([Buffer.from(lines(20_000)), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    const source = openSource(file('bad.jsonl', bad));
    expect(() => [...source.lines()]).toThrow('bad.jsonl: is not UTF-8 text (an invalid byte on line 20001); save it as UTF-8 and import it again');
    // A sequence cut off by the end of the file.
    const cut = openSource(file('cut.jsonl', Buffer.concat([Buffer.from(lines(2)), Buffer.from([0xe2, 0x82])])));
    expect(() => [...cut.lines()]).toThrow(/cut\.jsonl: is not UTF-8 text \(an invalid byte on line 3\)/);
  });

  it('names the line of an invalid byte in a file read whole, without reading it again for every piece', () => {
    const bad = Buffer.concat([Buffer.from(lines(30_000)), Buffer.from('{"n":0,"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const source = openSource(file('register.json', bad));
    expect(() => source.text()).toThrow(/register\.json: is not UTF-8 text \(an invalid byte on line 30001\)/);
  });
});
