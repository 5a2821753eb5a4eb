import type { CatalogSummary } from '../../shared/catalog/summary';
import type { AiSystem } from '../../shared/domain/systems';
import { checkVerdict } from '../../shared/check-verdict';
import type { AssessmentStatus, AssessmentSummary, AuditEntry, CatalogUpdateResult, CommandOutput, VerifyCheck, VerifyResult } from '../../shared/commands';
import { controlStateLabels } from '../../shared/domain/control-state';
import { formatCoverageDetail, formatFrameworkCoverage } from './format-coverage';

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts colour, cursor and
 * title sequences; CR overwrites a line), DEL, C1 controls (U+009B is a one-byte CSI), the line
 * and paragraph separators, and the bidirectional overrides that make text read differently
 * from what it is. Newline and tab stay: multi-line text and tables use them.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes printed text inert: every such character becomes a visible \uXXXX escape. The same form is
 * a valid JSON escape, so JSON output stays valid JSON and parses back to the same strings.
 */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain text table: columns sized to their widest cell, for a terminal. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatSummary(s: AssessmentSummary): string {
  const c = s.counts;
  return [
    `${s.name}  (${s.file})`,
    `  catalog ${s.catalogVersion}, file format ${s.schemaVersion}, created ${s.createdAt}`,
    `  controls: ${c.total} (${c.implemented} implemented, ${c.in_progress} in progress, ${c.not_started} not started, ${c.not_applicable} not applicable)`,
    `  audit head ${s.head.count}:${s.head.hash}`,
    ...(s.backup ? [`  upgraded; the previous version was kept as ${s.backup}`] : []),
    ...(s.readNote ? [`  note: ${s.readNote}`] : []),
    ...(s.damage ? [`  DAMAGED: ${s.damage}`] : []),
  ].join('\n');
}

const verdictWords = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

/** One check as a line: "ok", "WARN" (passed, but weigh what it says) or "FAIL", its name and detail. */
export function checkLine(c: VerifyCheck, indent = '  '): string {
  return `${indent}${verdictWords[checkVerdict(c)]} ${c.name}: ${c.detail}`;
}

export function formatVerify(v: VerifyResult): string {
  return [
    `${v.file}: ${v.ok ? 'verified' : 'FAILED'}`,
    ...v.checks.map((c) => checkLine(c)),
    `head ${v.head}`,
  ].join('\n');
}

export function formatAudit(entries: AuditEntry[], head: string): string {
  return [
    textTable(
      ['#', 'TIME (UTC)', 'ACTOR', 'WHAT', 'ITEM', 'CHANGE'],
      entries.map((e) => [String(e.seq), e.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), e.actorName, e.label, e.item, e.change]),
    ),
    `head ${head}`,
  ].join('\n');
}

export function formatCatalog(c: CatalogSummary): string {
  const table = textTable(
    ['FRAMEWORK', 'VERSION', 'ITEMS', 'ASSESSABLE', 'FULL', 'PARTIAL', 'GOV-ONLY', 'NAME'],
    c.frameworks.map((f) => [
      f.id + (f.origin === 'user' ? ' (imported)' : ''),
      f.version.length > 24 ? `${f.version.slice(0, 23)}…` : f.version,
      String(f.items),
      String(f.assessable),
      String(f.full),
      String(f.partial),
      String(f.governanceOnly),
      f.shortName,
    ]),
  );
  return [
    `${c.title} ${c.version} (checked ${c.checkedOn})`,
    '',
    table,
    '',
    `threats: ${c.threats}   controls: ${c.controls}   threat→control mappings: ${c.threatControlMappings}   control→requirement mappings: ${c.controlRequirementMappings}`,
    ...c.amendments.map((a) => `amendment layer: ${a.title} [${a.status}, checked ${a.checkedOn}]`),
  ].join('\n');
}

