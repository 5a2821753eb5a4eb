import { defconOfPassRate, severityOfDefcon } from '../../../shared/domain/findings/lifecycle';
import { type RedteamMap, garakTarget, owaspOfGarakTags } from '../../../shared/imports/redteam-map';
import { AssayError } from '../../../shared/errors';
import type { FormatReader, ImportRecord, ReadContext, ReadResult } from '../importer';
import { jsonPath, parseJson } from '../safe-json';
import type { ImportSource } from '../source';
import { loadRedteamMap } from './redteam-map';
import { asArray, asNumber, asRecord, asString, externalId, findingRecord, noteHidden, systemOf, trimText } from './redteam-common';

/**
 * garak's report JSONL (start_run setup, init, attempt, eval, digest, completion entries, streamed
 * line by line so a 50 MB run never sits in memory) and its digest JSON (the one-object summary).
 * One finding per probe and detector: failed when fewer attempts passed than were evaluated, its
 * severity from the digest's DEFCON level (1 worst … 5 best) or, without one, from the pass rate
 * with garak's own bounds. The first failing attempt gives the prompt and response.
 */

const ENTRY = /"entry_type"\s*:\s*"(start_run setup|init|attempt|eval|digest|completion)"/;

interface Eval {
  probe: string;
  detector: string;
  passed: number;
  total: number;
  location: string;
}
interface Digested {
  defcon: number | null;
  tags: string[];
  description: string | null;
}
interface Run {
  version: string | null;
  target: string | null;
  started: string | null;
  evals: Eval[];
  failing: Map<string, { prompt: string | null; response: string | null }>;
  digest: Map<string, Digested>;
}

const key = (probe: string, detector: string) => `${probe}/${detector}`;

/** The text of a prompt: a plain string (older reports) or the last user turn of a conversation. */
function promptText(prompt: unknown): string | null {
  if (typeof prompt === 'string') return prompt;
  const turns = asArray(asRecord(prompt).turns).map(asRecord);
  const user = turns.filter((t) => t.role === 'user').at(-1) ?? turns.at(-1);
  return user ? asString(asRecord(user.content).text) ?? asString(user.content) : null;
}
const outputText = (o: unknown) => (typeof o === 'string' ? o : asString(asRecord(o).text));

function targetName(setup: Record<string, unknown>, meta: Record<string, unknown> = {}): string | null {
  const type = asString(setup['plugins.target_type']) ?? asString(setup['plugins.model_type']) ?? asString(meta.target_type);
  const name = asString(setup['plugins.target_name']) ?? asString(setup['plugins.model_name']) ?? asString(meta.target_name);
  return type && name ? `${type} ${name}` : (name ?? type);
}

function onAttempt(run: Run, entry: Record<string, unknown>): void {
  if (entry.status !== 2) return;
  const probe = asString(entry.probe_classname);
  if (!probe) return;
  const outputs = asArray(entry.outputs);
  for (const [detector, scores] of Object.entries(asRecord(entry.detector_results))) {
    const k = key(probe, detector);
    if (run.failing.has(k)) continue;
    const hit = asArray(scores).findIndex((s) => typeof s === 'number' && s >= 0.5);
    if (hit !== -1) run.failing.set(k, { prompt: trimText(promptText(entry.prompt)), response: trimText(outputText(outputs[hit])) });
  }
}

function onDigest(run: Run, entry: Record<string, unknown>, where: (...p: (string | number)[]) => string): void {
  const meta = asRecord(entry.meta);
  run.version ??= asString(meta.garak_version);
  run.started ??= asString(meta.start_time);
  run.target ??= targetName(asRecord(meta.setup), meta);
  const fromEvals = run.evals.length === 0;
  for (const [group, probes] of Object.entries(asRecord(entry.eval)))
    for (const [probe, detectors] of Object.entries(asRecord(probes))) {
      if (probe === '_summary') continue;
      const summary = asRecord(asRecord(detectors)._summary);
      const tags = asArray(summary.probe_tags).filter((t): t is string => typeof t === 'string');
      for (const [detector, d] of Object.entries(asRecord(detectors))) {
        if (detector === '_summary') continue;
        const r = asRecord(d);
        const defcon = asNumber(r.detector_defcon) ?? asNumber(r.absolute_defcon);
        run.digest.set(key(probe, detector), { defcon, tags, description: asString(summary.probe_descr) });
        // A digest on its own (digest JSON) is the only source of results: its scores are pass rates.
        const score = asNumber(r.absolute_score);
        if (fromEvals && score !== null) {
          const total = asNumber(r.total_evaluated) ?? 100;
          const passed = asNumber(r.passed) ?? Math.round(score * total);
          run.evals.push({ probe, detector, passed, total, location: where('eval', group, probe, detector) });
        }
      }
    }
}

