import { createHash } from 'node:crypto';
import { promptfooTarget } from '../../../shared/imports/redteam-map';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord, ReadContext, ReadResult } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import type { ImportSource } from '../source';
import { readCsvTable } from '../tabular/read-table';
import { loadRedteamMap } from './redteam-map';
import { asNumber, asRecord, asString, externalId, findingRecord, noteHidden, severityOr, systemOf, trimText } from './redteam-common';

/**
 * promptfoo results: the JSON of `promptfoo eval -o results.json` and `promptfoo export` (results
 * version 3 and the older shape with the results list at the top), and the red-team report CSV
 * (Test ID, Plugin, Strategy, Target, Prompt, Response, Pass, Score, Reason, Timestamp). One
 * finding per failed test case and target; the plugin names the threat through the mapping table.
 */

const CSV_COLUMNS = ['Test ID', 'Plugin', 'Strategy', 'Target', 'Prompt', 'Response', 'Pass'];
const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
const oneLine = (text: string, max = 90) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

interface Case {
  key: string;
  location: string;
  plugin: string | null;
  strategy: string | null;
  provider: string | null;
  prompt: string | null;
  response: string | null;
  passed: boolean;
  reason: string | null;
  severity: unknown;
  label: string | null;
  at: string | null;
}

function toRecord(c: Case, ctx: ReadContext, tool: string): ImportRecord {
  const map = loadRedteamMap();
  const system = systemOf(ctx, c.provider);
  const notes = [noteHidden(ctx, c.location, 'prompt', c.prompt), noteHidden(ctx, c.location, 'response', c.response)].filter(Boolean);
  const what = c.plugin ?? c.label ?? 'test';
  return findingRecord({
    externalId: externalId('promptfoo', `${c.plugin ?? 'test'}/${c.key}${c.provider ? `/${c.provider}` : ''}`, system),
    location: c.location,
    title: `${what}${c.strategy && c.strategy !== 'basic' ? ` (${c.strategy})` : ''}: ${c.reason ? oneLine(c.reason) : c.passed ? 'passed' : 'failed'}`,
    system,
    target: c.plugin ? promptfooTarget(map, c.plugin) : { threats: [], owasp: [] },
    references: [c.plugin ? `promptfoo:${c.plugin}` : '', c.strategy ? `strategy:${c.strategy}` : ''].filter(Boolean),
    data: {
      tool,
      severity: severityOr(c.severity, 'medium'),
      description: [c.reason, ...notes].filter(Boolean).join('\n') || null,
      status: c.passed ? 'fixed' : null,
      statusReason: c.passed ? `passed when tested${c.at ? ` on ${c.at.slice(0, 10)}` : ''}` : null,
      prompt: c.prompt,
      response: c.response,
      where: [c.plugin && `plugin ${c.plugin}`, c.strategy && `strategy ${c.strategy}`, c.provider && `target ${c.provider}`].filter(Boolean).join(', ') || null,
      detectedAt: c.at,
      attempts: null,
    },
  });
}

