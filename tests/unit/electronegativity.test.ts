import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, type Finding, judge, readConfig, scan } from '../security/electronegativity';
import { tempDir } from './helpers';

const SCRIPT = resolve('tests/security/electronegativity.ts');
const FIXTURES = resolve('tests/fixtures/electronegativity');

function gate(config: Config): { code: number | null; out: string } {
  const file = join(tempDir(), 'electronegativity.json');
  writeFileSync(file, JSON.stringify(config));
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--config', file, '--root', FIXTURES], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

const base: Config = { electronVersion: '41.7.1', scan: ['unsafe'], excluded: [{ check: 'AvailableSecurityFixesGlobalCheck', why: 'needs the network, which tests do not have' }], justified: [] };

const finding = (over: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK', file: 'out/main/main.js', line: 1, column: 0, severity: 'MEDIUM', confidence: 'FIRM', code: 'new BrowserWindow({', description: '', ...over,
});

describe('the Electronegativity gate', () => {
  it('fails on a window with nodeIntegration and no isolation, naming the check and the file', () => {
    const { code, out } = gate(base);
    expect(code, out).toBe(1);
    expect(out).toMatch(/NOT JUSTIFIED NODE_INTEGRATION_JS_CHECK unsafe\/main\.cjs:5:/);
    expect(out).toMatch(/NOT JUSTIFIED CONTEXT_ISOLATION_JS_CHECK unsafe\/main\.cjs/);
  }, 180_000);

  it('passes once every finding is justified, and fails on a justification that matches nothing', async () => {
    const { findings } = await scan(base, FIXTURES);
    expect(findings.map((f) => f.check)).toContain('NODE_INTEGRATION_JS_CHECK');
    const justified = findings.map((f) => ({ check: f.check, file: f.file, why: 'justified for this test only, in plain words' }));
    expect(judge({ ...base, justified }, findings)).toEqual({ unjustified: [], stale: [] });
    const stale = { check: 'REMOTE_MODULE_JS_CHECK', file: 'unsafe/*.cjs', why: 'a finding the fixture does not have any more' };
    const { code, out } = gate({ ...base, justified: [...justified, stale] });
    expect(code, out).toBe(1);
    expect(out).toContain('STALE justification (matches no finding, remove it): REMOTE_MODULE_JS_CHECK unsafe/*.cjs');
    expect(out).not.toContain('NOT JUSTIFIED');
  }, 180_000);

  it('matches a justification by check, file pattern and the text of the flagged line', () => {
    const config = { ...base, justified: [{ check: 'SANDBOX_JS_CHECK', file: 'out/main/*.js', code: 'mainWindow = new BrowserWindow({', why: 'a justification for this test' }] };
    expect(judge(config, [finding({ code: 'mainWindow = new BrowserWindow({' })]).unjustified).toEqual([]);
    // Another window, another file or another check is not covered by it.
    for (const other of [finding({ code: 'popup = new BrowserWindow({' }), finding({ file: 'out/main/chunks/x.js' }), finding({ check: 'CONTEXT_ISOLATION_JS_CHECK' })])
      expect(judge(config, [other]).unjustified).toHaveLength(1);
  });

  it('has a config whose every entry says why', () => {
    const config = readConfig(resolve('tests/security/electronegativity.json'));
    expect(config.scan).toEqual(['out/main', 'out/preload', 'out/renderer']);
    for (const j of config.justified) expect(j.why.length).toBeGreaterThan(80);
  });
});
