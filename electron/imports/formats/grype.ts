import type { FormatReader, ReadContext, ReadResult, Sniff } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { type Json, arr, isoTime, list, need, num, obj, readJson, str } from './json-shape';
import { DEPENDENCY_CONTROL, PackageFindings, SECURITY_TESTING_CONTROL, VULNERABLE_LIBRARY_THREAT, advisoryIds, cweId, finding, findingRecord, vulnerabilitySeverity } from './scanner-findings';

/** Grype's JSON output: matches of a vulnerability to a package (artifact), with the fix state. */

export function detectGrype(sniff: Sniff): number {
  const head = sniff.head;
  if (!/"matches"\s*:\s*\[/.test(head)) return 0;
  if (/"descriptor"\s*:\s*\{\s*"name"\s*:\s*"grype"/.test(head)) return 95;
  return /"vulnerability"\s*:/.test(head) && /"artifact"\s*:/.test(head) ? 85 : 20;
}

function fixText(fix: Json | undefined): string {
  const versions = arr(fix?.versions).flatMap((v) => (str(v) ? [str(v)!] : []));
  switch (str(fix?.state)) {
    case 'fixed':
      return versions.length ? `Fixed in ${versions.join(', ')}.` : 'A fix exists (no version given).';
    case 'not-fixed':
      return 'No fixed version yet.';
    case 'wont-fix':
      return 'The vendor will not fix it.';
    default:
      return 'Whether a fix exists is not known.';
  }
}

/** What was scanned: the image or folder as the user named it. */
function targetOf(report: Json): string | undefined {
  const source = obj(report.source);
  const target = source?.target;
  return str(target) ?? str(obj(target)?.userInput) ?? str(obj(target)?.path);
}

function readMatch(value: unknown, i: number, report: { tool: string; target: string | undefined; detectedAt: string | null }, ctx: ReadContext, found: PackageFindings): void {
  const location = jsonPath('matches', i);
  const match = need(value, ctx, location, null, 'a match (an object with "vulnerability" and "artifact")');
  if (!match) return;
  const v = need(match.vulnerability, ctx, location, 'vulnerability', 'the vulnerability (an object)');
  const artifact = need(match.artifact, ctx, location, 'artifact', 'the package (an object)');
  if (!v || !artifact) return;
  const id = str(v.id);
  const name = str(artifact.name);
  if (!id || !name) {
    ctx.problem({ severity: 'error', location, field: id ? 'artifact.name' : 'vulnerability.id', message: `a match needs its ${id ? 'package name' : 'vulnerability id'}; this one is left out` });
    return;
  }
  const version = str(artifact.version);
  const type = str(artifact.type);
  const pkg = `${name}${version ? `@${version}` : ''}`;
  const scores = arr(v.cvss).flatMap((c) => {
    const s = num(obj(obj(c)?.metrics)?.baseScore);
    return s !== undefined ? [s] : [];
  });
  const { severity, note } = vulnerabilitySeverity(str(v.severity), scores);
  const related = arr(match.relatedVulnerabilities).map(obj);
  const kev = arr(v.knownExploited).length > 0 ? 'Listed as known to be exploited (CISA KEV).' : undefined;
  const place = str(obj(arr(artifact.locations)[0])?.path);
  found.add(
    findingRecord(ctx, {
      externalId: `grype:${id}:${type ? `${type}:` : ''}${pkg}`,
      location,
      title: `${id} in ${pkg}`,
      threat: VULNERABLE_LIBRARY_THREAT,
      data: finding({
        tool: report.tool,
        severity,
        description: [fixText(obj(v.fix)), kev, note, str(v.description) ?? str(related.map((r) => r?.description).find((d) => str(d)))].filter(Boolean).join('\n\n'),
        references: [
          id,
          ...advisoryIds(id),
          ...related.flatMap((r) => (str(r?.id) ? [str(r?.id)!] : [])),
          ...[v, ...related].flatMap((x) => arr(obj(x)?.cwes).flatMap((c) => (str(c) ? [cweId(str(c)!) ?? str(c)!] : []))),
          str(v.dataSource),
          str(artifact.purl),
        ].filter((r): r is string => r !== undefined),
        controls: [SECURITY_TESTING_CONTROL, DEPENDENCY_CONTROL],
        detectedAt: report.detectedAt,
      }),
    }),
    pkg,
    [report.target, place].filter(Boolean).join(': ') || undefined,
  );
}

export function readGrype(source: ImportSource, ctx: ReadContext): ReadResult {
  const report = need(readJson(source), ctx, '$', null, 'a Grype JSON report (an object with "matches")');
  if (!report) return { records: [] };
  if (!Array.isArray(report.matches)) {
    ctx.problem({ severity: 'error', location: '$', field: 'matches', message: 'a Grype report needs a list of matches; this file has none' });
    return { records: [] };
  }
  const descriptor = obj(report.descriptor);
  const version = str(descriptor?.version);
  const tool = `Grype${version && /\d/.test(version) ? ` ${version}` : ''}`;
  const found = new PackageFindings();
  const info = { tool, target: targetOf(report), detectedAt: isoTime(descriptor?.timestamp) };
  list(report.matches, ctx, '$', 'matches', 'matches').forEach((m, i) => readMatch(m, i, info, ctx, found));
  for (const [i, ignored] of arr(report.ignoredMatches).entries()) ctx.skip(jsonPath('ignoredMatches', i), `ignored by the Grype configuration${str(obj(obj(ignored)?.vulnerability)?.id) ? ` (${str(obj(obj(ignored)?.vulnerability)?.id)})` : ''}`);
  return { records: found.records };
}

export const grypeReader: FormatReader = {
  format: 'grype',
  label: 'Grype JSON report (vulnerable packages)',
  kinds: ['finding'],
  detect: detectGrype,
  read: readGrype,
};