export function formatCatalogUpdate(r: CatalogUpdateResult): string {
  if (r.upToDate) return `the assessment already uses catalog ${r.toVersion}; nothing to update`;
  const state = (s: string | null) => (s === null ? 'removed' : controlStateLabels[s as keyof typeof controlStateLabels]);
  const lines = [
    `${r.applied ? 'updated' : 'would update'} the catalog ${r.fromVersion} → ${r.toVersion}${r.backup ? ` (the previous file was kept as ${r.backup})` : ''}`,
    `  controls: ${r.controls.added.length} added, ${r.controls.retired.length} retired, ${r.controls.changed.length} reworded`,
    ...r.controls.added.map((c) => `    + ${c.id} ${c.name}`),
    ...r.controls.retired.map((c) => `    - ${c.id} ${c.name}: ${c.mergedInto ? `merged into ${c.mergedInto}; ` : ''}${c.reason}`),
    `  requirements: ${r.requirements.added.length} added, ${r.requirements.removed.length} removed`,
    ...r.requirements.added.map((q) => `    + ${q.framework} ${q.id} ${q.title}`),
    ...r.requirements.removed.map((q) => `    - ${q.framework} ${q.id} ${q.title}`),
    `  mappings: ${r.mappings.added} added, ${r.mappings.removed} removed, ${r.mappings.changed} with a changed relationship or rationale`,
    `  control states carried over: ${r.states.length}`,
    ...r.states.map((s) => `    ${s.control}: ${state(s.before)} → ${state(s.after)} (${s.why})`),
    ...r.states
      .filter((s) => s.conflicts.length)
      .map((s) => `    conflict at ${s.control}: ${s.conflicts.map((c) => `${c.control} ${controlStateLabels[c.state]}`).join(', ')}; the strictest was kept`),
  ];
  return lines.join('\n');
}

export function formatSystems(systems: AiSystem[]): string {
  if (systems.length === 0) return 'no AI systems yet; add one with: assay systems add <file> --name <text> --role <role>';
  return textTable(
    ['ID', 'NAME', 'ROLES', 'LIFECYCLE', 'DEPLOYMENT', 'OWNER', 'EU AI ACT CLASS'],
    systems.map((s) => [
      s.id,
      s.name,
      s.roles.join(', '),
      s.lifecycle,
      s.deployment.replace('_', '-'),
      s.owner ?? '—',
      s.classification ? `${s.classification.labels.join('; ') || 'no finding'}${s.classification.complete ? '' : ' (incomplete)'}` : 'not classified',
    ]),
  );
}

export function formatClassification(c: CommandOutput<'systems.classify'>): string {
  const { result } = c;
  const applies = (v: boolean | null) => (v === null ? 'depends' : v ? 'yes' : 'not yet');
  return [
    `${c.system.id} ${c.system.name}: ${c.labels.join('; ') || 'no finding yet'}${result.complete ? '' : ' (questionnaire incomplete)'}`,
    '',
    'Reasoning:',
    ...result.reasoning.map((r) => `  ${r.article}: ${r.finding}`),
    ...(result.missing.length ? ['', 'Still to answer:', ...result.missing.map((m) => `  ${m.question} (${m.article}): ${m.text}`)] : []),
    '',
    `Obligations for ${c.system.roles.join(', ')} (${c.obligations.length}); the law's date, and beside it the amended date where an amendment`,
    'layer changes it (its status: "reported" = not yet verified against the Official Journal):',
    textTable(
      ['ITEM', 'IN THE LAW', 'AMENDED', 'APPLIES TODAY', 'TITLE'],
      c.obligations.map((o) => [
        o.item,
        o.dates.map((d) => d.baseline ?? '—').join(' / '),
        o.dates.map((d) => (d.amended ? `${d.amended.date} (${d.amended.status})` : '—')).join(' / '),
        applies(o.appliesToday),
        o.title,
      ]),
    ),
    'APPLIES TODAY follows the amended date where its condition is met.',
  ].join('\n');
}

export function formatStatus(s: AssessmentStatus): string {
  const c = s.controls;
  return [
    `${s.name}: catalog ${s.catalogVersion}, audit head ${s.head}`,
    `controls: ${c.total} (${c.implemented} implemented, ${c.in_progress} in progress, ${c.not_started} not started, ${c.not_applicable} not applicable)`,
    `AI systems: ${s.systems.total} (${s.systems.classified} classified, ${s.systems.highRisk} high-risk, ${s.systems.prohibited} with a prohibited practice)`,
    '',
    'Coverage per framework (organisation-wide):',
    formatFrameworkCoverage(s.coverage),
    ...formatCoverageDetail(s),
    '',
    `How coverage is derived: ${s.coverageRule}`,
  ].join('\n');
}
