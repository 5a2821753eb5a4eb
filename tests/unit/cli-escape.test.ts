import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../electron/cli/format';
import { tempDir } from './helpers';

const BIN = resolve('electron/cli/assay.mjs');

function assay(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASSAY_HOME: join(cwd, 'home'), ASSAY_ACTOR: 'ci-bot' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// Anything a terminal would act on: C0 except newline and tab, DEL, C1, line separators, bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const TITLE_ATTACK = '\u001b]0;pwned\u0007';

describe('the command line never prints control characters raw', () => {
  it('escapes C0, C1, DEL, separators and bidi overrides visibly, keeping newlines and tabs', () => {
    expect(escapeControls(`${TITLE_ATTACK}\r\u009b31m\u007f\u2028\u202e`)).toBe('\\u001b]0;pwned\\u0007\\u000d\\u009b31m\\u007f\\u2028\\u202e');
    expect(escapeControls('a\tb\nc — é ✓')).toBe('a\tb\nc — é ✓');
  });

  it('prints an assessment named with a terminal title sequence visibly escaped, and JSON that parses back to the name', () => {
    const dir = tempDir();
    const name = `${TITLE_ATTACK} Acme\u009b2J\u2028Corp`;
    const text = assay(dir, 'new', 'a.assay', '--name', name);
    expect(text.code, text.err).toBe(0);
    expect(text.out).not.toMatch(RAW_CONTROL);
    expect(text.out).toContain('\\u001b]0;pwned\\u0007 Acme\\u009b2J\\u2028Corp');

    const json = assay(dir, 'new', 'b.assay', '--name', name, '--json');
    expect(json.code, json.err).toBe(0);
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.out) as { name: string }).name).toBe(name);
  }, 60_000);

  it('escapes a framework name on import and a file name in an error message', () => {
    const dir = tempDir();
    expect(assay(dir, 'new', 'a.assay', '--name', 'Plain').code).toBe(0);
    const source = join(dir, 'evil.yaml');
    writeFileSync(
      source,
      'framework:\n  id: evil-policy\n  name: "Evil \\e]0;pwned\\a policy"\n  publisher: Someone\n  version: "1"\nrequirements:\n  - { id: E-1, title: "Clear \\e[2J screen" }\n',
    );
    const imported = assay(dir, 'import-framework', 'a.assay', source);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('(Evil \\u001b]0;pwned\\u0007 policy)');
    expect(imported.out).not.toMatch(RAW_CONTROL);

    const missing = assay(dir, 'controls', `x${TITLE_ATTACK}.assay`);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('x\\u001b]0;pwned\\u0007.assay');
    expect(missing.err).not.toMatch(RAW_CONTROL);
  }, 90_000);
});