function toRecords(run: Run, map: RedteamMap, ctx: ReadContext): ImportRecord[] {
  const system = systemOf(ctx, run.target);
  const tool = `garak${run.version ? ` ${run.version}` : ''}`;
  return run.evals.map((e) => {
    const k = key(e.probe, e.detector);
    const digested = run.digest.get(k);
    const failed = Math.max(0, e.total - e.passed);
    const passRate = e.total > 0 ? e.passed / e.total : 1;
    const failing = run.failing.get(k);
    const target = garakTarget(map, e.probe);
    const owasp = [...new Set([...target.owasp, ...owaspOfGarakTags(map, digested?.tags ?? [])])];
    const notes = [noteHidden(ctx, e.location, 'prompt', failing?.prompt ?? null), noteHidden(ctx, e.location, 'response', failing?.response ?? null)].filter(Boolean);
    const description = [digested?.description, notes.join(' ')].filter(Boolean).join('\n') || null;
    return findingRecord({
      externalId: externalId('garak', k, system),
      location: e.location,
      title: `${e.probe} (detector ${e.detector}): ${failed} of ${e.total} attempts failed`,
      system,
      target: { threats: target.threats, owasp },
      references: [e.probe, e.detector, ...(digested?.tags ?? []).filter((t) => /^(cwe|avid-effect):/i.test(t))],
      data: {
        tool,
        severity: severityOfDefcon(digested?.defcon ?? defconOfPassRate(passRate)),
        description,
        status: failed === 0 ? 'fixed' : null,
        statusReason: failed === 0 ? `all ${e.total} attempts passed in the garak run of ${run.started ?? 'unknown date'}` : null,
        prompt: failing?.prompt ?? null,
        response: failing?.response ?? null,
        where: `probe ${e.probe}, detector ${e.detector}`,
        detectedAt: run.started,
        attempts: { total: e.total, failed },
      },
    });
  });
}

function newRun(): Run {
  return { version: null, target: null, started: null, evals: [], failing: new Map(), digest: new Map() };
}

function readJsonl(source: ImportSource, ctx: ReadContext, run: Run): void {
  let seen = 0;
  for (const { number, line } of source.lines()) {
    if (line.trim() === '') continue;
    if (++seen % 2000 === 0) {
      if (ctx.isCancelled()) return;
      ctx.progress(number, 0, 'reading the garak report');
    }
    const location = `line ${number}`;
    let entry: Record<string, unknown>;
    try {
      entry = asRecord(parseJson(line, source.name, location));
    } catch (error) {
      ctx.problem({ severity: 'error', location, field: null, message: (error as Error).message });
      continue;
    }
    switch (entry.entry_type) {
      case 'start_run setup':
        run.version ??= asString(entry['_config.version']);
        run.target ??= targetName(entry);
        break;
      case 'init':
        run.version = asString(entry.garak_version) ?? run.version;
        run.started ??= asString(entry.start_time);
        break;
      case 'attempt':
        onAttempt(run, entry);
        break;
      case 'eval': {
        const probe = asString(entry.probe);
        const detector = asString(entry.detector);
        const passed = asNumber(entry.passed);
        const total = asNumber(entry.total_evaluated) ?? asNumber(entry.total);
        if (!probe || !detector || passed === null || total === null) {
          const field = !probe ? 'probe' : !detector ? 'detector' : passed === null ? 'passed' : 'total_evaluated';
          ctx.problem({ severity: 'error', location, field, message: `an eval entry needs probe, detector, passed and total_evaluated; ${field} is missing or not a number` });
        } else run.evals.push({ probe, detector, passed, total, location });
        break;
      }
      case 'digest':
        onDigest(run, entry, (...p) => `${location}, ${jsonPath(...p)}`);
        break;
      case 'completion':
        break;
      default:
        ctx.skip(location, `not a garak entry (entry_type ${JSON.stringify(entry.entry_type ?? null)})`);
    }
  }
}

export const garakReader: FormatReader = {
  format: 'garak',
  label: 'garak report (JSONL) or digest (JSON)',
  kinds: ['finding'],
  detect(sniff) {
    if (ENTRY.test(sniff.head)) return 90;
    return sniff.ext === 'jsonl' && /garak/i.test(sniff.name) ? 20 : 0;
  },
  read(source, ctx): ReadResult {
    const map = loadRedteamMap();
    const run = newRun();
    const first = source.head.toString('utf8').trimStart();
    // A digest written as one pretty-printed object starts with a lone brace; JSONL has an entry per line.
    if (/^\{\s*\n/.test(first)) {
      const digest = asRecord(parseJson(source.text(), source.name));
      if (digest.entry_type !== 'digest') throw new AssayError('invalid_input', `${source.name}: is JSON but not a garak digest ($.entry_type is ${JSON.stringify(digest.entry_type ?? null)}, expected "digest")`);
      onDigest(run, digest, (...p) => jsonPath(...p));
    } else readJsonl(source, ctx, run);
    if (run.evals.length === 0) ctx.problem({ severity: 'warning', location: 'the whole file', field: 'eval', message: 'has no eval results: the run may have been cut short before any probe finished' });
    return { records: toRecords(run, map, ctx) };
  },
};
