import type { FormatReader, ReadContext, ReadResult, Sniff } from '../importer';
import { jsonPath } from '../safe-json';
import type { ImportSource } from '../source';
import { type Json, arr, isoTime, list, need, num, obj, readJson, str } from './json-shape';
import {
  DEPENDENCY_CONTROL,
  FindingSet,
  PackageFindings,
  SECURITY_TESTING_CONTROL,
  VULNERABLE_LIBRARY_THREAT,
  advisoryIds,
  cweId,
  finding,
  findingRecord,
  severityFromWord,
  vulnerabilitySeverity,
} from './scanner-findings';

/**
 * Trivy's JSON report (SchemaVersion 2): vulnerable packages, and the misconfigurations and
 * secrets it found when those scanners ran. Secrets are described by rule and place only: the
 * matched text, even redacted, is never copied into the assessment.
 */

export function detectTrivy(sniff: Sniff): number {
  const head = sniff.head;
  if (!/"SchemaVersion"\s*:/.test(head)) return 0;
  return /"Results"\s*:|"ArtifactName"\s*:|"ArtifactType"\s*:/.test(head) ? 92 : 40;
}

interface Scan {
  tool: string;
  detectedAt: string | null;
  ctx: ReadContext;
}

function cvssScores(vulnerability: Json): number[] {
  const cvss = obj(vulnerability.CVSS) ?? {};
  return Object.values(cvss).flatMap((v) => [num(obj(v)?.V3Score), num(obj(v)?.V40Score), num(obj(v)?.V2Score)].filter((n): n is number => n !== undefined));
}

function fixText(v: Json): string {
  const fixed = str(v.FixedVersion);
  if (fixed) return `Fixed in ${fixed}.`;
  const status = str(v.Status);
  const words: Record<string, string> = {
    affected: 'No fixed version yet.',
    will_not_fix: 'The vendor will not fix it.',
    fix_deferred: 'The vendor deferred the fix.',
    end_of_life: 'The package is end of life: no fix will come.',
    not_affected: 'The vendor says this version is not affected.',
  };
  return (status && words[status]) ?? 'No fixed version is known.';
}

function readVulnerability(value: unknown, at: (string | number)[], target: string | undefined, scan: Scan, found: PackageFindings): void {
  const location = jsonPath(...at);
  const v = need(value, scan.ctx, location, null, 'a vulnerability (an object)');
  if (!v) return;
  const id = str(v.VulnerabilityID);
  const pkg = str(v.PkgName) ?? str(v.PkgID);
  const version = str(v.InstalledVersion) ?? '';
  if (!id || !pkg) {
    scan.ctx.problem({ severity: 'error', location, field: id ? 'PkgName' : 'VulnerabilityID', message: `a vulnerability needs its ${id ? 'package name' : 'id'}; this one is left out` });
    return;
  }
  const { severity, note } = vulnerabilitySeverity(str(v.Severity), cvssScores(v));
  const named = `${pkg}${version ? `@${version}` : ''}`;
  const title = str(v.Title);
  found.add(
    findingRecord(scan.ctx, {
      externalId: `trivy:${id}:${named}`,
      location,
      title: `${id} in ${named}${title ? `: ${title}` : ''}`,
      threat: VULNERABLE_LIBRARY_THREAT,
      data: finding({
        tool: scan.tool,
        severity,
        description: [fixText(v), note, str(v.Description)].filter(Boolean).join('\n\n'),
        references: [id, ...advisoryIds(id), ...arr(v.CweIDs).flatMap((c) => (str(c) ? [cweId(str(c)!) ?? str(c)!] : [])), str(v.PrimaryURL)].filter((r): r is string => r !== undefined),
        controls: [SECURITY_TESTING_CONTROL, DEPENDENCY_CONTROL],
        detectedAt: scan.detectedAt,
      }),
    }),
    named,
    target,
  );
}