function readJson(source: ImportSource, ctx: ReadContext): ReadResult {
  const root = asRecord(parseJson(source.text(), source.name));
  const nested = asRecord(root.results);
  const list = Array.isArray(nested.results) ? nested.results : Array.isArray(root.results) ? root.results : null;
  const base = Array.isArray(nested.results) ? ['results', 'results'] : ['results'];
  if (!list) throw new AssayError('invalid_input', `${source.name}: is JSON but has no promptfoo results list ($.results.results)`);
  const meta = asRecord(root.metadata);
  const tool = `promptfoo${asString(meta.promptfooVersion) ? ` ${asString(meta.promptfooVersion)}` : ''}`;
  const at = asString(nested.timestamp) ?? asString(meta.evaluationCreatedAt);
  const records: ImportRecord[] = [];
  list.forEach((raw, i) => {
    const location = jsonPath(...base, i);
    const r = asRecord(raw);
    const grading = asRecord(r.gradingResult);
    const pass = typeof r.success === 'boolean' ? r.success : typeof grading.pass === 'boolean' ? grading.pass : null;
    if (pass === null) {
      ctx.problem({ severity: 'warning', location, field: 'success', message: 'a result without success or gradingResult.pass: left out' });
      return;
    }
    const testCase = asRecord(r.testCase);
    const metadata = { ...asRecord(testCase.metadata), ...asRecord(r.metadata) };
    const provider = typeof r.provider === 'string' ? r.provider : (asString(asRecord(r.provider).label) ?? asString(asRecord(r.provider).id));
    const output = asRecord(r.response).output;
    const prompt = asString(asRecord(r.prompt).raw) ?? asString(asRecord(r.vars).prompt) ?? asString(asRecord(r.vars).query);
    records.push(
      toRecord(
        {
          key: asString(testCase.id) ?? short(prompt ?? JSON.stringify(r.vars ?? i)),
          location,
          plugin: asString(metadata.pluginId),
          strategy: asString(metadata.strategyId),
          provider,
          prompt: trimText(prompt),
          response: trimText(typeof output === 'string' ? output : output === undefined || output === null ? null : JSON.stringify(output)),
          passed: pass,
          reason: trimText(grading.reason, 4000) ?? trimText(r.error, 4000),
          severity: metadata.severity,
          label: asString(testCase.description),
          at,
        },
        ctx,
        tool,
      ),
    );
  });
  return { records };
}

function readCsv(source: ImportSource, ctx: ReadContext): ReadResult {
  const table = readCsvTable(source, ctx);
  const missing = CSV_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length) throw new AssayError('invalid_input', `${source.name}: is not a promptfoo red-team report: the columns ${missing.join(', ')} are missing`);
  const records: ImportRecord[] = [];
  for (const row of table.rows) {
    const cell = (name: string) => (row.cells[name] === null || row.cells[name] === undefined ? null : String(row.cells[name]));
    const verdict = cell('Pass') ?? '';
    const passed = /^pass/i.test(verdict) || verdict === '1';
    if (!passed && !/^fail/i.test(verdict) && verdict !== '0') {
      ctx.problem({ severity: 'warning', location: row.location, field: 'Pass', message: `"${oneLine(verdict, 40)}" is neither "Pass (1)" nor "Fail (0)": row left out` });
      continue;
    }
    const prompt = trimText(cell('Prompt'));
    const plugin = cell('Plugin');
    const score = asNumber(Number(cell('Score')));
    records.push(
      toRecord(
        {
          key: `${cell('Strategy') ?? 'basic'}/${short(prompt ?? row.location)}`,
          location: row.location,
          plugin,
          strategy: cell('Strategy'),
          provider: cell('Target'),
          prompt,
          response: trimText(cell('Response')),
          passed,
          reason: trimText(cell('Reason'), 4000),
          severity: null,
          label: `Test ${cell('Test ID') ?? row.number}${score === null ? '' : ` (score ${score})`}`,
          at: cell('Timestamp'),
        },
        ctx,
        'promptfoo red-team report',
      ),
    );
  }
  return { records };
}

export const promptfooReader: FormatReader = {
  format: 'promptfoo',
  label: 'promptfoo eval or export (JSON), red-team report (CSV)',
  kinds: ['finding'],
  detect(sniff) {
    const firstLine = sniff.head.split(/\r?\n/, 1)[0] ?? '';
    if (CSV_COLUMNS.every((c) => firstLine.includes(c))) return 95;
    if (/"evalId"\s*:/.test(sniff.head) || /"promptfooVersion"\s*:/.test(sniff.head)) return 90;
    if (/"results"\s*:\s*\{\s*"version"\s*:\s*\d/.test(sniff.head) && /"gradingResult"|"testCase"/.test(sniff.head)) return 80;
    return 0;
  },
  read(source, ctx) {
    const head = source.head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') || head.startsWith('[') ? readJson(source, ctx) : readCsv(source, ctx);
  },
};
