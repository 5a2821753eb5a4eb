import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll } from '../../electron/handlers/open-files';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { runAssay, tempDir, testContext } from './helpers';

/**
 * The command line through its real entry, in a child process. What a test needs beforehand is
 * made in-process through the same command table, with the settings folder the child uses
 * (runAssay sets ASSAY_HOME to <dir>/home), so each test spawns only what it checks.
 */

const PASS = 'correct horse battery';
const env = { ASSAY_PASSPHRASE: PASS };
const auditor = (dir: string) => ({ ASSAY_HOME: join(dir, 'auditor-home') });
// Each child process loads the TypeScript sources: slow on a shared machine, so more time per test.
const SPAWNS = 90_000;

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

/** An assessment, Dana's key, and her exported public key in dana.pem. */
function setUp(dir: string, signed = false) {
  const file = join(dir, 'a.assay');
  call(dir, 'assessment.create', { file, name: 'CLI' });
  const { key } = call(dir, 'keys.create', { name: 'Dana Whitfield', passphrase: PASS });
  writeFileSync(join(dir, 'dana.pem'), key.publicKey);
  if (signed) call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS });
  closeAll();
  return { file, key };
}

describe('assay keys', () => {
  it('takes the passphrase from a file or the environment, never the command line; shows only the public half', () => {
    const dir = tempDir();
    const none = runAssay(dir, ['keys', 'create', '--name', 'Dana Whitfield']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/give --passphrase-file <path> or set ASSAY_PASSPHRASE \(a passphrase is never taken on the command line\)/);
    writeFileSync(join(dir, 'pass.txt'), `${PASS}\n`);
    const made = runAssay(dir, ['keys', 'create', '--name', 'Dana Whitfield', '--passphrase-file', 'pass.txt', '--json']);
    expect(made.code, made.err).toBe(0);
    const key = JSON.parse(made.out) as { fingerprintGroups: string; publicKey: string };
    expect(made.out).not.toContain('PRIVATE');
    // The passphrase in the file (without its line ending) unlocks it.
    const { file } = call(dir, 'assessment.create', { file: join(dir, 'b.assay'), name: 'b' });
    expect(call(dir, 'signoff.create', { file, role: 'reviewer', passphrase: PASS }).signoff.verdict).toBe('untrusted');
    closeAll();
    const shown = runAssay(dir, ['keys']);
    expect(shown.out).toContain(key.fingerprintGroups);
    expect(shown.out).toContain(key.publicKey.trim());
  }, SPAWNS);

  it('exports the public key once, and trusts one into the list of another user', () => {
    const dir = tempDir();
    const { key } = setUp(dir);
    expect(runAssay(dir, ['keys', 'export', '--out', 'out.pem']).code).toBe(0);
    expect(readFileSync(join(dir, 'out.pem'), 'utf8')).toBe(key.publicKey);
    const again = runAssay(dir, ['keys', 'export', '--out', 'out.pem']);
    expect([again.code, again.err]).toEqual([1, expect.stringMatching(/out\.pem: already exists; nothing was written/)]);
    expect(runAssay(dir, ['keys', 'trust', 'out.pem', '--name', 'Dana'], auditor(dir)).code).toBe(0);
    expect(runAssay(dir, ['keys', 'trusted'], auditor(dir)).out).toContain(`Dana\n  ${key.fingerprintGroups}`);
  }, SPAWNS);
});

describe('assay signoff and signoffs', () => {
  it('signs off in a role; a bad role is a usage error and a wrong passphrase signs nothing', () => {
    const dir = tempDir();
    setUp(dir);
    const bad = runAssay(dir, ['signoff', 'a.assay', '--role', 'boss'], env);
    expect([bad.code, bad.err.trim()]).toEqual([2, 'assay: signoff: --role must be one of assessor, reviewer, approver, auditor (got "boss")']);
    const wrong = runAssay(dir, ['signoff', 'a.assay', '--role', 'assessor'], { ASSAY_PASSPHRASE: 'wrong passphrase' });
    expect([wrong.code, wrong.err]).toEqual([1, expect.stringMatching(/wrong passphrase\); nothing was signed/)]);
    const signed = runAssay(dir, ['signoff', 'a.assay', '--role', 'assessor', '--comment', 'Ready for audit'], env);
    expect(signed.code, signed.err).toBe(0);
    expect(signed.out).toMatch(/SO-001 {2}assessor: Dana Whitfield/);
    expect(signed.out).toMatch(/approves +head 1:[0-9a-f]{64}; covers the current state/);
  }, SPAWNS);

  it('lists whether each still covers the state, with --trust by fingerprint', () => {
    const dir = tempDir();
    const { file, key } = setUp(dir, true);
    call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented' });
    closeAll();
    const list = runAssay(dir, ['signoffs', 'a.assay', '--trust', key.fingerprintGroups, '--json'], auditor(dir));
    expect((JSON.parse(list.out) as { signoffs: { verdict: string; covers: boolean }[] }).signoffs).toMatchObject([{ verdict: 'trusted', covers: false }]);
    const text = runAssay(dir, ['signoffs', 'a.assay'], auditor(dir));
    expect(text.out).toMatch(/no longer covers the current state: 1 entry logged since/);
    expect(text.out).toMatch(/VALID, key NOT trusted/);
  }, SPAWNS);
});

describe('assay verify and sign-offs', () => {
  it('reports a key it does not trust; --require-trusted fails until the key is pinned by --trust', () => {
    const dir = tempDir();
    setUp(dir, true);
    const plain = runAssay(dir, ['verify', 'a.assay'], auditor(dir));
    expect(plain.code).toBe(0);
    // Passing, but never a plain "ok": a key found only in the file proves nothing.
    expect(plain.out).toMatch(/^ {2}WARN sign-offs: 1 sign-off: 0 by a trusted key, 1 by a key not trusted/m);
    expect(runAssay(dir, ['verify', 'a.assay', '--require-trusted'], auditor(dir)).code).toBe(1);
    const pinned = runAssay(dir, ['verify', 'a.assay', '--require-trusted', '--trust', 'dana.pem'], auditor(dir));
    expect(pinned.code, pinned.err).toBe(0);
    expect(pinned.out).toMatch(/valid signature by a trusted key \(given with --trust/);
  }, SPAWNS);

  it('refuses a --trust that is neither a key file nor a fingerprint', () => {
    const dir = tempDir();
    setUp(dir, true);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const notAKey = runAssay(dir, ['verify', 'a.assay', '--trust', 'notes.txt']);
    expect([notAKey.code, notAKey.err]).toEqual([2, expect.stringMatching(/--trust notes\.txt: .*is not a public key in PEM form/)]);
    const missing = runAssay(dir, ['verify', 'a.assay', '--trust', 'abcd']);
    expect([missing.code, missing.err.trim()]).toEqual([2, 'assay: --trust abcd: neither a public key file nor a fingerprint (64 hex digits)']);
  }, SPAWNS);
});