function readMisconfiguration(value: unknown, at: (string | number)[], target: string, scan: Scan, found: FindingSet): void {
  const location = jsonPath(...at);
  const m = need(value, scan.ctx, location, null, 'a misconfiguration (an object)');
  if (!m) return;
  const status = str(m.Status);
  if (status === 'PASS') {
    scan.ctx.skip(location, 'the check passed');
    return;
  }
  const id = str(m.AVDID) ?? str(m.ID);
  if (!id) {
    scan.ctx.problem({ severity: 'error', location, field: 'ID', message: 'a misconfiguration needs its check id; this one is left out' });
    return;
  }
  const cause = obj(m.CauseMetadata);
  const line = num(cause?.StartLine);
  const resource = str(cause?.Resource);
  found.add(
    findingRecord(scan.ctx, {
      externalId: `trivy:misconfig:${id}:${target}${resource ? `:${resource}` : ''}${line !== undefined ? `:${line}` : ''}`,
      location,
      title: `${id}: ${str(m.Title) ?? str(m.Message) ?? 'misconfiguration'}`,
      threat: null,
      data: finding({
        tool: scan.tool,
        severity: severityFromWord(str(m.Severity)) ?? 'medium',
        description: [str(m.Message), str(m.Description), str(m.Resolution) ? `Resolution: ${str(m.Resolution)}` : undefined].filter(Boolean).join('\n\n') || null,
        references: [id, str(m.ID), str(m.PrimaryURL)].filter((r): r is string => r !== undefined),
        // A policy exception in Trivy is a deliberate acceptance; the register asks who approved it.
        status: status === 'EXCEPTION' ? 'risk_accepted' : null,
        statusReason: status === 'EXCEPTION' ? 'Excepted by a Trivy policy exception' : null,
        where: [target, resource, line !== undefined ? `line ${line}` : undefined].filter(Boolean).join(', '),
        controls: [SECURITY_TESTING_CONTROL],
        detectedAt: scan.detectedAt,
      }),
    }),
  );
}

function readSecret(value: unknown, at: (string | number)[], target: string, scan: Scan, found: FindingSet): void {
  const location = jsonPath(...at);
  const s = need(value, scan.ctx, location, null, 'a secret finding (an object)');
  if (!s) return;
  const rule = str(s.RuleID) ?? 'secret';
  const line = num(s.StartLine);
  found.add(
    findingRecord(scan.ctx, {
      externalId: `trivy:secret:${rule}:${target}${line !== undefined ? `:${line}` : ''}`,
      location,
      title: `Secret in ${target}: ${str(s.Title) ?? rule}`,
      threat: null,
      data: finding({
        tool: scan.tool,
        severity: severityFromWord(str(s.Severity)) ?? 'high',
        description: `Trivy found ${str(s.Category) ? `a ${str(s.Category)} secret` : 'a secret'} (rule ${rule}). The matched text is not copied into the assessment.`,
        references: [rule],
        where: `${target}${line !== undefined ? `:${line}` : ''}`,
        controls: [SECURITY_TESTING_CONTROL],
        detectedAt: scan.detectedAt,
      }),
    }),
  );
}

export function readTrivy(source: ImportSource, ctx: ReadContext): ReadResult {
  const report = need(readJson(source), ctx, '$', null, 'a Trivy JSON report (an object with "SchemaVersion" and "Results")');
  if (!report) return { records: [] };
  const schema = num(report.SchemaVersion);
  if (schema !== 2) ctx.problem({ severity: 'warning', location: '$', field: 'SchemaVersion', message: `is ${schema ?? 'missing'}; Assay reads Trivy's schema version 2 and reads this report as that` });
  const version = str(obj(report.Trivy)?.Version);
  const scan: Scan = { tool: `Trivy${version && version !== 'dev' ? ` ${version}` : ''}`, detectedAt: isoTime(report.CreatedAt), ctx };
  const packages = new PackageFindings();
  const others = new FindingSet((kept, again) => ctx.skip(again.location, `the same finding as ${kept.location}`));
  const results = list(report.Results, ctx, '$', 'Results', 'results');
  results.forEach((value, r) => {
    const result = need(value, ctx, jsonPath('Results', r), null, 'a result (an object)');
    if (!result) return;
    const target = str(result.Target) ?? str(report.ArtifactName) ?? 'the scanned artifact';
    const at = (field: string) => list(result[field], ctx, jsonPath('Results', r), field, field.toLowerCase());
    at('Vulnerabilities').forEach((v, i) => readVulnerability(v, ['Results', r, 'Vulnerabilities', i], target, scan, packages));
    at('Misconfigurations').forEach((m, i) => readMisconfiguration(m, ['Results', r, 'Misconfigurations', i], target, scan, others));
    at('Secrets').forEach((s, i) => readSecret(s, ['Results', r, 'Secrets', i], target, scan, others));
    if (arr(result.Licenses).length) ctx.skip(jsonPath('Results', r, 'Licenses'), 'licence findings are not security findings; import the SBOM for licences');
  });
  return { records: [...packages.records, ...others.records] };
}

export const trivyReader: FormatReader = {
  format: 'trivy',
  label: 'Trivy JSON report (vulnerabilities, misconfigurations, secrets)',
  kinds: ['finding'],
  detect: detectTrivy,
  read: readTrivy,
};
