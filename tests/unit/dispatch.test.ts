import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch, dispatchPatiently } from '../../electron/dispatch';
import { commandNames, commands } from '../../shared/commands';
import { tempDir, testContext } from './helpers';

function ok<T>(result: ReturnType<typeof dispatch>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the command table behind every door', () => {
  it('has a summary, an input and an output schema for every command', () => {
    for (const name of commandNames) {
      expect(commands[name].summary.length).toBeGreaterThan(10);
      expect(commands[name].input.safeParse).toBeTypeOf('function');
      expect(commands[name].output.safeParse).toBeTypeOf('function');
    }
  });

  it('refuses an unknown command by name', () => {
    const result = dispatch('controls.delete', {}, testContext(tempDir()));
    expect(result).toMatchObject({ ok: false, error: { code: 'usage' } });
    expect(!result.ok && result.error.message).toMatch(/unknown command "controls.delete"; known commands: app.info/);
  });

  it('names the command and the field when input is invalid', () => {
    const result = dispatch('assessment.create', { file: 'x.txt', name: '' }, testContext(tempDir()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^input of assessment\.create is invalid/);
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['file', 'name']);
  });

  it('rejects unexpected fields instead of ignoring them', () => {
    const result = dispatch('assessment.open', { file: '/x.assay', readonly: true }, testContext(tempDir()));
    expect(!result.ok && result.error.message).toMatch(/readonly/);
  });

  it('creates, lists, sets and verifies through the same handlers', () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const file = join(dir, 'docs', 'demo.assay');
    const summary = ok<{ counts: { total: number }; file: string }>(dispatch('assessment.create', { file, name: 'Demo' }, ctx));
    expect(summary.file).toBe(file);
    const { controls } = ok<{ controls: { id: string; state: string }[] }>(dispatch('controls.list', { file }, ctx));
    expect(controls).toHaveLength(summary.counts.total);
    expect(controls.every((c) => c.state === 'not_started')).toBe(true);
    const set = ok<{ control: { state: string }; counts: { implemented: number } }>(
      dispatch('controls.setState', { file, controlId: 'MOD-01', state: 'implemented' }, ctx),
    );
    expect(set.control.state).toBe('implemented');
    expect(set.counts.implemented).toBe(1);
    expect(ok<{ ok: boolean; entries: number }>(dispatch('audit.verify', { file }, ctx))).toMatchObject({ ok: true, entries: 2 });
    // Every output conforms to its declared schema.
    expect(commands['controls.list'].output.safeParse({ controls }).success).toBe(true);
  });

  it('requires a justification for not applicable, and changes nothing when it is missing', () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const file = join(dir, 'a.assay');
    ok(dispatch('assessment.create', { file, name: 'Demo' }, ctx));
    for (const justification of [undefined, '   ', 'too short']) {
      const result = dispatch('controls.setState', { file, controlId: 'GOV-02', state: 'not_applicable', justification }, ctx);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.issues?.[0]?.path).toBe('justification');
    }
    const { controls } = ok<{ controls: { id: string; state: string }[] }>(dispatch('controls.list', { file }, ctx));
    expect(controls.find((c) => c.id === 'GOV-02')?.state).toBe('not_started');
    expect(ok<{ entries: number }>(dispatch('audit.verify', { file }, ctx)).entries).toBe(1);
  });

  it('reports an unknown control as not found, naming it and the file', () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const file = join(dir, 'a.assay');
    ok(dispatch('assessment.create', { file, name: 'Demo' }, ctx));
    const result = dispatch('controls.setState', { file, controlId: 'ZZZ-99', state: 'implemented' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!result.ok && result.error.message).toBe(`control ZZZ-99 is not in the catalog of ${file}`);
  });

  it('remembers created and opened files, newest first, and marks missing ones', () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    const first = join(dir, 'one.assay');
    const second = join(dir, 'two.assay');
    ok(dispatch('assessment.create', { file: first, name: 'One' }, ctx));
    ok(dispatch('assessment.create', { file: second, name: 'Two' }, ctx));
    ok(dispatch('assessment.open', { file: first }, ctx));
    const { files } = ok<{ files: { file: string; name: string; exists: boolean }[] }>(dispatch('app.recent', {}, ctx));
    expect(files.map((f) => f.name)).toEqual(['One', 'Two']);
    ok(dispatch('assessment.close', { file: second }, ctx));
    rmSync(second);
    const after = ok<{ files: { name: string; exists: boolean }[] }>(dispatch('app.recent', {}, ctx)).files;
    expect(after.find((f) => f.name === 'Two')?.exists).toBe(false);
  });

  describe('when another writer holds the file (an import job committing)', () => {
    function lockedFor(file: string, ms: number): { released: Promise<void> } {
      const other = new Database(file);
      other.exec('BEGIN EXCLUSIVE');
      const released = new Promise<void>((done) =>
        setTimeout(() => {
          other.exec('COMMIT');
          other.close();
          done();
        }, ms),
      );
      return { released };
    }

    function created(): { file: string; ctx: ReturnType<typeof testContext> } {
      const dir = tempDir();
      const ctx = testContext(dir);
      const file = join(dir, 'locked.assay');
      ok(dispatch('assessment.create', { file, name: 'Locked' }, ctx));
      ok(dispatch('controls.list', { file }, ctx));
      return { file, ctx };
    }

    it('the plain dispatch refuses at once, naming the lock; the doors try again until the lock is gone', async () => {
      const { file, ctx } = created();
      let lock = lockedFor(file, 600);
      const refused = dispatch('controls.list', { file }, ctx);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.message).toMatch(/locked|another program is writing/);
      await lock.released;
      lock = lockedFor(file, 600);
      const start = performance.now();
      const answered = await dispatchPatiently('controls.list', { file }, ctx);
      expect(answered.ok).toBe(true);
      expect(performance.now() - start).toBeGreaterThan(250);
      await lock.released;
    });

    it('a write that met the lock wrote nothing, so it is tried again and lands once', async () => {
      const { file, ctx } = created();
      const head = ok<{ head: { count: number } }>(dispatch('assessment.open', { file }, ctx)).head.count;
      const lock = lockedFor(file, 600);
      const set = await dispatchPatiently('controls.setState', { file, controlId: 'GOV-01', state: 'implemented' }, ctx);
      expect(set.ok).toBe(true);
      await lock.released;
      expect(ok<{ head: { count: number } }>(dispatch('assessment.open', { file }, ctx)).head.count).toBe(head + 1);
    });

    it('gives up after its patience, with the same clear refusal', async () => {
      const { file, ctx } = created();
      const lock = lockedFor(file, 1500);
      const result = await dispatchPatiently('controls.list', { file }, ctx, {}, 300);
      expect(result.ok).toBe(false);
      await lock.released;
    });
  });
});
