import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { closeAll } from '../../electron/handlers/open-files';
import { generateReport } from '../../electron/reports/generate';
import type { Renderer } from '../../electron/reports/render/renderer';
import { writeReport } from '../../electron/reports/write';
import { openForReading } from '../../electron/store/open';
import type { CommandName, CommandOutput } from '../../shared/commands';
import type { Block, ReportDoc, ReportSection } from '../../shared/reports/model';
import { tempDir, testContext } from './helpers';

/**
 * Sign-offs in reports (the executive summary's sign-off section, built from the real gatherer and
 * builder; the document is kept as JSON instead of drawn) and signed manifests checked by verify-report.
 */

const PASS = 'correct horse battery';
const asJson: Renderer = async (doc) => Buffer.from(JSON.stringify(doc));

function call<N extends CommandName>(dir: string, name: N, input: unknown, home = 'home'): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir, { home: join(dir, home) }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

async function executive(dir: string, file: string, audience: 'internal' | 'external' = 'internal') {
  closeAll();
  const a = openForReading(file);
  try {
    const g = await generateReport(a, { type: 'executive', format: 'pdf', audience }, { actor: 'Tester', now: '2026-11-28T09:00:00.000Z', renderers: { pdf: asJson } });
    const written = writeReport(join(dir, `executive-${audience}.pdf`), g);
    const doc = JSON.parse(readFileSync(written.path, 'utf8')) as ReportDoc;
    const all = (sections: ReportSection[]): Block[] => sections.flatMap((s) => [...s.blocks, ...all(s.sections ?? [])]);
    return { ...written, blocks: all(doc.sections.filter((s) => s.title === 'Sign-off')) };
  } finally {
    a.close();
  }
}

function signed(dir: string): { file: string; fingerprint: string; groups: string } {
  const file = join(dir, 'a.assay');
  call(dir, 'assessment.create', { file, name: 'Reported' });
  const { key } = call(dir, 'keys.create', { name: 'Dana Whitfield', passphrase: PASS });
  call(dir, 'signoff.create', { file, role: 'assessor', passphrase: PASS });
  call(dir, 'controls.setState', { file, controlId: 'GOV-01', state: 'implemented' });
  call(dir, 'signoff.create', { file, role: 'approver', passphrase: PASS });
  return { file, fingerprint: key.fingerprint, groups: key.fingerprintGroups };
}

describe('reports carry the sign-offs', () => {
  it('with role, signer, date, fingerprint, the head approved and whether it covers the state shown', async () => {
    const dir = tempDir();
    const { file, groups } = signed(dir);
    const { blocks } = await executive(dir, file);
    const lines = blocks.find((b) => b.kind === 'signoff');
    expect(lines).toEqual({
      kind: 'signoff',
      rows: [
        { role: 'Assessor', name: 'Dana Whitfield', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fingerprint: groups },
        { role: 'Approver', name: 'Dana Whitfield', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fingerprint: groups },
        { role: 'Reviewer', name: null, date: null, fingerprint: null },
      ],
    });
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['Assessor', 'Dana Whitfield', expect.stringMatching(/^1:[0-9a-f]{16}…$/), 'No longer covers the current state: 1 entry logged since', 'valid'],
      ['Approver', 'Dana Whitfield', expect.stringMatching(/^3:[0-9a-f]{16}…$/), 'Covers the current state', 'valid'],
    ]);
  });

  it('name no person for an external audience, but keep the fingerprints', async () => {
    const dir = tempDir();
    const { file, groups } = signed(dir);
    const { blocks } = await executive(dir, file, 'external');
    expect(JSON.stringify(blocks)).not.toContain('Dana');
    expect(JSON.stringify(blocks)).toContain(groups);
  });

  it('without sign-offs, keep blank lines to sign by hand', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.assay');
    call(dir, 'assessment.create', { file, name: 'Unsigned' });
    const { blocks } = await executive(dir, file);
    expect(blocks.filter((b) => b.kind === 'signoff' || b.kind === 'table')).toEqual([
      { kind: 'signoff', rows: ['Assessor', 'Reviewer', 'Approver'].map((role) => ({ role, name: null, date: null, fingerprint: null })) },
    ]);
  });

  it('every other document report ends with the recorded sign-offs; tabular exports and unsigned assessments get none', async () => {
    const dir = tempDir();
    const { file, groups } = signed(dir);
    const unsigned = join(dir, 'u.assay');
    call(dir, 'assessment.create', { file: unsigned, name: 'Unsigned' });
    closeAll();
    const sections = async (path: string, type: string, format: 'pdf' | 'docx' | 'xlsx') => {
      const a = openForReading(path);
      try {
        const g = await generateReport(a, { type, format }, { actor: 'Tester', now: '2026-11-28T09:00:00.000Z', renderers: { [format]: asJson } });
        return (JSON.parse(g.bytes.toString('utf8')) as ReportDoc).sections;
      } finally {
        a.close();
      }
    };
    for (const [type, format] of [['gap', 'pdf'], ['risks', 'docx'], ['evidence', 'pdf']] as const) {
      const last = (await sections(file, type, format)).at(-1)!;
      expect(last.title, type).toBe('Sign-offs');
      const lines = last.blocks.find((b) => b.kind === 'signoff');
      expect(lines).toMatchObject({ rows: [{ role: 'Assessor', name: 'Dana Whitfield', fingerprint: groups }, { role: 'Approver', fingerprint: groups }] });
    }
    expect((await sections(file, 'risks', 'xlsx')).map((s) => s.title)).not.toContain('Sign-offs');
    expect((await sections(unsigned, 'gap', 'pdf')).map((s) => s.title)).not.toContain('Sign-offs');
  });
});

