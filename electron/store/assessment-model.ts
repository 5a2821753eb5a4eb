import type { AssessmentModel, CheckClassification, CheckSystem } from '../../shared/domain/checks';
import type { ClassificationResult } from '../../shared/domain/classification';
import { assessCoverage, buildCoverageModel } from '../../shared/domain/coverage';
import { scopeFor } from '../../shared/domain/coverage-report';
import type { Assessment } from './assessment';
import { readClassification } from './classification';
import { type ListedControl, listControlEntries } from './control-entries';
import { systemScopes } from './coverage-status';
import { listEvidence } from './evidence';
import { incidentRecords } from './incidents';
import { riskRecords } from './risks';
import { listSystems } from './systems';
import { listFindings } from './findings';
import { humanRiskCorrelation } from './human-risk-views';

/**
 * The assessment as the consistency checks and the dashboard read it: a plain model built from
 * every domain's store, so the rules in shared/domain/checks.ts stay pure.
 */

function checkClassification(result: ClassificationResult): CheckClassification {
  const annex = result.highRisk.find((b) => b.kind === 'annex_iii');
  return {
    highRisk: result.highRisk.length > 0,
    annexIII: annex && annex.kind === 'annex_iii' ? { area: Number(annex.area), point: annex.letter || null } : null,
  };
}

/** The organisation's entries and each system's own, with the dates the checks judge. */
export function controlEntries(a: Assessment, systemIds: readonly string[]): AssessmentModel['controls'] {
  const entry = (systemId: string | null) => (c: ListedControl) => ({ controlId: c.id, systemId, state: c.state, justification: c.justification, dueDate: c.dueDate, nextReview: c.nextReview });
  return [
    ...listControlEntries(a, null).map(entry(null)),
    ...systemIds.flatMap((id) => listControlEntries(a, id).filter((c) => c.source === 'system').map(entry(id))),
  ];
}

export function buildAssessmentModel(a: Assessment, today: string): AssessmentModel {
  const catalog = a.catalog();
  const systems: CheckSystem[] = listSystems(a).map((s) => {
    const stored = readClassification(a, s.id);
    const tools = s.agent?.tools ?? [];
    return {
      id: s.id,
      name: s.name,
      roles: s.roles,
      publicBodyOrService: s.publicBodyOrService ?? false,
      agent: s.agent ? { toolPermissions: tools.map((t) => (t.permissions ? `${t.name}: ${t.permissions}` : t.name)) } : null,
      classification: stored ? checkClassification(stored.result) : null,
    };
  });
  const controls = controlEntries(a, systems.map((s) => s.id));
  const items = listEvidence(a);
  const coverageModel = buildCoverageModel(catalog);
  // The same scope as status: a classified system is judged only on the EU obligations that apply to it.
  const coverage = [
    { systemId: null, results: assessCoverage(coverageModel, controls, null) },
    ...systemScopes(a, today).map((scope) => ({ systemId: scope.id, results: assessCoverage(coverageModel, controls, scope.id, scopeFor(scope)) })),
  ];
  return {
    today,
    systems,
    controls,
    evidence: items.map((e) => ({ id: e.id, title: e.title, validUntil: e.validUntil })),
    evidenceLinks: items.flatMap((e) => e.links.filter((l) => l.kind === 'control').map((l) => ({ evidenceId: e.id, controlId: l.target, systemId: l.system }))),
    ...riskRecords(a),
    incidents: incidentRecords(a),
    coverage,
    controlNames: Object.fromEntries(catalog.controls.map((c) => [c.id, c.name])),
    findings: listFindings(a, today).map((f) => ({ id: f.id, title: f.title, systemId: f.systemId, severity: f.severity, status: f.status, owner: f.owner, dueDate: f.dueDate, expiresOn: f.expiresOn })),
    peopleThreats: humanRiskCorrelation(a).systems.flatMap((s) =>
      s.threats.filter((t) => t.suggested !== null).map((t) => ({ systemId: s.systemId, threatId: t.threatId, threatName: t.threatName, suggested: t.suggested!, highRisk: t.highRisk, riskId: t.risk?.id ?? null })),
    ),
  };
}
