import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/dispatch';
import { verifyFile } from '../../electron/store/verify';
import type { CommandName, CommandOutput } from '../../shared/commands';
import { fileHash, runAssay, tempDir, testContext } from './helpers';

function call<N extends CommandName>(dir: string, name: N, input: unknown): CommandOutput<N> {
  const result = dispatch(name, input, testContext(dir));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandOutput<N>;
}

function withAssistant(dir: string): string {
  const file = join(dir, 'threats.assay');
  call(dir, 'assessment.create', { file, name: 'Threats' });
  call(dir, 'systems.add', {
    file,
    system: {
      name: 'Support assistant',
      roles: ['deployer'],
      deployment: 'customer_facing',
      modelTypes: ['llm'],
      personalData: ['contact details'],
      thirdParty: [{ name: 'Hosted LLM API', kind: 'service' }],
      interactsWithPeople: true,
    },
  });
  return file;
}

describe('threats per AI system', () => {
  it('suggests threats from the system’s properties, each with its reason, none decided yet', () => {
    const dir = tempDir();
    const file = withAssistant(dir);
    const { system, threats } = call(dir, 'systems.threats', { file, system: 'Support assistant' });
    expect(system).toEqual({ id: 'SYS-001', name: 'Support assistant' });
    const injection = threats.find((t) => t.threatId === 'THR-08');
    expect(injection).toMatchObject({ name: 'Direct prompt injection', suggested: true, decision: null });
    expect(injection?.reasons[0]).toMatch(/customers or the public can prompt/);
    expect(threats.map((t) => t.threatId)).toEqual(expect.arrayContaining(['THR-11', 'THR-12', 'THR-23']));
    expect(threats.some((t) => t.threatId === 'THR-18')).toBe(false);
  });

  it('records confirm, dismiss (with reason) and add (not suggested) with who and when, logged and replayed', () => {
    const dir = tempDir();
    const file = withAssistant(dir);
    call(dir, 'systems.decideThreat', { file, system: 'SYS-001', decision: { threat: 'THR-08', decision: 'confirmed' } });
    const dismissed = call(dir, 'systems.decideThreat', {
      file,
      system: 'SYS-001',
      decision: { threat: 'THR-12', decision: 'dismissed', reason: 'The API contract forbids training on our data' },
    }).threat;
    expect(dismissed).toMatchObject({ decision: 'dismissed', reason: 'The API contract forbids training on our data', decidedBy: 'tester', suggested: true });
    expect(dismissed.decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    call(dir, 'systems.decideThreat', { file, system: 'SYS-001', decision: { threat: 'THR-22', decision: 'added', reason: 'Bot traffic floods the chat at night' } });
    const { threats } = call(dir, 'systems.threats', { file, system: 'SYS-001' });
    expect(threats.find((t) => t.threatId === 'THR-22')).toMatchObject({ suggested: false, decision: 'added', reasons: [] });
    expect(threats.find((t) => t.threatId === 'THR-08')).toMatchObject({ decision: 'confirmed', reason: null });
    const log = call(dir, 'audit.list', { file });
    expect(log.entries[0]).toMatchObject({ label: 'Threat of an AI system decided', item: 'SYS-001 THR-22', change: 'Added by the user (reason: Bot traffic floods the chat at night)' });
    expect(verifyFile(file).ok).toBe(true);
    // A decision can be changed; the latest one stands and replay still agrees.
    call(dir, 'systems.decideThreat', { file, system: 'SYS-001', decision: { threat: 'THR-12', decision: 'confirmed' } });
    expect(call(dir, 'systems.threats', { file, system: 'SYS-001' }).threats.find((t) => t.threatId === 'THR-12')).toMatchObject({ decision: 'confirmed', reason: null });
    expect(verifyFile(file).ok).toBe(true);
  });

  it('refuses bad decisions with a message naming the field, changing nothing', () => {
    const dir = tempDir();
    const file = withAssistant(dir);
    const before = fileHash(file);
    const refuse = (decision: unknown, system = 'SYS-001') => {
      const r = dispatch('systems.decideThreat', { file, system, decision }, testContext(dir));
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(refuse({ threat: 'THR-08', decision: 'dismissed' }).issues).toEqual([{ path: 'decision.reason', message: expect.stringMatching(/a reason is required to dismiss/) }]);
    expect(refuse({ threat: 'THR-22', decision: 'added', reason: ' ' }).issues?.[0]?.path).toBe('decision.reason');
    expect(refuse({ threat: 'THREAT-1', decision: 'confirmed' }).issues?.[0]).toMatchObject({ path: 'decision.threat', message: expect.stringMatching(/THR-01/) });
    expect(refuse({ threat: 'THR-08', decision: 'maybe' }).issues?.[0]?.path).toBe('decision.decision');
    expect(refuse({ threat: 'THR-99', decision: 'added', reason: 'because' }).message).toMatch(/no threat THR-99/);
    expect(refuse({ threat: 'THR-22', decision: 'confirmed' }).message).toMatch(/THR-22 is not suggested for SYS-001; add it/);
    expect(refuse({ threat: 'THR-08', decision: 'added', reason: 'x' }).message).toMatch(/already suggested.*confirm it/);
    expect(refuse({ threat: 'THR-08', decision: 'confirmed' }, 'SYS-404').message).toMatch(/has no AI system "SYS-404"/);
    expect(fileHash(file)).toBe(before);
  });

  it('is covered by verify: a decision edited in the file is named', () => {
    const dir = tempDir();
    const file = withAssistant(dir);
    call(dir, 'systems.decideThreat', { file, system: 'SYS-001', decision: { threat: 'THR-12', decision: 'dismissed', reason: 'No personal data leaves the EU tenant' } });
    const db = new Database(file);
    db.prepare("UPDATE system_threat SET decision = 'confirmed', reason = NULL").run();
    db.close();
    expect(verifyFile(file).message).toMatch(/system_threat row SYS-001\|THR-12, field decision/);
  });

  it('assay threats and assay threats decide work from the command line', () => {
    const dir = tempDir();
    const file = withAssistant(dir);
    const list = runAssay(dir, ['threats', file, 'SYS-001']);
    expect(list.code, list.err).toBe(0);
    expect(list.out).toMatch(/THR-08 Direct prompt injection\s+suggested/);
    expect(list.out).toMatch(/because a language model that customers or the public can prompt directly/);
    const dismiss = runAssay(dir, ['threats', 'decide', file, 'SYS-001', 'THR-10', '--dismiss', '--reason', 'Answers come only from approved articles']);
    expect(dismiss.code, dismiss.err).toBe(0);
    expect(dismiss.out).toMatch(/THR-10 Jailbreaks: dismissed/);
    const json = JSON.parse(runAssay(dir, ['threats', file, 'Support assistant', '--json']).out) as { threatId: string; decision: string | null }[];
    expect(json.find((t) => t.threatId === 'THR-10')?.decision).toBe('dismissed');
    const both = runAssay(dir, ['threats', 'decide', file, 'SYS-001', 'THR-08', '--confirm', '--dismiss', '--reason', 'x']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/exactly one of --confirm, --dismiss or --add/);
  }, 120_000);
});
