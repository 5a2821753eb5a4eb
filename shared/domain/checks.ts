import type { OperatorRole } from '../catalog/schema';
import { countOf } from '../plural';
import { type ControlEntry, overdueReasons } from './control-entry';
import { type CoverageEntry, type RequirementCoverage, effectiveStates } from './coverage';
import { isPast } from './dates';
import { type Incident, reportState } from './incidents';
import { type Risk, type RiskAcceptance, acceptanceStatus, inherentScore, residualScore } from './risk';

/**
 * The standing list of what an auditor would find, as pure functions over a plain model of the
 * assessment. Each finding links to the place where it is fixed. `assay check` exits 1 when any
 * finding is an error.
 */

/** Catalog controls the checks look for (frameworks/controls.yaml). */
export const FRIA_CONTROL = 'GOV-07'; // Fundamental-rights impact assessment (deployer, Art. 27)
export const PROVIDER_OVERSIGHT_CONTROL = 'MOD-18'; // Human oversight built into the system (provider, Art. 14)
export const DEPLOYER_OVERSIGHT_CONTROL = 'HUM-01'; // Human oversight and approval (deployer, Art. 26(2))
export const AGENT_MONITORING_CONTROL = 'MON-02'; // Monitoring of AI agents and non-human identities

export interface CheckClassification {
  highRisk: boolean;
  /** The Annex III area (1–8) and point letter ("b"), when high-risk through Annex III. */
  annexIII: { area: number; point: string | null } | null;
}

export interface CheckSystem {
  id: string;
  name: string;
  /** The organisation's EU AI Act roles for this system. */
  roles: readonly OperatorRole[];
  /** The organisation is a body governed by public law, or a private entity providing public services (Art. 27(1)). */
  publicBodyOrService: boolean;
  /** Set for an AI agent: the tools and permissions it holds. */
  agent: { toolPermissions: readonly string[] } | null;
  /** null while the system has not been classified. */
  classification: CheckClassification | null;
}

export interface CheckEvidence {
  id: string;
  title: string;
  /** null: does not expire. */
  validUntil: string | null;
}
export interface EvidenceLink {
  evidenceId: string;
  controlId: string;
  /** null: linked to the organisation-wide entry. */
  systemId: string | null;
}

export interface AssessmentModel {
  today: string;
  systems: readonly CheckSystem[];
  controls: readonly (CoverageEntry & Pick<ControlEntry, 'dueDate' | 'nextReview'>)[];
  evidence: readonly CheckEvidence[];
  evidenceLinks: readonly EvidenceLink[];
  risks: readonly Risk[];
  /** The latest acceptance of each risk (older ones are history). */
  acceptances: readonly RiskAcceptance[];
  incidents: readonly Incident[];
  /** Coverage as computed for the organisation (systemId null) and per system. */
  coverage: readonly { systemId: string | null; results: readonly RequirementCoverage[] }[];
  /** Control names, for messages; the id is shown alone when missing. */
  controlNames?: Readonly<Record<string, string>>;
  /** Findings from red-team runs, scanners and auditors, as their lifecycle stands. */
  findings?: readonly CheckFindingItem[];
  /** Threats that depend on people, per system, with the likelihood its groups' human-risk figures suggest. */
  peopleThreats?: readonly { systemId: string; threatId: string; threatName: string; suggested: number; highRisk: boolean; riskId: string | null }[];
}

export interface CheckFindingItem {
  id: string;
  title: string;
  systemId: string | null;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  status: 'open' | 'in_remediation' | 'fixed' | 'risk_accepted' | 'false_positive';
  owner: string | null;
  dueDate: string | null;
  expiresOn: string | null;
}

export const checkSeverities = ['error', 'warning', 'info'] as const;
export type CheckSeverity = (typeof checkSeverities)[number];

