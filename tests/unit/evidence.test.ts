import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { useForWriting } from '../../electron/handlers/open-files';
import { CHUNK_SIZE } from '../../electron/store/evidence-blobs';
import { addEvidenceFiles } from '../../electron/store/evidence-intake';
import { listEvidence } from '../../electron/store/evidence';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function setup(): { dir: string; file: string; write: (name: string, bytes: Buffer | string) => string } {
  const dir = tempDir();
  const file = join(dir, 'vault.assay');
  call(dir, 'assessment.create', { file, name: 'Vault' });
  call(dir, 'systems.add', { file, system: { name: 'Credit scoring', roles: ['provider'], modelTypes: ['classifier'] } });
  mkdirSync(join(dir, 'in'));
  const write = (name: string, bytes: Buffer | string) => {
    const path = join(dir, 'in', name);
    writeFileSync(path, bytes);
    return path;
  };
  return { dir, file, write };
}

function add(file: string, request: Parameters<typeof addEvidenceFiles>[1]) {
  return addEvidenceFiles(useForWriting(file, 'tester').assessment, request, 'tester');
}

describe('the evidence vault', () => {
  it('stores a file larger than one chunk in chunks whose bytes and hash give back the file', () => {
    const { dir, file, write } = setup();
    const big = randomBytes(CHUNK_SIZE * 2 + 12345);
    const path = write('model-card.pdf', big);
    const result = add(file, { paths: [path], links: [{ kind: 'control', target: 'GOV-01' }] });
    expect(result.failed).toEqual([]);
    expect(result.added).toEqual([{ file: 'model-card.pdf', evidenceId: 'EV-001', sha256: sha(big), size: big.length, outcome: 'added' }]);
    const db = new Database(file, { readonly: true });
    const chunks = db.prepare('SELECT c.idx, length(c.data) AS n FROM evidence_chunk c JOIN evidence_blob b ON b.id = c.blob_id WHERE b.sha256 = ? ORDER BY idx').all(sha(big));
    db.close();
    expect(chunks).toEqual([
      { idx: 0, n: CHUNK_SIZE },
      { idx: 1, n: CHUNK_SIZE },
      { idx: 2, n: 12345 },
    ]);
    const out = join(dir, 'copy.pdf');
    expect(call(dir, 'evidence.export', { file, evidenceId: 'EV-001', out })).toEqual({ out, sha256: sha(big), size: big.length });
    expect(readFileSync(out).equals(big)).toBe(true);
    // A copy never replaces an existing file.
    expect(dispatch('evidence.export', { file, evidenceId: 'EV-001', out }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('stores the same content once: a second add of it reuses the item and adds only the new links', () => {
    const { dir, file, write } = setup();
    const a = write('policy.pdf', 'AI policy v1');
    const b = write('policy-copy.pdf', 'AI policy v1');
    add(file, { paths: [a], links: [{ kind: 'control', target: 'GOV-01' }] });
    const second = add(file, { paths: [b], links: [{ kind: 'control', target: 'GOV-02', system: 'Credit scoring' }] });
    expect(second.added[0]).toMatchObject({ evidenceId: 'EV-001', outcome: 'existing' });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM evidence_blob').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM evidence_chunk').get()).toEqual({ n: 1 });
    db.close();
    const { evidence } = call(dir, 'evidence.list', { file });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.links.map((l) => [l.target, l.system])).toEqual([
      ['GOV-01', null],
      ['GOV-02', 'SYS-001'],
    ]);
    expect(verifyFile(file).ok).toBe(true);
  });

  it('keeps every revision and its hash when an item is replaced by a new file', () => {
    const { dir, file, write } = setup();
    add(file, { paths: [write('dpia.docx', 'DPIA draft')], details: { title: 'DPIA', validUntil: '2027-01-31' } });
    const revised = add(file, { paths: [write('dpia-final.docx', 'DPIA final')], revise: 'EV-001' });
    expect(revised.added[0]).toMatchObject({ evidenceId: 'EV-001', outcome: 'revised', sha256: sha(Buffer.from('DPIA final')) });
    const item = call(dir, 'evidence.get', { file, evidenceId: 'EV-001' }).evidence;
    expect(item).toMatchObject({ title: 'DPIA', validUntil: '2027-01-31', fileName: 'dpia-final.docx', addedBy: 'tester' });
    expect(item.revisions.map((r) => [r.rev, r.fileName, r.sha256])).toEqual([
      [2, 'dpia-final.docx', sha(Buffer.from('DPIA final'))],
      [1, 'dpia.docx', sha(Buffer.from('DPIA draft'))],
    ]);
    // The old revision stays readable.
    const out = join(dir, 'old.docx');
    call(dir, 'evidence.export', { file, evidenceId: 'EV-001', out, rev: 1 });
    expect(readFileSync(out, 'utf8')).toBe('DPIA draft');
    expect(verifyFile(file).ok).toBe(true);
  });

  it('links to controls per system and to requirements, unlinks, and edits the user dates but not the received date', () => {
    const { dir, file, write } = setup();
    add(file, { paths: [write('log-review.csv', 'a,b\n1,2\n')] });
    const linked = call(dir, 'evidence.link', {
      file,
      evidenceId: 'EV-001',
      links: [
        { kind: 'control', target: 'GOV-01', system: 'SYS-001' },
        { kind: 'requirement', target: 'eu-ai-act:Art. 9' },
      ],
    }).evidence;
    expect(linked.links.map((l) => `${l.kind}:${l.target}:${l.system}`)).toEqual(['control:GOV-01:SYS-001', 'requirement:eu-ai-act:Art. 9:null']);
    const unlinked = call(dir, 'evidence.unlink', { file, evidenceId: 'EV-001', links: [{ kind: 'requirement', target: 'eu-ai-act:Art. 9' }] }).evidence;
    expect(unlinked.links).toHaveLength(1);
    const updated = call(dir, 'evidence.update', { file, evidenceId: 'EV-001', changes: { effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', validUntil: '2026-12-31', source: 'SIEM export' } }).evidence;
    expect(updated).toMatchObject({ effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30', validUntil: '2026-12-31', source: 'SIEM export', receivedAt: linked.receivedAt });
    expect(dispatch('evidence.update', { file, evidenceId: 'EV-001', changes: { receivedAt: '2020-01-01' } }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(verifyFile(file).ok).toBe(true);
    // The list other domains read carries the links and valid-until dates.
    expect(listEvidence(useForWriting(file, 'tester').assessment)[0]).toMatchObject({ validUntil: '2026-12-31', links: [{ kind: 'control', target: 'GOV-01', system: 'SYS-001' }] });
  });

  it('names unreadable files and adds the others', () => {
    const { file, write, dir } = setup();
    const good = write('ok.txt', 'fine');
    const missing = join(dir, 'in', 'missing.txt');
    const folder = join(dir, 'in', 'a-folder');
    mkdirSync(folder);
    const result = add(file, { paths: [missing, good, folder] });
    expect(result.added.map((a) => a.file)).toEqual(['ok.txt']);
    expect(result.failed).toEqual([
      { file: 'missing.txt', message: expect.stringContaining('missing.txt: no such file') },
      { file: 'a-folder', message: expect.stringContaining('is a folder') },
    ]);
  });

  it('refuses bad input before writing anything: an unknown control, a reversed period, an unknown system', () => {
    const { dir, file, write } = setup();
    const path = write('x.txt', 'x');
    const before = fileHash(file);
    expect(() => add(file, { paths: [path], links: [{ kind: 'control', target: 'ZZZ-99' }] })).toThrow(/control ZZZ-99 is not in the catalog/);
    expect(() => add(file, { paths: [path], details: { effectiveFrom: '2026-05-01', effectiveTo: '2026-04-01' } })).toThrow(/effectiveTo: the period cannot end/);
    expect(() => add(file, { paths: [path], links: [{ kind: 'control', target: 'GOV-01', system: 'Nope' }] })).toThrow(/has no AI system "Nope"/);
    expect(dispatch('evidence.add', { file, paths: [] }, testContext(dir))).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fileHash(file)).toBe(before);
  });

  it('leaves nothing partly written when a write fails half-way through a file', () => {
    const { file, write } = setup();
    const path = write('big.bin', randomBytes(CHUNK_SIZE * 3));
    const assessment = useForWriting(file, 'tester').assessment;
    let calls = 0;
    // The file is cancelled after its second chunk: the transaction of that file rolls back.
    expect(() => addEvidenceFiles(assessment, { paths: [path] }, 'tester', { isCancelled: () => ++calls > 2 })).toThrow(/cancelled/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT (SELECT count(*) FROM evidence_blob) + (SELECT count(*) FROM evidence_chunk) + (SELECT count(*) FROM evidence) AS n').get()).toEqual({ n: 0 });
    db.close();
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses an unreadable file by name (permission denied) when run as a user who cannot read it', () => {
    const { file, write } = setup();
    const secret = write('secret.txt', 'no');
    chmodSync(secret, 0o000);
    const result = add(file, { paths: [secret, write('open.txt', 'yes')] });
    // Root reads anything: then both are added, and the test still shows the other file is not held up.
    expect(result.added.map((a) => a.file)).toContain('open.txt');
    if (process.getuid?.() !== 0) expect(result.failed).toEqual([{ file: 'secret.txt', message: expect.stringContaining('permission denied') }]);
  });
});
