import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

/**
 * The README's command-line examples are what a newcomer types first, so they are run as written:
 * every `npx assay …` line of every shell block, in order, in one temporary folder that holds a
 * copy of `examples/`. A command added to the README is picked up without touching this test.
 */

// The command line compiled once for the run (tests/support/test-cli.ts): the same sources the bin
// runs through tsx, started in a third of the time; cli-escape and the kill tests spawn the bin itself.
const BIN = process.env.ASSAY_TEST_CLI ?? resolve('electron/cli/assay.mjs');

interface ReadmeCommand {
  line: number;
  text: string;
  args: string[];
}

/** Splits a shell line into words the way sh would for these examples: quotes, escapes, a trailing comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) text += line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '') ? line[++i] : line[i];
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
      word = (word ?? '') + text;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Every `npx assay` command in the README's sh blocks, with its line number; continuation lines are joined. */
function readmeCommands(markdown: string): ReadmeCommand[] {
  const lines = markdown.split('\n');
  const found: ReadmeCommand[] = [];
  let inShell = false;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^\s*```(\w*)/.exec(lines[i]!);
    if (fence) {
      inShell = !inShell && ['sh', 'shell', 'bash', 'console'].includes(fence[1]!);
      continue;
    }
    if (!inShell) continue;
    const start = i;
    let text = lines[i]!.trim().replace(/^\$\s+/, '');
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]!.trim()}`;
    const words = shellWords(text);
    if (words[0] === 'npx' && words[1] === 'assay') found.push({ line: start + 1, text, args: words.slice(2) });
  }
  return found;
}

const readme = readFileSync('README.md', 'utf8');
const examples = readmeCommands(readme);

describe("the README's command-line examples", () => {
  it('are found, including the framework import that needs a shipped example file', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.map((e) => e.args[0])).toEqual(expect.arrayContaining(['new', 'controls', 'set-state', 'verify', 'import-framework']));
    expect(shellWords(`npx assay call app.info '{}'  # JSON in`)).toEqual(['npx', 'assay', 'call', 'app.info', '{}']);
    expect(shellWords('npx assay new "a b.assay" --name "Acme \\"Corp\\""')).toEqual(['npx', 'assay', 'new', 'a b.assay', '--name', 'Acme "Corp"']);
  });

  it('each exits 0 when run as written, in order, in a fresh folder', () => {
    const dir = tempDir();
    cpSync('examples', join(dir, 'examples'), { recursive: true });
    for (const example of examples) {
      const run = spawnSync(process.execPath, [BIN, ...example.args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ASSAY_HOME: join(dir, 'home'), ASSAY_DOCUMENTS: join(dir, 'docs'), ASSAY_ACTOR: 'readme-test' },
      });
      expect(run.status, `README.md:${example.line}: ${example.text}\n${run.stderr}`).toBe(0);
    }
    // Each example is a process start (tsx compiles the CLI); a ceiling per example, not a speed target.
  }, 30_000 * Math.max(1, examples.length));

  it('every file a README example names exists in the repository', () => {
    const named = examples.flatMap((e) => e.args.filter((a) => a.startsWith('examples/')));
    expect(named.length).toBeGreaterThan(0);
    for (const path of named) expect(() => readFileSync(path), path).not.toThrow();
  });
});