export const checkRules = {
  'incident-report-overdue': { severity: 'error', title: 'Serious-incident report overdue' },
  'fria-missing': { severity: 'error', title: 'Fundamental-rights impact assessment missing' },
  'human-oversight-missing': { severity: 'error', title: 'Human oversight not implemented' },
  'residual-above-inherent': { severity: 'error', title: 'Residual risk above inherent risk' },
  'evidence-missing': { severity: 'warning', title: 'Implemented control without evidence' },
  'evidence-expired': { severity: 'warning', title: 'Implemented control with only expired evidence' },
  'agent-unmonitored': { severity: 'warning', title: 'Agent with tool permissions not monitored' },
  'system-unclassified': { severity: 'warning', title: 'System not classified' },
  'acceptance-expired': { severity: 'warning', title: 'Risk acceptance expired' },
  'acceptance-changed': { severity: 'warning', title: 'Risk changed since it was accepted' },
  'control-overdue': { severity: 'warning', title: 'Control past its due date' },
  'finding-overdue': { severity: 'warning', title: 'Finding past its due date' },
  'finding-unassigned': { severity: 'warning', title: 'Critical or high finding open with nobody assigned' },
  'finding-acceptance-expired': { severity: 'warning', title: 'Accepted finding whose acceptance expired' },
  'people-threat-unregistered': { severity: 'warning', title: 'High-risk users for a people-driven threat with no risk in the register' },
  'control-review-overdue': { severity: 'warning', title: 'Control review overdue' },
  'risk-review-overdue': { severity: 'warning', title: 'Risk review overdue' },
  'covered-only-by-intersects': { severity: 'warning', title: 'Requirement counted as covered only through intersecting controls' },
  'partly-only-by-intersects': { severity: 'info', title: 'Requirement partly covered only through intersecting controls' },
  'acceptance-pending': { severity: 'info', title: 'Risk acceptance awaiting approval' },
  'incident-report-due': { severity: 'info', title: 'Serious-incident report due' },
} as const satisfies Record<string, { severity: CheckSeverity; title: string }>;
export type CheckRule = keyof typeof checkRules;

export type CheckTarget =
  | { kind: 'control'; id: string; systemId: string | null }
  | { kind: 'system'; id: string }
  | { kind: 'risk'; id: string }
  | { kind: 'incident'; id: string }
  | { kind: 'finding'; id: string }
  | { kind: 'requirement'; id: string; systemId: string | null };

export interface CheckFinding {
  /** Stable for the same finding on the same thing: rule and target. */
  id: string;
  rule: CheckRule;
  severity: CheckSeverity;
  message: string;
  target: CheckTarget;
}

/** Art. 27(1): deployers that are public bodies or provide public services, and deployers of Annex III 5(b) or 5(c) systems; never area 2. */
export function friaRequired(system: CheckSystem): boolean {
  const c = system.classification;
  if (!c?.highRisk || !c.annexIII || !system.roles.includes('deployer')) return false;
  if (c.annexIII.area === 2) return false;
  return system.publicBodyOrService || (c.annexIII.area === 5 && (c.annexIII.point === 'b' || c.annexIII.point === 'c'));
}

/** The oversight controls a high-risk system needs, by the organisation's role for it. */
export function oversightControls(system: CheckSystem): string[] {
  if (!system.classification?.highRisk) return [];
  const needed: string[] = [];
  if (system.roles.includes('provider')) needed.push(PROVIDER_OVERSIGHT_CONTROL);
  if (system.roles.includes('deployer')) needed.push(DEPLOYER_OVERSIGHT_CONTROL);
  return needed;
}

function finding(rule: CheckRule, target: CheckTarget, message: string): CheckFinding {
  const where = 'systemId' in target && target.systemId ? `@${target.systemId}` : '';
  return { id: `${rule}:${target.kind}:${target.id}${where}`, rule, severity: checkRules[rule].severity, message, target };
}

