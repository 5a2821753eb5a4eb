/**
 * The Electronegativity gate: scans the BUILT Electron code (what the app really runs) and fails on
 * any finding that electronegativity.json beside this file does not justify in words, and on any
 * justification that no longer matches a finding (so the list cannot go stale).
 *
 *   node --import tsx tests/security/electronegativity.ts [--config <file>] [--root <folder the scan paths are in>]
 *
 * Exit codes: 0 clean, 1 a finding without a justification (or a stale one, or a file it could not
 * read), 2 the build or the config is missing.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const Justification = z.object({
  check: z.string().min(1),
  /** A path as the config's scan list names it (out/main/main.js); `*` matches within one path part. */
  file: z.string().min(1),
  /** Text of the flagged line, so the justification follows the code, not a line number a rebuild moves. */
  code: z.string().optional(),
  why: z.string().min(20),
});

const Config = z.object({
  electronVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** Folders (relative to the config's root) to scan together, so global checks see the whole app. */
  scan: z.array(z.string().min(1)).min(1),
  /** Checks switched off, each with its reason. */
  excluded: z.array(z.object({ check: z.string().min(1), why: z.string().min(20) })),
  justified: z.array(Justification),
});
export type Config = z.infer<typeof Config>;

export interface Finding {
  check: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  code: string;
  description: string;
}

interface RawIssue {
  id: string;
  file: string;
  sample?: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}
interface RawResult {
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}
type Runner = (options: Record<string, unknown>) => Promise<RawResult>;

/**
 * Electronegativity fetches translations and Electron's release list over the network (the second
 * with no timeout at all). Assay runs no network in tests: its HTTP client is replaced, before the
 * scanner loads, by one that fails at once, which the scanner treats as "offline" and goes on.
 */
function loadOfflineRunner(): Runner {
  const require = createRequire(import.meta.url);
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const fromScanner = createRequire(runnerPath);
  const offline = () => Promise.reject(new Error('offline: Assay scans without network'));
  for (const got of new Set([fromScanner.resolve('got'), createRequire(join(dirname(runnerPath), 'finder/checks/GlobalChecks/x.js')).resolve('got')])) {
    const stub = new Module(got);
    stub.filename = got;
    stub.loaded = true;
    stub.exports = offline;
    require.cache[got] = stub;
  }
  return require(runnerPath) as Runner;
}

/**
 * The scanner reads only .js/.html/... files, and the preload is .cjs: the build is copied into a
 * temporary folder with .cjs/.mjs named .js, and findings are reported under the real names.
 */
function stage(root: string, folders: string[]): { dir: string; realName: Map<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'assay-electronegativity-'));
  const realName = new Map<string, string>();
  const copy = (from: string, name: string) => {
    if (statSync(from).isDirectory()) {
      for (const entry of readdirSync(from)) copy(join(from, entry), `${name}/${entry}`);
      return;
    }
    const staged = name.replace(/\.[cm]js$/, '.js');
    realName.set(staged, name);
    const target = join(dir, staged);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(from, target);
  };
  for (const folder of folders) {
    const from = resolve(root, folder);
    if (!existsSync(from)) throw new UsageError(`${folder} does not exist: run \`npm run build\` first`);
    copy(from, folder);
  }
  return { dir, realName };
}

export class UsageError extends Error {}

export async function scan(config: Config, root: string): Promise<{ findings: Finding[]; unreadable: string[] }> {
  const run = loadOfflineRunner();
  const { dir, realName } = stage(root, config.scan);
  // Its one line of offline noise ("Could not retrieve updated translations") is dropped; all else is shown.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Could not retrieve updated translations'))) log(...args);
  };
  try {
    const result = await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: config.electronVersion,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      excludeFromScan: config.excluded.map((e) => e.check),
    });
    const findings = result.issues.map((i) => ({
      check: i.id,
      file: realName.get(i.file.split('\\').join('/')) ?? i.file,
      line: i.location.line,
      column: i.location.column,
      severity: i.severity.name,
      confidence: i.confidence.name,
      code: (i.sample ?? '').trim(),
      description: i.description,
    }));
    const unreadable = result.errors.filter((e) => !e.tolerable).map((e) => `${realName.get(relative(dir, e.file)) ?? e.file}: ${e.message}`);
    return { findings, unreadable };
  } finally {
    console.log = log;
    rmSync(dir, { recursive: true, force: true });
  }
}

function fileMatches(pattern: string, file: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return re.test(file);
}

function covers(j: z.infer<typeof Justification>, f: Finding): boolean {
  return j.check === f.check && fileMatches(j.file, f.file) && (j.code === undefined || f.code.includes(j.code));
}

/** Findings no justification covers, and justifications that cover nothing (stale). */
export function judge(config: Config, findings: Finding[]): { unjustified: Finding[]; stale: Config['justified'] } {
  return {
    unjustified: findings.filter((f) => !config.justified.some((j) => covers(j, f))),
    stale: config.justified.filter((j) => !findings.some((f) => covers(j, f))),
  };
}

export function readConfig(file: string): Config {
  if (!existsSync(file)) throw new UsageError(`${file}: no such config`);
  const parsed = Config.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const where = (f: Finding) => `${f.check} ${f.file}:${f.line}:${f.column} (${f.severity}, ${f.confidence})${f.code ? `\n      ${f.code.slice(0, 160)}` : ''}`;

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf('--config');
  const configFile = resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : join(dirname(fileURLToPath(import.meta.url)), 'electronegativity.json'));
  const config = readConfig(configFile);
  const rootAt = argv.indexOf('--root');
  const root = resolve(rootAt >= 0 && argv[rootAt + 1] ? argv[rootAt + 1]! : '.');
  const { findings, unreadable } = await scan(config, root);
  const { unjustified, stale } = judge(config, findings);
  console.log(`electronegativity: ${findings.length} finding(s) in ${config.scan.join(', ')}, ${findings.length - unjustified.length} justified in ${relative(process.cwd(), configFile)}`);
  for (const f of unjustified) console.log(`  NOT JUSTIFIED ${where(f)}\n      ${f.description}`);
  for (const j of stale) console.log(`  STALE justification (matches no finding, remove it): ${j.check} ${j.file}${j.code ? ` "${j.code}"` : ''}`);
  for (const u of unreadable) console.log(`  COULD NOT SCAN ${u}`);
  if (unjustified.length > 0) console.log(`Fix each finding above in the Electron code, or justify it in plain words in ${relative(process.cwd(), configFile)}.`);
  return unjustified.length + stale.length + unreadable.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
