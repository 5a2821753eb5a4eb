import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { MAX_FRAMEWORK_ITEMS, readUserFramework } from '../../electron/catalog/user-framework';
import { MAX_LISTED_PROBLEMS, MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../../electron/catalog/yaml';
import { dispatch } from '../../electron/dispatch';
import { DEFAULT_INPUT_LIMIT, INPUT_LIMIT_ENV, assertRegularFile, readInputFile } from '../../electron/files/read-input';
import { closeAll } from '../../electron/handlers/open-files';
import { parentCycles } from '../../shared/catalog/hierarchy';
import { Catalog, type Framework } from '../../shared/catalog/schema';
import { ancestors, buildIndex, refOf } from '../../shared/catalog/trace';
import { tempDir, testContext } from './helpers';

const BIN = resolve('electron/cli/assay.mjs');

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A fresh assessment, closed, with the hash of its bytes: every refusal must leave them as they are. */
function assessment() {
  const dir = tempDir();
  const ctx = testContext(dir);
  const file = join(dir, 'a.assay');
  const created = dispatch('assessment.create', { file, name: 'Hostile inputs' }, ctx);
  if (!created.ok) throw new Error(created.error.message);
  closeAll();
  return { dir, ctx, file, before: sha256(file) };
}

/** Imports through the command table (as every door does) and returns the refusal, checking the file is unchanged. */
function refusedImport(source: string): { code: string; message: string } {
  const { ctx, file, before } = assessment();
  const result = dispatch('catalog.importFramework', { file, source }, ctx);
  closeAll();
  expect(sha256(file)).toBe(before);
  if (result.ok) throw new Error(`${source} was imported`);
  return result.error;
}

/** The real command line in a child process with a time limit, so a read that blocks fails the test instead of hanging it. */
function cliImport(dir: string, file: string, source: string) {
  const run = spawnSync(process.execPath, [BIN, 'import-framework', file, source], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ASSAY_HOME: join(dir, 'home'), ASSAY_ACTOR: 'ci-bot' },
  });
  return { code: run.status, signal: run.signal, err: run.stderr };
}

