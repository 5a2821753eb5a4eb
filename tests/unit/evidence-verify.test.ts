import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll, useForWriting } from '../../electron/handlers/open-files';
import { CHUNK_SIZE } from '../../electron/store/evidence-blobs';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { verifyFile } from '../../electron/store/verify';
import { checkChain, type StoredEntry } from '../../electron/store/audit';
import { replay } from '../../shared/domain/replay';
import { evidenceTables } from '../../shared/domain/evidence/log';
import { readEvidenceTables } from '../../electron/store/evidence';
import { runAssay, tempDir, testContext } from './helpers';

/** An assessment with two items, one revised, linked to a control for a system and to a requirement. */
function vault(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'vault.assay');
  const ctx = testContext(dir);
  dispatch('assessment.create', { file, name: 'Vault' }, ctx);
  dispatch('systems.add', { file, system: { name: 'Support bot', roles: ['deployer'] } }, ctx);
  const big = join(dir, 'big.bin');
  writeFileSync(big, randomBytes(CHUNK_SIZE + 10));
  writeFileSync(join(dir, 'policy.md'), '# Policy\n');
  writeFileSync(join(dir, 'policy-2.md'), '# Policy v2\n');
  const a = useForWriting(file, 'tester').assessment;
  addEvidenceFiles(a, { paths: [big, join(dir, 'policy.md')], links: [{ kind: 'control', target: 'GOV-01', system: 'SYS-001' }, { kind: 'requirement', target: 'eu-ai-act:Art. 9' }], details: { validUntil: '2027-06-30' } }, 'tester');
  addEvidenceFiles(a, { paths: [join(dir, 'policy-2.md')], revise: 'EV-002' }, 'tester');
  dispatch('evidence.update', { file, evidenceId: 'EV-002', changes: { title: 'AI policy' } }, ctx);
  dispatch('evidence.unlink', { file, evidenceId: 'EV-001', links: [{ kind: 'requirement', target: 'eu-ai-act:Art. 9' }] }, ctx);
  closeAll();
  return { dir, file };
}

function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.prepare(sql).run();
  db.close();
}