function controlChecks(model: AssessmentModel, systemName: (id: string | null) => string, control: (id: string) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  const evidence = new Map(model.evidence.map((e) => [e.id, e]));
  for (const entry of model.controls) {
    const target: CheckTarget = { kind: 'control', id: entry.controlId, systemId: entry.systemId };
    const where = systemName(entry.systemId);
    if (entry.state === 'implemented') {
      const linked = model.evidenceLinks
        .filter((l) => l.controlId === entry.controlId && l.systemId === entry.systemId)
        .map((l) => evidence.get(l.evidenceId))
        .filter((e) => e !== undefined);
      if (linked.length === 0) out.push(finding('evidence-missing', target, `${control(entry.controlId)} is marked implemented ${where} but has no evidence.`));
      else if (linked.every((e) => e.validUntil !== null && isPast(e.validUntil, model.today)))
        out.push(finding('evidence-expired', target, `${control(entry.controlId)} is marked implemented ${where}, but all its evidence has expired (${countOf(linked.length, 'item')}).`));
    }
    const reasons = overdueReasons(entry, model.today);
    if (reasons.includes('due')) out.push(finding('control-overdue', target, `${control(entry.controlId)} ${where} was due on ${entry.dueDate} and is not done.`));
    if (reasons.includes('review')) out.push(finding('control-review-overdue', target, `${control(entry.controlId)} ${where} was to be reviewed by ${entry.nextReview}.`));
  }
  return out;
}

function systemChecks(model: AssessmentModel, control: (id: string) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const system of model.systems) {
    const states = effectiveStates(model.controls, system.id);
    const done = (id: string) => states.get(id) === 'implemented';
    const target: CheckTarget = { kind: 'system', id: system.id };
    if (!system.classification) out.push(finding('system-unclassified', target, `${system.name} has no EU AI Act classification yet.`));
    if (friaRequired(system) && !done(FRIA_CONTROL))
      out.push(
        finding('fria-missing', { kind: 'control', id: FRIA_CONTROL, systemId: system.id }, `${system.name} is high-risk and Art. 27 applies, but its fundamental-rights impact assessment (${control(FRIA_CONTROL)}) is not implemented.`),
      );
    for (const id of oversightControls(system))
      if (!done(id))
        out.push(finding('human-oversight-missing', { kind: 'control', id, systemId: system.id }, `${system.name} is high-risk, but the human oversight it needs as ${id === PROVIDER_OVERSIGHT_CONTROL ? 'provider' : 'deployer'} (${control(id)}) is not implemented.`));
    if (system.agent && system.agent.toolPermissions.length > 0 && !done(AGENT_MONITORING_CONTROL))
      out.push(
        finding(
          'agent-unmonitored',
          { kind: 'control', id: AGENT_MONITORING_CONTROL, systemId: system.id },
          `${system.name} is an agent with ${countOf(system.agent.toolPermissions.length, 'tool permission')}, but ${control(AGENT_MONITORING_CONTROL)} is not implemented for it.`,
        ),
      );
  }
  return out;
}

function riskChecks(model: AssessmentModel, systemName: (id: string | null) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  const acceptances = new Map(model.acceptances.map((a) => [a.riskId, a]));
  for (const risk of model.risks) {
    const target: CheckTarget = { kind: 'risk', id: risk.id };
    const residual = residualScore(risk);
    if (residual !== null && residual > inherentScore(risk))
      out.push(finding('residual-above-inherent', target, `“${risk.title}” (${systemName(risk.systemId)}) has a residual score of ${residual}, above its inherent score of ${inherentScore(risk)}.`));
    const acceptance = acceptances.get(risk.id) ?? null;
    const status = acceptanceStatus(risk, acceptance, model.today);
    if (status === 'expired') out.push(finding('acceptance-expired', target, `The acceptance of “${risk.title}” expired on ${acceptance!.expiresOn}.`));
    if (status === 'changed') out.push(finding('acceptance-changed', target, `“${risk.title}” changed materially since it was accepted; the acceptance is no longer current.`));
    if (status === 'pending') out.push(finding('acceptance-pending', target, `“${risk.title}” is to be accepted, but nobody has approved it yet.`));
    if (risk.reviewDate && risk.status !== 'closed' && isPast(risk.reviewDate, model.today))
      out.push(finding('risk-review-overdue', target, `“${risk.title}” was to be reviewed by ${risk.reviewDate}.`));
  }
  return out;
}