function writeFramework(dir: string, name: string, requirements: string): string {
  const path = join(dir, name);
  writeFileSync(path, `framework:\n  id: hostile\n  name: Hostile test\n  publisher: Tests\n  version: "1"\nrequirements:\n${requirements}`);
  return path;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

describe('special files are refused at once, naming the file', () => {
  it('/dev/zero: a character device, refused before a byte is read (the command line exits 1 at once)', () => {
    expect(() => readInputFile('/dev/zero')).toThrow('/dev/zero: is a character device, not a file');
    const { dir, file, before } = assessment();
    const r = cliImport(dir, file, '/dev/zero');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.err).toContain('/dev/zero: is a character device, not a file');
    expect(sha256(file)).toBe(before);
  }, 90_000);

  it('a FIFO with no writer: refused, not waited on', () => {
    const { dir, file, before } = assessment();
    const fifo = join(dir, 'pipe.yaml');
    spawnSync('mkfifo', [fifo]);
    const r = cliImport(dir, file, fifo);
    expect(r.signal, 'the import blocked on the FIFO').toBeNull();
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${fifo}: is a named pipe (FIFO), not a file`);
    expect(sha256(file)).toBe(before);
    expect(refusedImport(fifo).message).toBe(`${fifo}: is a named pipe (FIFO), not a file`);
  }, 90_000);

  it('a folder', () => {
    const folder = join(tempDir(), 'frameworks.yaml');
    mkdirSync(folder);
    expect(refusedImport(folder)).toEqual({ code: 'invalid_input', message: `${folder}: is a folder, not a file` });
  });

  it('a socket', async () => {
    const path = join(tempDir(), 'listening.sock');
    const server = createServer();
    servers.push(server);
    await new Promise<void>((done) => server.listen(path, done));
    expect(refusedImport(path).message).toBe(`${path}: is a socket, not a file`);
  });

  it('a missing file says so', () => {
    const path = join(tempDir(), 'nowhere.yaml');
    expect(refusedImport(path)).toEqual({ code: 'not_found', message: `${path}: no such file` });
  });

  it('a file over the limit is refused by its size, naming the limit and how to raise it', () => {
    const path = join(tempDir(), 'huge.yaml');
    writeFileSync(path, Buffer.alloc(DEFAULT_INPUT_LIMIT + 1, 0x20));
    expect(refusedImport(path).message).toBe(`${path}: is 20 MiB; framework files are limited to 20 MiB (set ${INPUT_LIMIT_ENV} to allow more)`);
  });

  it('the limit is an option and an environment override; a bad override is a usage error', () => {
    const path = join(tempDir(), 'small.yaml');
    writeFileSync(path, 'x'.repeat(2048));
    expect(readInputFile(path, { maxBytes: 2048 })).toHaveLength(2048);
    expect(() => readInputFile(path, { maxBytes: 1024, what: 'evidence files' })).toThrow(`${path}: is 2 KiB; evidence files are limited to 1 KiB`);
    expect(() => readInputFile(path, { env: { [INPUT_LIMIT_ENV]: '1000' } })).toThrow('input files are limited to 1000 bytes');
    expect(() => readInputFile(path, { env: { [INPUT_LIMIT_ENV]: 'lots' } })).toThrow(`${INPUT_LIMIT_ENV} must be a whole number of bytes`);
  });

  it('stops reading at the limit when a file is longer than its size said (a /proc file reports 0 bytes)', () => {
    expect(() => readInputFile('/proc/self/maps', { maxBytes: 100 })).toThrow('/proc/self/maps: is larger than 100 bytes; input files are limited to 100 bytes');
  });

  it('follows a symbolic link and judges what it points to', () => {
    const link = join(tempDir(), 'innocent.yaml');
    symlinkSync('/dev/zero', link);
    expect(refusedImport(link).message).toBe(`${link}: is a character device, not a file`);
  });

  it('assertRegularFile, for paths handed to SQLite: folders and FIFOs named, missing allowed only when asked', () => {
    const dir = tempDir();
    expect(() => assertRegularFile(dir)).toThrow(`${dir}: is a folder, not a file`);
    const fifo = join(dir, 'p');
    spawnSync('mkfifo', [fifo]);
    expect(() => assertRegularFile(fifo)).toThrow(`${fifo}: is a named pipe (FIFO), not a file`);
    expect(() => assertRegularFile(join(dir, 'new.assay'))).toThrow('no such file');
    expect(() => assertRegularFile(join(dir, 'new.assay'), { allowMissing: true })).not.toThrow();
    writeFileSync(join(dir, 'f'), 'x');
    expect(() => assertRegularFile(join(dir, 'f'))).not.toThrow();
  });
});

describe('framework files with hostile structure', () => {
  it('refuses parents that form a cycle, naming it', () => {
    const path = writeFramework(
      tempDir(),
      'cycle.yaml',
      ['  - { id: A, title: First, parent: B }', '  - { id: B, title: Second, parent: A }', '  - { id: C, title: Fine }'].join('\n'),
    );
    const error = refusedImport(path);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`${path}:7 requirements #1 › parent: parents form a cycle: A → B → A`);
  });

  it('refuses an item that is its own parent', () => {
    const path = writeFramework(tempDir(), 'self.yaml', '  - { id: A, title: Root }\n  - { id: B, title: Loop, parent: B }\n');
    expect(refusedImport(path).message).toContain(`${path}:8 requirements #2 › parent: B is its own parent`);
  });

  it('refuses a cycle in a CISO Assistant library, named by ref ids', () => {
    const path = join(tempDir(), 'ciso-cycle.yaml');
    writeFileSync(
      path,
      [
        'urn: urn:x:library',
        'ref_id: x',
        'name: X',
        'objects:',
        '  framework:',
        '    urn: urn:x:framework',
        '    ref_id: xf',
        '    name: X framework',
        '    requirement_nodes:',
        '      - { urn: "urn:x:n:1", ref_id: "1", name: One, parent_urn: "urn:x:n:2" }',
        '      - { urn: "urn:x:n:2", ref_id: "2", name: Two, parent_urn: "urn:x:n:1" }',
      ].join('\n'),
    );
    expect(refusedImport(path).message).toContain('parents form a cycle: 1 → 2 → 1');
  });

  it(`caps the number of items at ${MAX_FRAMEWORK_ITEMS}, before validating each`, () => {
    const lines = Array.from({ length: MAX_FRAMEWORK_ITEMS + 1 }, (_, i) => `  - { id: R${i}, title: Requirement ${i} }`);
    const path = writeFramework(tempDir(), 'many.yaml', lines.join('\n'));
    expect(refusedImport(path).message).toBe(`${path}: has 20,001 requirements; a framework may have at most 20,000`);
  }, 60_000);

  it('refuses a YAML alias bomb as invalid input naming the file, not as an unexpected error', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']] as const)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const path = join(tempDir(), 'bomb.yaml');
    writeFileSync(path, `${levels.join('\n')}\n`);
    const error = refusedImport(path);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      `${path}: its aliases (*name) expand to too many values (more than ${MAX_YAML_ALIASES}); a file like this is refused as a resource-exhaustion attack`,
    );
  });

  it('refuses deep nesting, in flow style (which overflows the parser) and in block style', () => {
    const dir = tempDir();
    const flow = join(dir, 'flow.json');
    writeFileSync(flow, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(refusedImport(flow)).toEqual({ code: 'invalid_input', message: `${flow}:1: nested too deeply (more than ${MAX_YAML_DEPTH} levels)` });
    const block = join(dir, 'block.yaml');
    writeFileSync(block, `${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`);
    const error = refusedImport(block);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(new RegExp(`^${block}:\\d+: nested too deeply \\(more than ${MAX_YAML_DEPTH} levels\\)$`));
  });

  it('reports every problem of a refused file in one pass, 1-based, in plain words', () => {
    const path = join(tempDir(), 'many-problems.yaml');
    writeFileSync(
      path,
      [
        'framework:',
        '  id: Not A Valid Id',
        '  name: Many problems',
        '  version: "1"',
        'requirements:',
        '  - id: R1',
        '    title: Fine',
        '  - id: R2',
        '  - id: R1',
        '    title: Duplicate',
        '  - id: R4',
        '    title: Orphan',
        '    parent: R99',
        '  - id: R5',
        '    title: Loop',
        '    parent: R5',
        '    colour: blue',
      ].join('\n'),
    );
    const error = refusedImport(path);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`${path} is invalid:`);
    expect(lines.slice(1)).toEqual([
      `  - ${path}:2 framework.id: framework ids are lower-case words joined by hyphens`,
      `  - ${path}:2 framework.publisher: a publisher is required`,
      `  - ${path}:8 requirements #2 › title: a title is required`,
      `  - ${path}:9 requirements #3 › id: duplicate id R1 (first used by #1)`,
      `  - ${path}:13 requirements #4 › parent: parent R99 is not a requirement id in this file`,
      `  - ${path}:14 requirements #5: unknown field "colour" (check the spelling)`,
      `  - ${path}:16 requirements #5 › parent: R5 is its own parent`,
    ]);
    expect(error.message).not.toMatch(/Invalid input|received undefined/);
  });

  it('lists the first problems in the message and carries every one in the issues when a file is wrong throughout', () => {
    const lines = Array.from({ length: 250 }, (_, i) => `  - { id: R${i} }`);
    const path = writeFramework(tempDir(), 'all-wrong.yaml', lines.join('\n'));
    const { ctx, file, before } = assessment();
    const result = dispatch('catalog.importFramework', { file, source: path }, ctx);
    closeAll();
    expect(sha256(file)).toBe(before);
    if (result.ok) throw new Error('imported');
    expect(result.error.issues).toHaveLength(250);
    expect(result.error.issues![249]).toEqual({ path: `${path}:256 requirements #250 › title`, message: 'a title is required' });
    const listed = result.error.message.split('\n');
    expect(listed).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
    expect(listed.at(-1)).toBe('  … and 150 more problems of the same file');
  });

  it('still imports a well-formed file through the same reader', () => {
    const imported = readUserFramework(resolve('tests/fixtures/frameworks/acme-policy.yaml'));
    expect(imported.framework.items.length).toBe(4);
  });
});

