import type { AnnexIvData } from '../../../shared/reports/build/annex-iv';
import type { ReportScope } from '../../../shared/reports/scope';
import { inScope } from '../../../shared/reports/build/in-scope';
import type { Assessment } from '../../store/assessment';
import { readClassification } from '../../store/classification';
import { listComponents } from '../../store/components';
import { listEvidence } from '../../store/evidence';
import { listRisks } from '../../store/risks';
import { listSystems } from '../../store/systems';

/**
 * What the technical documentation draws on: each system in scope with its roles, stored
 * classification, Annex IV fields, components and risks; the evidence items with their links and
 * hashes; and which catalog controls map to which EU AI Act requirements (to find the evidence
 * that speaks for each Annex IV point). Deciding which systems qualify is the pure builder's.
 */
export function gatherAnnexIv(a: Assessment, scope: ReportScope): AnnexIvData {
  const catalog = a.catalog();
  const risks = listRisks(a, scope.today).risks;
  const components = listComponents(a);
  return {
    systems: listSystems(a)
      .filter((s) => inScope(scope, s.id))
      .map((s) => {
        const stored = readClassification(a, s.id);
        return {
          id: s.id,
          name: s.name,
          purpose: s.purpose ?? null,
          owner: s.owner,
          businessUnit: s.businessUnit ?? null,
          lifecycle: s.lifecycle,
          deployment: s.deployment,
          roles: s.roles,
          modelTypes: s.modelTypes,
          annexIv: s.annexIv,
          classification: stored ? { result: stored.result, labels: stored.labels, classifiedAt: stored.classifiedAt } : null,
          components: components.filter((c) => c.systemId === s.id).map((c) => ({ id: c.id, kind: c.kind, name: c.name, version: c.version, supplier: c.supplier })),
          risks: risks.filter((r) => r.systemId === s.id).map((r) => ({ id: r.id, title: r.title, inherent: r.inherent, residual: r.residual, treatment: r.treatment, status: r.status })),
        };
      }),
    evidence: listEvidence(a).map((e) => ({ id: e.id, title: e.title, fileName: e.fileName, sha256: e.sha256, validUntil: e.validUntil, links: e.links.map((l) => ({ kind: l.kind, target: l.target, system: l.system })) })),
    controlRequirements: catalog.control_requirements.filter((m) => m.requirement.startsWith('eu-ai-act:')).map((m) => ({ control: m.control, requirement: m.requirement })),
  };
}
