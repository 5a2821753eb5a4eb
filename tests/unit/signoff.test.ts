import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, scryptSync } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll } from '../../electron/handlers/open-files';
import { type AuditRow, hashEntry, toStoredEntry } from '../../electron/store/audit';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, tempDir, testContext } from './helpers';

const PASS = 'correct horse battery';

function call<N extends CommandName>(dir: string, name: N, input: unknown, home = 'home'): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir, { home: join(dir, home) }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function refused(dir: string, name: CommandName, input: unknown, home = 'home'): string {
  const result = dispatch(name, input, testContext(dir, { home: join(dir, home) }));
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error.message;
}

/** An assessment with one change, and a key for the user of `home`. */
function setUp(dir: string): string {
  const file = join(dir, 'a.assay');
  call(dir, 'assessment.create', { file, name: 'Signed' });
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented' });
  call(dir, 'keys.create', { name: 'Dana Whitfield', passphrase: PASS });
  return file;
}

/** What someone holding the file can do with any SQLite tool, triggers dropped first. */
function edit(file: string, change: (db: Database.Database) => void): void {
  closeAll();
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete;');
  change(db);
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('signing keys', () => {
  it('are kept as passphrase-encrypted PKCS#8 in the settings folder; the public half and its fingerprint are shown', () => {
    const dir = tempDir();
    const { key } = call(dir, 'keys.create', { name: 'Dana Whitfield', passphrase: PASS });
    const stored = JSON.parse(readFileSync(join(dir, 'home', 'signing-key.json'), 'utf8')) as { version: number; kdf: { name: string; salt: string; logN: number; r: number; p: number }; privateKey: string; publicKey: string };
    expect(stored.privateKey).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
    expect(statSync(join(dir, 'home', 'signing-key.json')).mode & 0o077).toBe(0);
    // The PKCS#8 passphrase is stretched from the user's with scrypt (OpenSSL's PBKDF2 runs only 2,048 rounds).
    expect(stored).toMatchObject({ version: 2, kdf: { name: 'scrypt', logN: 15, r: 8, p: 1 } });
    const stretched = scryptSync(PASS, Buffer.from(stored.kdf.salt, 'base64'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString('base64');
    // Without the stretched passphrase the private key cannot be read, not even with the user's own; with it, it is an Ed25519 key.
    expect(() => createPrivateKey({ key: stored.privateKey, format: 'pem' })).toThrow();
    expect(() => createPrivateKey({ key: stored.privateKey, format: 'pem', passphrase: PASS })).toThrow();
    expect(createPrivateKey({ key: stored.privateKey, format: 'pem', passphrase: stretched }).asymmetricKeyType).toBe('ed25519');
    const der = createPublicKey(key.publicKey).export({ type: 'spki', format: 'der' });
    expect(key.fingerprint).toBe(createHash('sha256').update(der).digest('hex'));
    expect(key.fingerprintGroups.split(' ')).toHaveLength(16);
    expect(call(dir, 'keys.show', {}).key).toEqual(key);
  });

  it('made by an earlier version (plain passphrase, version 1) still sign, and are upgraded to version 2 on first unlock; a key file asking for an absurd scrypt cost is refused', () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file, name: 'Old key' });
    const pair = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASS } });
    const fingerprint = createHash('sha256').update(createPublicKey(pair.publicKey).export({ type: 'spki', format: 'der' })).digest('hex');
    const keyFile = join(dir, 'home', 'signing-key.json');
    mkdirSync(join(dir, 'home'), { recursive: true });
    const v1 = { version: 1, name: 'Dana Whitfield', createdAt: '2026-11-01T09:00:00.000Z', fingerprint, publicKey: pair.publicKey, privateKey: pair.privateKey };
    writeFileSync(keyFile, JSON.stringify(v1));
    expect(call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS }).signoff.fingerprint).toBe(fingerprint);
    // Once unlocked it is written again as version 2: the same key pair, no longer readable with the plain passphrase.
    const upgraded = JSON.parse(readFileSync(keyFile, 'utf8')) as { version: number; fingerprint: string; createdAt: string; privateKey: string };
    expect(upgraded).toMatchObject({ version: 2, kdf: { name: 'scrypt', logN: 15 }, fingerprint, createdAt: v1.createdAt, publicKey: pair.publicKey });
    expect(() => createPrivateKey({ key: upgraded.privateKey, format: 'pem', passphrase: PASS })).toThrow();
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(call(dir, 'signoff.create', { file, role: 'reviewer', passphrase: PASS }).signoff.fingerprint).toBe(fingerprint);

    writeFileSync(keyFile, JSON.stringify({ ...v1, version: 2, kdf: { name: 'scrypt', salt: 'AAAAAAAAAAAAAAAAAAAAAA==', logN: 30, r: 8, p: 1 } }));
    const refused = dispatch('signoff.create', { file, role: 'approver', passphrase: PASS }, testContext(dir, { home: join(dir, 'home') }));
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/signing-key\.json: is not an Assay signing key file \(kdf\.logN: /) } });
  });

  it('are not replaced unless asked, and a short passphrase makes no key', () => {
    const dir = tempDir();
    expect(refused(dir, 'keys.create', { name: 'Dana', passphrase: 'short' })).toMatch(/at least 8 characters; no key was made/);
    expect(call(dir, 'keys.show', {}).key).toBeNull();
    const first = call(dir, 'keys.create', { name: 'Dana', passphrase: PASS }).key;
    expect(refused(dir, 'keys.create', { name: 'Dana', passphrase: PASS })).toMatch(/a signing key already exists .*nothing was changed/);
    expect(call(dir, 'keys.show', {}).key!.fingerprint).toBe(first.fingerprint);
    expect(call(dir, 'keys.create', { name: 'Dana', passphrase: PASS, replace: true }).key.fingerprint).not.toBe(first.fingerprint);
  });

  it('a trusted key is pinned once, renamed when trusted again, and can be dropped', () => {
    const dir = tempDir();
    const { key } = call(dir, 'keys.create', { name: 'Dana', passphrase: PASS }, 'dana');
    expect(call(dir, 'keys.trust', { publicKey: key.publicKey, name: 'Dana W.' }).added).toBe(true);
    expect(call(dir, 'keys.trust', { publicKey: key.publicKey, name: 'Dana Whitfield' }).added).toBe(false);
    expect(call(dir, 'keys.trusted', {}).keys.map((k) => [k.name, k.fingerprint])).toEqual([['Dana Whitfield', key.fingerprint]]);
    expect(refused(dir, 'keys.trust', { publicKey: 'not a key', name: 'x' })).toMatch(/is not a public key in PEM form/);
    call(dir, 'keys.untrust', { fingerprint: key.fingerprintGroups });
    expect(call(dir, 'keys.trusted', {}).keys).toEqual([]);
  });
});