describe('walking the catalog is safe against cycles', () => {
  it('finds every cycle once, closed on its first item', () => {
    const links = [
      { id: 'X', parent: 'A' },
      { id: 'A', parent: 'B' },
      { id: 'B', parent: 'A' },
      { id: 'S', parent: 'S' },
      { id: 'T' },
    ];
    expect(parentCycles(links)).toEqual([['A', 'B', 'A'], ['S', 'S']]);
  });

  it('ancestors() of an item in a cyclic snapshot ends, and the catalog schema refuses the snapshot', () => {
    const bundled = loadBundledCatalog();
    const cyclic: Framework = {
      ...bundled.frameworks[0]!,
      id: 'tampered',
      origin: 'user',
      items: [
        { id: 'A', kind: 'requirement', title: 'A', parent: 'B', assessable: true },
        { id: 'B', kind: 'requirement', title: 'B', parent: 'A', assessable: true },
        { id: 'C', kind: 'requirement', title: 'C', parent: 'A', assessable: true },
      ],
    };
    const catalog = { ...bundled, frameworks: [...bundled.frameworks, cyclic] };
    const index = buildIndex(catalog);
    expect(ancestors(index, refOf('tampered', 'C')).map((e) => e.item.id)).toEqual(['B', 'A']);
    expect(ancestors(index, refOf('tampered', 'A')).map((e) => e.item.id)).toEqual(['B']);
    const parsed = Catalog.safeParse(catalog);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('tampered: parents form a cycle: A → B → A');
  });
});
