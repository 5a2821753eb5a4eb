import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type Terminal, obtainPassphrase } from '../../electron/cli/passphrase';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import { namesIn } from './package-fixture';
import { runAssay, tempDir } from './helpers';

const PASS = 'a long enough passphrase';

function newAssessment(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'a.assay');
  createAssessment(file, { name: 'Carried', catalog: loadBundledCatalog(), actor: 'tester' }).close();
  return { dir, file };
}

describe('assay pack and assay unpack', () => {
  it('round trip through the real command line: the passphrase from the environment, then from a file; the copy verifies at the packed head', { timeout: 300_000 }, () => {
    const { dir } = newAssessment();
    const packed = runAssay(dir, ['pack', 'a.assay', '--out', 'a.assaypkg', '--json'], { ASSAY_PASSPHRASE: PASS });
    expect(packed.code, packed.err).toBe(0);
    const result = JSON.parse(packed.out) as { head: string; includesSecret: boolean; bytes: number };
    expect(result.includesSecret).toBe(false);
    expect(readFileSync(join(dir, 'a.assaypkg')).subarray(0, 8).toString('latin1')).toBe('ASSAYPKG');
    expect(readFileSync(join(dir, 'a.assaypkg')).length).toBe(result.bytes);

    writeFileSync(join(dir, 'pass.txt'), `${PASS}\n`);
    const wrong = runAssay(dir, ['unpack', 'a.assaypkg', '--out', 'b.assay'], { ASSAY_PASSPHRASE: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/a\.assaypkg: wrong passphrase/);
    expect(existsSync(join(dir, 'b.assay'))).toBe(false);

    // The file wins over the environment: the explicit option is what was meant.
    const opened = runAssay(dir, ['unpack', 'a.assaypkg', '--out', 'b.assay', '--passphrase-file', 'pass.txt'], { ASSAY_PASSPHRASE: 'not the passphrase' });
    expect(opened.code, opened.err).toBe(0);
    expect(opened.out).toContain(`head: ${result.head}`);
    const verified = runAssay(dir, ['verify', 'b.assay', '--expect-head', result.head]);
    expect(verified.code, verified.out + verified.err).toBe(0);
  });

  it('without a terminal, a passphrase file or ASSAY_PASSPHRASE it is a usage error naming both; a --passphrase option does not exist', { timeout: 300_000 }, () => {
    const { dir } = newAssessment();
    const before = namesIn(dir);
    const none = runAssay(dir, ['pack', 'a.assay', '--out', 'a.assaypkg'], { ASSAY_PASSPHRASE: undefined });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/--passphrase-file <path> or set ASSAY_PASSPHRASE/);
    const onLine = runAssay(dir, ['pack', 'a.assay', '--out', 'a.assaypkg', '--passphrase', PASS]);
    expect(onLine.code).toBe(2);
    expect(onLine.err).toMatch(/unknown option '--passphrase'/);
    expect(onLine.err).not.toContain(PASS);
    const short = runAssay(dir, ['pack', 'a.assay', '--out', 'a.assaypkg'], { ASSAY_PASSPHRASE: 'short' });
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/passphrase: a passphrase of at least 8 characters is required/);
    expect(short.err).not.toContain('short\n');
    expect(namesIn(dir)).toEqual(before);
  });

  it('an altered and a truncated package each fail with their own message, exit 1, and write nothing', { timeout: 300_000 }, () => {
    const { dir } = newAssessment();
    expect(runAssay(dir, ['pack', 'a.assay', '--out', 'a.assaypkg'], { ASSAY_PASSPHRASE: PASS }).code).toBe(0);
    const bytes = readFileSync(join(dir, 'a.assaypkg'));
    const altered = Buffer.from(bytes);
    altered[200] = altered[200]! ^ 1;
    writeFileSync(join(dir, 'altered.assaypkg'), altered);
    writeFileSync(join(dir, 'cut.assaypkg'), bytes.subarray(0, bytes.length - 16));
    const before = namesIn(dir);
    const a = runAssay(dir, ['unpack', 'altered.assaypkg', '--out', 'x.assay'], { ASSAY_PASSPHRASE: PASS });
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/altered\.assaypkg: the package is altered: chunk 1 of 1 fails authentication/);
    const t = runAssay(dir, ['unpack', 'cut.assaypkg', '--out', 'x.assay'], { ASSAY_PASSPHRASE: PASS });
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/cut\.assaypkg: the package is truncated/);
    expect(namesIn(dir)).toEqual(before);
  });
});