describe('verify and the evidence vault', () => {
  it('rebuilds every evidence table from the log alone (metadata, revisions, links, blob hashes and sizes)', () => {
    const { file } = vault();
    const db = new Database(file, { readonly: true });
    const entries: StoredEntry[] = [];
    checkChain(db, (e) => entries.push(e));
    const { state, problem } = replay(entries);
    const actual = readEvidenceTables(db);
    db.close();
    expect(problem).toBeUndefined();
    for (const table of evidenceTables) expect(Object.fromEntries(state[table]!), table).toEqual(Object.fromEntries(actual[table]!));
    expect([...state.evidence_revision!.keys()].sort()).toEqual(['EV-001#1', 'EV-002#1', 'EV-002#2']);
    expect(state.evidence_blob!.size).toBe(3);
    expect(verifyFile(file)).toMatchObject({ ok: true });
  });

  it('names a stored file whose bytes were changed, by item, revision and hash', () => {
    const { file } = vault();
    tamper(file, "UPDATE evidence_chunk SET data = zeroblob(length(data)) WHERE idx = 1");
    const result = verifyFile(file);
    expect(result.ok).toBe(false);
    const check = result.checks.find((c) => c.name === 'evidence files')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/1 of 3 stored files no longer match: EV-001 revision 1 \(big\.bin\), SHA-256 [0-9a-f]{64}: its bytes now hash to/);
  });

  it('names a missing chunk', () => {
    const { file } = vault();
    tamper(file, 'DELETE FROM evidence_chunk WHERE idx = 0 AND blob_id = (SELECT id FROM evidence_blob ORDER BY size DESC LIMIT 1)');
    expect(verifyFile(file).checks.find((c) => c.name === 'evidence files')!.detail).toMatch(/EV-001 revision 1 \(big\.bin\).*chunk 0 of the stored file .* is missing/);
  });

  it('names a tampered metadata row, a moved date and a forged link', () => {
    let { file } = vault();
    tamper(file, "UPDATE evidence SET valid_until = '2099-12-31' WHERE id = 'EV-001'");
    expect(verifyFile(file).message).toMatch(/evidence row EV-001, field valid_until: the log says "2027-06-30", the file holds "2099-12-31"/);
    ({ file } = vault());
    tamper(file, "UPDATE evidence_revision SET received_at = '2020-01-01T00:00:00.000Z' WHERE evidence_id = 'EV-002' AND rev = 1");
    expect(verifyFile(file).message).toMatch(/evidence_revision row EV-002#1, field received_at/);
    ({ file } = vault());
    tamper(file, "INSERT INTO evidence_link VALUES ('EV-002', 'control', 'GOV-02', '', '2026-01-01', 'x')");
    expect(verifyFile(file).message).toMatch(/evidence_link row EV-002\|control\|GOV-02\|: the file has this row, the log never wrote it/);
    ({ file } = vault());
    tamper(file, 'UPDATE evidence_blob SET size = size + 1 WHERE size < 100 AND id = (SELECT min(id) FROM evidence_blob WHERE size < 100)');
    expect(verifyFile(file).message).toMatch(/evidence_blob row [0-9a-f]{64}, field size/);
  });

  it('assay evidence add, assay evidence and assay verify work as the issue names them', () => {
    const dir = tempDir();
    expect(runAssay(dir, ['new', 'e.assay', '--name', 'CLI']).code).toBe(0);
    writeFileSync(join(dir, 'a.txt'), 'alpha');
    writeFileSync(join(dir, 'b.txt'), 'beta');
    const added = runAssay(dir, ['evidence', 'add', 'e.assay', 'a.txt', 'b.txt', 'gone.txt', '--control', 'GOV-01', '--control', 'GOV-02', '--valid-until', '2027-01-31', '--effective', '2026-01-01..2026-06-30']);
    expect(added.code).toBe(1);
    expect(added.out).toMatch(/^added EV-001 a\.txt \(5 bytes\) SHA-256 8ed3f6ad685b959ead7022518e1af76cd816f8e8ec7ccdda1ed4018e8f2223f8\nadded EV-002 b\.txt/);
    expect(added.err).toMatch(/not added: .*gone\.txt: no such file/);
    const listed = runAssay(dir, ['evidence', 'e.assay']);
    expect(listed.out).toMatch(/EV-001\s+a\.txt\s+a\.txt\s+5 bytes\s+\d{4}-\d\d-\d\d\s+2026-01-01\.\.2026-06-30\s+2027-01-31\s+1\s+GOV-01, GOV-02\s+8ed3f6ad/);
    const json = JSON.parse(runAssay(dir, ['evidence', 'e.assay', '--json']).out) as { id: string; sha256: string }[];
    expect(json.map((e) => e.id)).toEqual(['EV-001', 'EV-002']);
    writeFileSync(join(dir, 'a2.txt'), 'alpha 2');
    expect(runAssay(dir, ['evidence', 'revise', 'e.assay', 'EV-001', 'a2.txt']).out).toMatch(/^revised EV-001 a2\.txt/);
    expect(runAssay(dir, ['evidence', 'export', 'e.assay', 'EV-001', 'old.txt', '--rev', '1']).code).toBe(0);
    expect(runAssay(dir, ['evidence', 'unlink', 'e.assay', 'EV-001', '--control', 'GOV-02']).out).toMatch(/links: GOV-01\n/);
    expect(runAssay(dir, ['evidence', 'add', 'e.assay', 'a.txt', '--control', 'NOPE-1']).err).toMatch(/control ids look like GOV-01/);
    const verified = runAssay(dir, ['verify', 'e.assay']);
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toMatch(/evidence files: 3 stored files \(16 bytes\) re-hashed/);
  }, 180_000);
});