function findingChecks(model: AssessmentModel, systemName: (id: string | null) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const f of model.findings ?? []) {
    const target: CheckTarget = { kind: 'finding', id: f.id };
    const where = f.systemId ? ` (${systemName(f.systemId)})` : '';
    const live = f.status === 'open' || f.status === 'in_remediation';
    if (live && f.dueDate && isPast(f.dueDate, model.today)) out.push(finding('finding-overdue', target, `${f.id} “${f.title}”${where} was to be fixed by ${f.dueDate}.`));
    if (f.status === 'open' && !f.owner && (f.severity === 'critical' || f.severity === 'high'))
      out.push(finding('finding-unassigned', target, `${f.id} “${f.title}”${where} is ${f.severity} and open, and nobody is assigned to fix it.`));
    if (f.status === 'risk_accepted' && f.expiresOn && isPast(f.expiresOn, model.today))
      out.push(finding('finding-acceptance-expired', target, `The acceptance of ${f.id} “${f.title}”${where} expired on ${f.expiresOn}; fix it or accept it again.`));
  }
  for (const t of model.peopleThreats ?? [])
    if (t.highRisk && t.riskId === null)
      out.push(
        finding(
          'people-threat-unregistered',
          { kind: 'system', id: t.systemId },
          `The people who own, operate or use ${systemName(t.systemId).replace(/^for /, '')} suggest a likelihood of ${t.suggested} for ${t.threatId} ${t.threatName}, and the register has no risk for it.`,
        ),
      );
  return out;
}

function incidentChecks(model: AssessmentModel, systemName: (id: string | null) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const incident of model.incidents) {
    const s = reportState(incident, model.today);
    const target: CheckTarget = { kind: 'incident', id: incident.id };
    const base = `The serious-incident report for “${incident.title}” (${systemName(incident.systemId)})`;
    if (s.status === 'overdue')
      out.push(finding('incident-report-overdue', target, `${base} was due on ${s.deadline!.dueOn} (${s.deadline!.basis}) and has not been sent.`));
    if (s.status === 'due')
      out.push(finding('incident-report-due', target, `${base} is due by ${s.deadline!.dueOn} (${s.deadline!.basis}), in ${countOf(s.daysLeft!, 'day')}.`));
  }
  return out;
}

function coverageChecks(model: AssessmentModel, systemName: (id: string | null) => string): CheckFinding[] {
  const out: CheckFinding[] = [];
  // A system that inherits the organisation's view of a requirement would only repeat its finding.
  const org = new Map((model.coverage.find((c) => c.systemId === null)?.results ?? []).map((r) => [r.requirement, `${r.status} ${r.onlyIntersects}`]));
  for (const { systemId, results } of model.coverage)
    for (const r of results)
      if (systemId !== null && org.get(r.requirement) === `${r.status} ${r.onlyIntersects}`) continue;
      else if (r.status === 'satisfied' && r.onlyIntersects)
        out.push(
          finding(
            'covered-only-by-intersects',
            { kind: 'requirement', id: r.requirement, systemId },
            `${r.requirement} counts as satisfied ${systemName(systemId)} only through controls that intersect it; check that together they really cover it.`,
          ),
        );
      else if (r.status === 'partly' && r.onlyIntersects)
        out.push(
          finding(
            'partly-only-by-intersects',
            { kind: 'requirement', id: r.requirement, systemId },
            `${r.requirement} is partly covered ${systemName(systemId)} only by controls that intersect it, none aimed at it directly.`,
          ),
        );
  return out;
}

const severityOrder: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };
const ruleOrder = new Map(Object.keys(checkRules).map((rule, i) => [rule, i]));

/** Every finding, errors first, then by rule and target. */
export function runChecks(model: AssessmentModel): CheckFinding[] {
  const names = new Map(model.systems.map((s) => [s.id, s.name]));
  const systemName = (id: string | null) => (id === null ? 'for the organisation' : `for ${names.get(id) ?? id}`);
  const bare = (id: string | null) => (id === null ? 'the organisation' : (names.get(id) ?? id));
  const control = (id: string) => (model.controlNames?.[id] ? `${id} ${model.controlNames[id]}` : id);
  return [
    ...controlChecks(model, systemName, control),
    ...systemChecks(model, control),
    ...riskChecks(model, bare),
    ...incidentChecks(model, bare),
    ...findingChecks(model, bare),
    ...coverageChecks(model, systemName),
  ].sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity] || ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)! || a.id.localeCompare(b.id),
  );
}

export function countBySeverity(findings: readonly CheckFinding[]): Record<CheckSeverity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** What decides `assay check`'s exit code. */
export function hasErrors(findings: readonly CheckFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