/** A terminal made of two streams: what the user types goes into `input`; what is shown comes out of `output`. */
function fakeTerminal(typed: string[]): { terminal: Terminal; shown: () => string; rawModes: boolean[] } {
  const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  const setRawMode = (mode: boolean) => {
    input.rawModes.push(mode);
    return input as unknown as NodeJS.ReadStream;
  };
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    // Types the next line once a question is shown, as a person would.
    if (/: $/.test(shown) && typed.length > 0) input.write(typed.shift()!);
  });
  return {
    terminal: { input: Object.assign(input, { setRawMode }) as unknown as Terminal['input'], output: Object.assign(output, { isTTY: true }) as unknown as Terminal['output'] },
    shown: () => shown,
    rawModes: input.rawModes,
  };
}

describe('assay review of a package', () => {
  it('opens the package into an assessment beside it and verifies that copy read-only, in one step', { timeout: 300_000 }, () => {
    const { dir } = newAssessment();
    expect(runAssay(dir, ['pack', 'a.assay', '--out', 'client.assaypkg'], { ASSAY_PASSPHRASE: PASS }).code).toBe(0);
    const wrong = runAssay(dir, ['review', 'client.assaypkg'], { ASSAY_PASSPHRASE: 'not the passphrase' });
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringMatching(/client\.assaypkg: wrong passphrase/)]);
    expect(existsSync(join(dir, 'client.assay'))).toBe(false);

    const reviewed = runAssay(dir, ['review', 'client.assaypkg'], { ASSAY_PASSPHRASE: PASS });
    expect(reviewed.code, reviewed.err).toBe(0);
    expect(reviewed.out).toMatch(/^unpacked into .*client\.assay \(.*\n(.*\n)*Reviewing that copy, read-only:$/m);
    expect(reviewed.out).toMatch(/^OK: .*client\.assay \(head 1:[0-9a-f]+\)$/m);
    // The findings go beside that copy, as for any assessment under review.
    const finding = runAssay(dir, ['review', 'add-finding', 'client.assay', '--on', 'control:GOV-01', '--grade', 'minor', '--text', 'No policy owner.']);
    expect(finding.code, finding.err).toBe(0);
    // Opened once: a second time the copy is there and is not written over.
    const again = runAssay(dir, ['review', 'client.assaypkg'], { ASSAY_PASSPHRASE: PASS });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/client\.assay/);
    const misuse = runAssay(dir, ['review', 'a.assay', '--out', 'x.assay']);
    expect([misuse.code, misuse.err]).toEqual([2, expect.stringMatching(/--out and --passphrase-file are for a package; a\.assay is not one/)]);
  });
});

describe('assay call and passphrases', () => {
  it('refuses a passphrase in a command-line argument, naming the field and not echoing it, and takes the same input on standard input', { timeout: 120_000 }, () => {
    const { dir } = newAssessment();
    const before = namesIn(dir);
    const input = JSON.stringify({ file: 'a.assay', out: 'a.assaypkg', passphrase: PASS });
    const onLine = runAssay(dir, ['call', 'package.pack', input]);
    expect(onLine.code).toBe(2);
    expect(onLine.err).toMatch(/call package\.pack: the input names passphrase, and a passphrase is never put on a command line; give the input on standard input/);
    expect(onLine.err + onLine.out).not.toContain(PASS);
    const nested = runAssay(dir, ['call', 'keys.create', JSON.stringify({ name: 'Dana', options: { keyPassword: PASS } })]);
    expect([nested.code, nested.err]).toEqual([2, expect.stringMatching(/the input names options\.keyPassword/)]);
    expect(namesIn(dir)).toEqual(before);

    const piped = runAssay(dir, ['call', 'keys.create', '-'], {}, JSON.stringify({ name: 'Dana Lee', passphrase: PASS }));
    expect(piped.code, piped.err).toBe(0);
    expect(JSON.parse(piped.out)).toMatchObject({ key: { name: 'Dana Lee' } });
  });
});

describe('the passphrase prompt', () => {
  it('asks twice for a new package, in raw mode, echoing nothing, and honours backspace', async () => {
    const t = fakeTerminal(['secretX\u007f-one\r', 'secret-one\r']);
    await expect(obtainPassphrase({ confirm: true, command: 'pack', env: {}, terminal: t.terminal })).resolves.toBe('secret-one');
    expect(t.shown()).toBe('Passphrase: \nPassphrase again: \n');
    expect(t.rawModes).toEqual([true, false, true, false]);
  });

  it('refuses two different answers, and gives up on Ctrl-C', async () => {
    const differ = fakeTerminal(['secret-one\r', 'secret-two\r']);
    await expect(obtainPassphrase({ confirm: true, command: 'pack', env: {}, terminal: differ.terminal })).rejects.toThrow(/the two passphrases differ/);
    const abandoned = fakeTerminal(['sec\u0003']);
    await expect(obtainPassphrase({ confirm: false, command: 'unpack', env: {}, terminal: abandoned.terminal })).rejects.toThrow(/no passphrase was given/);
    expect(abandoned.rawModes).toEqual([true, false]);
  });
});
