import { createHash } from 'node:crypto';
import type { FindingData, FindingStatus } from '../../../shared/imports/finding-data';
import type { FormatReader, ImportRecord, ReadContext, ReadResult, Sniff } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { type Json, arr, clip, isoTime, list, need, num, obj, readJson, str } from './json-shape';
import { type RunParts, messageOf, referencesOf, ruleOf, severityOf, threatOf } from './sarif-rules';
import { DEPENDENCY_CONTROL, FindingSet, SECURITY_TESTING_CONTROL, VULNERABLE_LIBRARY_THREAT, advisoryIds, finding, findingRecord } from './scanner-findings';

/**
 * SARIF 2.1.0 from any tool (CodeQL, Semgrep, ESLint, Trivy, Grype, …): one finding per result
 * that is not a pass, with its rule's severity and taxa, where it was found, and the state its
 * suppressions give it. Results naming a CVE or GitHub advisory are dependency vulnerabilities.
 */

export function detectSarif(sniff: Sniff): number {
  const head = sniff.head;
  const runs = /"runs"\s*:\s*\[/.test(head);
  if (runs && (/"\$schema"\s*:\s*"[^"]*sarif/i.test(head) || /"version"\s*:\s*"2\.1/.test(head))) return 95;
  if (runs && /"tool"\s*:\s*\{/.test(head) && /"driver"\s*:/.test(head)) return 80;
  return sniff.ext === 'sarif' ? 10 : 0;
}

/**
 * A suppression that is accepted (or has no status, which SARIF reads as accepted) dismisses the
 * result. Assay calls that a false positive: a suppression names no approver and no expiry, which a
 * risk acceptance needs, so it becomes one only when its justification says the risk was accepted
 * (the findings register then asks for the approval). Under review or rejected: the result stands.
 */
export function suppressionState(result: Json): { status: FindingStatus | null; reason: string | null } {
  const suppressions = arr(result.suppressions)
    .map(obj)
    .filter((s): s is Json => s !== undefined);
  if (suppressions.length === 0) return { status: null, reason: null };
  const accepted = suppressions.find((s) => s.status === undefined || s.status === 'accepted');
  if (accepted) {
    const justification = str(accepted.justification);
    const place = accepted.kind === 'inSource' ? 'in the source code' : 'outside the source code';
    const risk = justification !== undefined && /\brisk|accept|won'?t ?fix|wontfix|defer|tolerat/i.test(justification);
    return { status: risk ? 'risk_accepted' : 'false_positive', reason: `Suppressed ${place}${justification ? `: ${justification}` : ' (no justification given)'}` };
  }
  if (suppressions.some((s) => s.status === 'underReview')) return { status: null, reason: 'A suppression of this result is under review' };
  return { status: null, reason: 'A suppression of this result was rejected; the result stands' };
}

function whereOf(result: Json, parts: RunParts): { where: string | null; key: string } {
  const location = obj(arr(result.locations)[0]);
  const physical = obj(location?.physicalLocation);
  const artifact = obj(physical?.artifactLocation);
  const artifactIndex = num(artifact?.index);
  const uri = str(artifact?.uri) ?? (artifactIndex !== undefined ? str(obj(obj(parts.artifacts[artifactIndex])?.location)?.uri) : undefined);
  const line = num(obj(physical?.region)?.startLine);
  const logical = obj(arr(location?.logicalLocations)[0]);
  const logicalName = str(logical?.fullyQualifiedName) ?? str(logical?.name);
  const note = str(obj(location?.message)?.text);
  const place = uri ? `${uri}${line !== undefined ? `:${line}` : ''}` : logicalName;
  // Container scanners say which package in the location's message ("image.tar: libssl@1.1"): that is the place.
  const key = [uri, line, logicalName, note].join('|');
  if (note && uri && note.includes(uri)) return { where: note, key };
  return { where: [place, note && note !== place ? `(${note})` : undefined].filter(Boolean).join(' ') || null, key };
}

function fingerprintOf(result: Json): string | undefined {
  for (const field of ['fingerprints', 'partialFingerprints'] as const) {
    const prints = obj(result[field]);
    if (!prints) continue;
    const pairs = Object.keys(prints)
      .sort()
      .flatMap((k) => (str(prints[k]) ? [`${k}=${str(prints[k])}`] : []));
    if (pairs.length) return field === 'fingerprints' ? pairs[0] : pairs.join(';');
  }
  return undefined;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function readResult(value: unknown, at: (string | number)[], parts: RunParts, tool: { name: string; label: string; detectedAt: string | null }, ctx: ReadContext): ImportRecord<FindingData> | undefined {
  const location = jsonPath(...at);
  const result = need(value, ctx, location, null, 'a SARIF result (an object)');
  if (!result) return undefined;
  const kind = str(result.kind);
  if (kind === 'pass' || kind === 'notApplicable') {
    ctx.skip(location, kind === 'pass' ? 'the rule passed' : 'the rule does not apply');
    return undefined;
  }
  const rule = ruleOf(result, parts, ctx, at);
  const ruleId = str(result.ruleId) ?? str(obj(result.rule)?.id) ?? str(rule?.id);
  const message = messageOf(result.message, rule);
  if (!message) ctx.problem({ severity: 'warning', location, field: 'message', message: 'the result has no message text; the rule describes it instead' });
  const summary = str(obj(rule?.shortDescription)?.text) ?? str(rule?.name);
  const full = str(obj(rule?.fullDescription)?.text);
  const { where, key } = whereOf(result, parts);
  const print = fingerprintOf(result);
  const identity = print && print.length <= 120 ? print : hash(print ?? [ruleId, key, message].join('|'));
  const references = referencesOf(result, rule, parts);
  const advisories = advisoryIds([ruleId, str(rule?.id), str(rule?.name)].join(' '));
  const dependency = advisories.length > 0;
  const { status, reason } = str(result.baselineState) === 'absent' ? { status: 'fixed' as const, reason: 'Absent from this run: fixed since the baseline run' } : suppressionState(result);
  // The result's own words when they fit on a line; a multi-line report (Trivy's) is better named by its rule.
  const headline = message && !message.includes('\n') && message.length <= 160 ? message : (summary ?? message?.split('\n')[0]);
  return findingRecord(ctx, {
    externalId: `sarif:${tool.name}:${ruleId ?? 'no-rule'}:${identity}`,
    location,
    title: [ruleId, headline].filter(Boolean).join(': ') || `${tool.name} result`,
    threat: dependency ? VULNERABLE_LIBRARY_THREAT : threatOf(references),
    data: finding({
      tool: tool.label,
      severity: severityOf(result, rule, ctx, at),
      description: [message, full && full !== message && !message?.includes(full) ? full : undefined].filter(Boolean).join('\n\n') || summary || null,
      references: [...advisories, ...references],
      status,
      statusReason: reason,
      where,
      controls: dependency ? [SECURITY_TESTING_CONTROL, DEPENDENCY_CONTROL] : [SECURITY_TESTING_CONTROL],
      detectedAt: tool.detectedAt,
    }),
  });
}

function readRun(value: unknown, r: number, ctx: ReadContext, found: FindingSet): void {
  const run = need(value, ctx, jsonPath('runs', r), null, 'a SARIF run (an object)');
  if (!run) return;
  const toolPart = obj(run.tool);
  const driver = obj(toolPart?.driver);
  let name = str(driver?.name);
  if (!name) {
    ctx.problem({ severity: 'warning', location: jsonPath('runs', r, 'tool', 'driver'), field: 'name', message: 'the run does not name its tool; its results are read as from "unnamed tool"' });
    name = 'unnamed tool';
  }
  const version = str(driver?.semanticVersion) ?? str(driver?.version);
  const invocation = obj(arr(run.invocations)[0]);
  const tool = { name: clip(name, 80), label: `SARIF: ${name}${version ? ` ${version}` : ''}`, detectedAt: isoTime(invocation?.endTimeUtc) ?? isoTime(invocation?.startTimeUtc) };
  const parts: RunParts = { driver, extensions: arr(toolPart?.extensions), taxonomies: arr(run.taxonomies), artifacts: arr(run.artifacts), run: r };
  const results = list(run.results, ctx, jsonPath('runs', r), 'results', 'results');
  results.forEach((result, i) => {
    if (ctx.isCancelled()) return;
    if (i % 1000 === 0) ctx.progress(i, results.length, `run ${r + 1}: results`);
    const record = readResult(result, ['runs', r, 'results', i], parts, tool, ctx);
    if (record) found.add(record);
  });
}

export function readSarif(source: ImportSource, ctx: ReadContext): ReadResult {
  const log = need(readJson(source), ctx, '$', null, 'a SARIF log (an object with "version" and "runs")');
  if (!log) return { records: [] };
  const version = str(log.version);
  if (!Array.isArray(log.runs)) {
    ctx.problem({ severity: 'error', location: '$', field: 'runs', message: 'a SARIF log needs a list of runs; this file has none' });
    return { records: [] };
  }
  if (version !== '2.1.0')
    ctx.problem({ severity: 'warning', location: '$', field: 'version', message: `${version ? `is ${version}` : 'is missing'}; Assay reads SARIF 2.1.0, and this log's runs look like it, so they are read as 2.1.0` });
  const found = new FindingSet((kept, again) => ctx.skip(again.location, `the same result as ${kept.location} (same rule, place and message)`));
  log.runs.forEach((run, r) => readRun(run, r, ctx, found));
  if (log.runs.length === 0) ctx.skip('$.runs', 'the log has no runs');
  return { records: found.records };
}

export const sarifReader: FormatReader = {
  format: 'sarif',
  label: 'SARIF 2.1 (code, container and dependency scanners)',
  kinds: ['finding'],
  detect: detectSarif,
  read: readSarif,
};