describe('sign-off', () => {
  it('a wrong passphrase is said plainly and writes nothing', () => {
    const dir = tempDir();
    const file = setUp(dir);
    closeAll();
    const before = fileHash(file);
    expect(refused(dir, 'signoff.create', { file, role: 'assessor', passphrase: 'wrong passphrase' })).toMatch(
      /the passphrase does not unlock the signing key in .*signing-key\.json \(wrong passphrase\); nothing was signed/,
    );
    closeAll();
    expect(fileHash(file)).toBe(before);
  });

  it('records the head it approves, is logged, and covers the state until something else changes', () => {
    const dir = tempDir();
    const file = setUp(dir);
    const { signoff } = call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS, comment: 'Complete for the Q4 review' });
    expect(signoff).toMatchObject({ id: 'SO-001', role: 'assessor', signer: 'Dana Whitfield', head: { count: 2 }, covers: true, entriesSince: 0, verdict: 'untrusted', comment: 'Complete for the Q4 review' });
    const log = call(dir, 'audit.list', { file });
    expect(log.entries[0]).toMatchObject({ command: 'signoff.create', label: 'Signed off', item: 'SO-001 assessor: Dana Whitfield' });
    // A second role signs the head that includes the first sign-off, and does not make the first stale.
    call(dir, 'signoff.create', { file, role: 'reviewer', passphrase: PASS });
    expect(call(dir, 'signoff.list', { file }).signoffs.map((s) => [s.id, s.head.count, s.covers])).toEqual([
      ['SO-001', 2, true],
      ['SO-002', 3, true],
    ]);
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'in_progress' });
    call(dir, 'controls.setState', { file, controlId: 'GOV-02', state: 'implemented' });
    const after = call(dir, 'signoff.list', { file }).signoffs[0]!;
    expect(after).toMatchObject({ covers: false, entriesSince: 2, verdict: 'untrusted' });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('is trusted only through a key pinned outside the file: the user list or a fingerprint given for the call', () => {
    const dir = tempDir();
    const file = setUp(dir);
    const { key } = call(dir, 'keys.show', {});
    call(dir, 'signoff.create', { file, role: 'approver', passphrase: PASS });
    // Another user (another settings folder) who trusts nobody yet.
    expect(call(dir, 'signoff.list', { file }, 'auditor').signoffs[0]!.verdict).toBe('untrusted');
    expect(call(dir, 'signoff.list', { file, trust: [key!.fingerprintGroups] }, 'auditor').signoffs[0]!.verdict).toBe('trusted');
    const plain = call(dir, 'audit.verify', { file }, 'auditor');
    expect(plain.ok).toBe(true);
    expect(plain.checks.find((c) => c.name === 'sign-offs')!.detail).toMatch(/key .* is not one you trust: a key found only in the file proves nothing/);
    const strict = call(dir, 'audit.verify', { file, requireTrusted: true }, 'auditor');
    expect(strict.ok).toBe(false);
    expect(strict.message).toMatch(/sign-offs: 1 sign-off: 0 by a trusted key, 1 by a key not trusted \(every sign-off must be by a trusted key\)/);
    call(dir, 'keys.trust', { publicKey: key!.publicKey, name: 'Dana' }, 'auditor');
    const trusted = call(dir, 'audit.verify', { file, requireTrusted: true }, 'auditor');
    expect(trusted.ok, trusted.message).toBe(true);
    expect(trusted.signoffs![0]!.verdict).toBe('trusted');
  });

  it('a sign-off re-signed by whoever edits the file verifies only as untrusted', () => {
    const dir = tempDir();
    const file = setUp(dir);
    const dana = call(dir, 'keys.show', {}).key!;
    call(dir, 'signoff.create', { file, role: 'approver', passphrase: PASS });
    // Mallory has her own key and signs as "Dana Whitfield": the signature is valid, the key is hers.
    call(dir, 'keys.create', { name: 'Dana Whitfield', passphrase: PASS }, 'mallory');
    call(dir, 'signoff.create', { file, role: 'approver', passphrase: PASS }, 'mallory');
    const result = call(dir, 'audit.verify', { file, trust: [dana.fingerprint], requireTrusted: true }, 'auditor');
    expect(result.ok).toBe(false);
    expect(result.signoffs!.map((s) => [s.signer, s.verdict])).toEqual([
      ['Dana Whitfield', 'trusted'],
      ['Dana Whitfield', 'untrusted'],
    ]);
  });

  it('a tampered signature row is named by verify, by the replay and by the signature check', () => {
    const dir = tempDir();
    const file = setUp(dir);
    call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS, comment: 'ok' });
    edit(file, (db) => db.prepare("UPDATE signoff SET comment = 'all controls tested' WHERE id = 'SO-001'").run());
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/signoff row SO-001, field comment/);
    expect(result.message).toMatch(/SO-001 \(assessor, Dana Whitfield\): invalid: the signature does not match what it signs/);
  });

  it('a signature altered in the log and the table alike (chain recomputed) fails the signature check', () => {
    const dir = tempDir();
    const file = setUp(dir);
    call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS });
    rewriteChain(file, (row) => {
      if (row.command !== 'signoff.create') return;
      const payload = JSON.parse(row.payload) as { signoff: { role: string } };
      payload.signoff.role = 'approver';
      row.payload = JSON.stringify(payload);
    }, "UPDATE signoff SET role = 'approver'");
    const result = verifyFile(file);
    expect(result.checks.find((c) => c.name === 'audit chain')!.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'replay')!.ok).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/sign-offs: .*SO-001 \(approver, Dana Whitfield\): invalid: the signature does not match/);
  });

  it('anchors the chain: a rewritten chain no longer has the head a sign-off approved', () => {
    const dir = tempDir();
    const file = setUp(dir);
    call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS });
    // Backdate the control change, in the log and the table, and recompute every hash after it.
    rewriteChain(file, (row) => {
      if (row.seq === 2) row.at = '2026-01-01T00:00:00.000Z';
    }, "UPDATE control_state SET updated_at = '2026-01-01T00:00:00.000Z' WHERE control_id = 'GOV-01'");
    const result = verifyFile(file);
    expect(result.checks.find((c) => c.name === 'audit chain')!.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'replay')!.ok, result.message).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.signoffs![0]!.verdict).toBe('off_chain');
    expect(result.message).toMatch(/the signed head 2:[0-9a-f]{12}… is not on this chain \(entry 2 has hash [0-9a-f]{12}…\): the log was rewritten after the sign-off/);
  });
});

/** A full rewrite as an attacker with the file would do it: edit entries, then rehash the chain from the first one changed. */
function rewriteChain(file: string, change: (row: AuditRow) => void, stateSql: string): void {
  edit(file, (db) => {
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
    let prev = rows[0]!.prev_hash;
    const update = db.prepare('UPDATE audit_log SET at = ?, payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of rows) {
      change(row);
      const { prevHash: _p, hash: _h, ...record } = toStoredEntry(row);
      const hash = hashEntry(prev, record);
      update.run(row.at, row.payload, prev, hash, row.seq);
      prev = hash;
    }
    db.exec(stateSql);
  });
}
