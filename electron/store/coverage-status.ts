import { applicableObligations } from '../../shared/domain/classification';
import { buildCoverageModel } from '../../shared/domain/coverage';
import { type SystemScope, coverageReport } from '../../shared/domain/coverage-report';
import type { Assessment } from './assessment';
import { readClassification } from './classification';
import { coverageEntries } from './control-entries';
import { listSystems } from './systems';

/** Each system's scope: a completely classified system counts only the EU AI Act obligations it is subject to. */
export function systemScopes(a: Assessment, today: string): SystemScope[] {
  const catalog = a.catalog();
  return listSystems(a).map((s): SystemScope => {
    const stored = readClassification(a, s.id);
    const selected = stored?.result.complete ? applicableObligations(stored.result, s.roles, catalog, today).flatMap((o) => (o.ref ? [o.ref] : [])) : null;
    return { id: s.id, name: s.name, euObligations: selected ? new Set(selected) : null };
  });
}

/**
 * Coverage for `status`: per framework for the organisation and for each system (its own entries
 * override the organisation's; a completely classified system counts only the EU AI Act obligations
 * it is subject to), and the gaps with the controls that would close them, named as people read them.
 */
export function coverageStatus(a: Assessment, today = new Date().toISOString().slice(0, 10)) {
  const catalog = a.catalog();
  const frameworkNames = new Map(catalog.frameworks.map((f) => [f.id, f.short_name ?? f.name]));
  const titles = new Map<string, string>(catalog.frameworks.flatMap((f) => f.items.map((i) => [`${f.id}:${i.id}`, i.label ?? i.title ?? i.id] as const)));
  const controlNames = new Map(catalog.controls.map((c) => [c.id, c.name]));
  const systems = systemScopes(a, today);
  const report = coverageReport(buildCoverageModel(catalog), coverageEntries(a), systems);
  const named = <T extends { framework: string }>(rows: T[]) => rows.map((r) => ({ ...r, name: frameworkNames.get(r.framework) ?? r.framework }));
  const impact = (rows: typeof report.closeFirst) => rows.map((c) => ({ ...c, name: controlNames.get(c.control) ?? c.control }));
  return {
    coverage: named(report.organisation),
    gaps: report.gaps.map((g) => ({
      ...g,
      title: titles.get(g.requirement) ?? g.item,
      closers: g.closers.map((c) => ({ ...c, name: controlNames.get(c.control) ?? c.control })),
    })),
    closeFirst: impact(report.closeFirst),
    systemCoverage: report.systems.map((s) => ({ ...s, frameworks: named(s.frameworks), closeFirst: impact(s.closeFirst) })),
  };
}