describe('a signed manifest', () => {
  it('is checked by verify-report: trusted, untrusted, changed after signing', async () => {
    const dir = tempDir();
    const { file, fingerprint } = signed(dir);
    const { path, manifestPath } = await executive(dir, file);
    const out = call(dir, 'signoff.signManifest', { report: path, passphrase: PASS });
    expect(out.signature).toBe(`${manifestPath}.sig`);
    expect(() => call(dir, 'signoff.signManifest', { report: path, passphrase: PASS })).toThrow(/already signed with this key \(Dana Whitfield\); nothing was written/);

    const untrusted = call(dir, 'reports.verify', { report: path, file }, 'auditor');
    expect(untrusted.ok).toBe(true);
    expect(untrusted.checks.at(-1)).toMatchObject({ name: 'manifest signature', ok: true, warning: true, detail: expect.stringMatching(/a key you do not trust .*proves nothing/) });
    const trusted = call(dir, 'reports.verify', { report: path, trust: [fingerprint] }, 'auditor');
    expect(trusted.checks.at(-1)!.detail).toMatch(/with a trusted key \(given with --trust/);
    expect(trusted.checks.at(-1)!.warning).toBeUndefined();

    const sig = JSON.parse(readFileSync(`${manifestPath}.sig`, 'utf8')) as { signer: string };
    writeFileSync(`${manifestPath}.sig`, JSON.stringify({ ...sig, signer: 'Mallory' }));
    expect(call(dir, 'reports.verify', { report: path }, 'auditor').message).toMatch(/manifest signature: invalid: .*the signature does not match what it signs/);
    writeFileSync(`${manifestPath}.sig`, JSON.stringify(sig));
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"label"', '"label" '));
    expect(call(dir, 'reports.verify', { report: path }, 'auditor').message).toMatch(/manifest signature: the manifest was changed after it was signed/);
  });

  it('can carry several signatures, one per key, each checked on its own', async () => {
    const dir = tempDir();
    const { file, fingerprint } = signed(dir);
    const { path, manifestPath } = await executive(dir, file);
    call(dir, 'signoff.signManifest', { report: path, passphrase: PASS });
    // The approver signs with their own key, kept in their own settings folder.
    const approver = call(dir, 'keys.create', { name: 'Ravi Menon', passphrase: PASS }, 'approver-home').key;
    const second = call(dir, 'signoff.signManifest', { report: path, passphrase: PASS }, 'approver-home');
    expect(second.signature).toBe(`${manifestPath}.${approver.fingerprint.slice(0, 16)}.sig`);
    expect(() => call(dir, 'signoff.signManifest', { report: path, passphrase: PASS }, 'approver-home')).toThrow(/already signed with this key \(Ravi Menon\)/);

    const checked = call(dir, 'reports.verify', { report: path, trust: [fingerprint] }, 'auditor');
    expect(checked.ok).toBe(true);
    expect(checked.checks.filter((c) => c.name.startsWith('manifest signature'))).toEqual([
      { name: 'manifest signature 1 of 2', ok: true, detail: expect.stringContaining('signed by Dana Whitfield on') },
      { name: 'manifest signature 2 of 2', ok: true, warning: true, detail: expect.stringContaining('signed by Ravi Menon with a key you do not trust') },
    ]);
    const sig = JSON.parse(readFileSync(second.signature, 'utf8')) as { signer: string };
    writeFileSync(second.signature, JSON.stringify({ ...sig, signer: 'Mallory' }));
    expect(call(dir, 'reports.verify', { report: path }, 'auditor').message).toMatch(/^manifest signature 2 of 2: invalid: /);
  });
});
