import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHash, runAssay, tempDir } from './helpers';

/**
 * verify-report --assessment makes the report again from the assessment (with the options, time
 * and author of its manifest) and compares the bytes, and checks the register of issued reports:
 * a report edited together with its manifest no longer passes on the manifest's word alone.
 */

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };

function register(dir: string): string {
  const steps = [
    ['new', 'r.assay', '--name', 'Content check'],
    ['systems', 'add', 'r.assay', '--name', 'Credit scoring', '--role', 'provider'],
    ['risks', 'add', 'r.assay', '--system', 'SYS-001', '--threat', 'THR-01', '--title', 'Poisoned training data', '--likelihood', '4', '--impact', '4', '--treatment', 'mitigate'],
    ['risks', 'add', 'r.assay', '--system', 'SYS-001', '--threat', 'THR-08', '--title', 'Prompt injection', '--likelihood', '2', '--impact', '3', '--treatment', 'mitigate'],
  ];
  for (const args of steps) {
    const r = runAssay(dir, args);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
  }
  return join(dir, 'r.assay');
}

/** A copy of the report with one figure changed and a manifest that vouches for it (its SHA-256 and size recomputed). */
function forge(dir: string, from: string, to: string, edit: (text: string) => string): void {
  const text = edit(readFileSync(join(dir, from), 'utf8'));
  writeFileSync(join(dir, to), text);
  const manifest = JSON.parse(readFileSync(join(dir, `${from}.manifest.json`), 'utf8')) as { report: { fileName: string; sha256: string; size: number } };
  manifest.report = { ...manifest.report, fileName: to, sha256: createHash('sha256').update(text).digest('hex'), size: Buffer.byteLength(text) };
  writeFileSync(join(dir, `${to}.manifest.json`), JSON.stringify(manifest, null, 2));
}

describe('verify-report against the assessment: the content and the register', () => {
  it('makes an issued report again byte for byte, fails a forged copy, and says when the assessment has moved on', () => {
    const dir = tempDir();
    const file = register(dir);
    const made = runAssay(dir, ['report', 'r.assay', '--type', 'risks', '--format', 'csv', '--out', 'risks.csv', '--issue'], EPOCH);
    expect(made.code, made.err).toBe(0);
    const before = fileHash(file);

    // Issuing added an entry after the head the report cites: the check sees the file as it was.
    const honest = runAssay(dir, ['verify-report', 'risks.csv', '--assessment', 'r.assay']);
    expect(honest.code, honest.out + honest.err).toBe(0);
    expect(honest.out).toMatch(/ok {3}issued: the assessment's register records it as RPT-001/);
    expect(honest.out).toMatch(/ok {3}content: made again from the assessment at entry 4, with the manifest's options and time, it comes out byte for byte as risks\.csv/);

    // A score of 16 (High) becomes 4 (Low) under another name: the manifest agrees, the assessment does not.
    const lower = (t: string) => t.replace('Poisoned training data,THR-01,16,High,', 'Poisoned training data,THR-01,4,Low,');
    forge(dir, 'risks.csv', 'renamed.csv', lower);
    expect(readFileSync(join(dir, 'renamed.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'risks.csv'), 'utf8'));
    const renamed = runAssay(dir, ['verify-report', 'renamed.csv', '--assessment', 'r.assay']);
    expect(renamed.code).toBe(1);
    expect(renamed.out).toMatch(/^FAILED: /);
    expect(renamed.out).toMatch(/FAIL content: made again from the assessment at entry 4, .* it hashes to [0-9a-f]{64}; renamed\.csv hashes to [0-9a-f]{64}: its content is not what the assessment gives/);
    // Without the assessment the manifest is all there is, and it says so.
    expect(runAssay(dir, ['verify-report', 'renamed.csv']).code).toBe(0);

    // Under the issued report's own name the register names the difference too.
    for (const name of ['risks.csv', 'risks.csv.manifest.json']) copyFileSync(join(dir, name), join(dir, `issued-${name}`));
    forge(dir, 'issued-risks.csv', 'risks.csv', lower);
    const sameName = runAssay(dir, ['verify-report', 'risks.csv', '--assessment', 'r.assay']);
    expect(sameName.code).toBe(1);
    expect(sameName.out).toMatch(/FAIL issued: the assessment's register records RPT-001 \(risks\.csv, head 4\) with SHA-256 [0-9a-f]{64}; this report's manifest says [0-9a-f]{64}: it is not the report that was issued/);
    expect(fileHash(file)).toBe(before);

    // A later change: the file no longer holds the state at the cited head, and the check says why it was not made.
    expect(runAssay(dir, ['systems', 'add', 'r.assay', '--name', 'Payroll bot', '--role', 'deployer']).code).toBe(0);
    const later = runAssay(dir, ['verify-report', 'issued-risks.csv', '--assessment', 'r.assay']);
    expect(later.out).toMatch(/WARN content: not compared: the assessment has changed since entry 4/);
  }, 120_000);

  it('checks the evidence hashes the manifest cites against the items at the cited head', () => {
    const dir = tempDir();
    register(dir);
    writeFileSync(join(dir, 'policy.md'), '# AI policy\nApproved by the board.\n');
    expect(runAssay(dir, ['evidence', 'add', 'r.assay', 'policy.md', '--control', 'GOV-01']).code).toBe(0);
    expect(runAssay(dir, ['report', 'r.assay', '--type', 'evidence', '--format', 'csv', '--out', 'evidence.csv'], EPOCH).code).toBe(0);
    const honest = runAssay(dir, ['verify-report', 'evidence.csv', '--assessment', 'r.assay']);
    expect(honest.code, honest.out).toBe(0);
    expect(honest.out).toMatch(/ok {3}evidence: the evidence hash the report cites is that of its item's current file at entry 5/);

    const manifestPath = join(dir, 'evidence.csv.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { evidence: { id: string; sha256: string }[] };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, evidence: [{ id: 'EV-001', sha256: '0'.repeat(64) }] }));
    const altered = runAssay(dir, ['verify-report', 'evidence.csv', '--assessment', 'r.assay']);
    expect(altered.code).toBe(1);
    expect(altered.out).toMatch(new RegExp(`FAIL evidence: the report cites EV-001 with SHA-256 0{64}; at entry 5 the assessment's EV-001 is ${manifest.evidence[0]!.sha256}`));
  }, 60_000);
});
