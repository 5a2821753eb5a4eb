import { type SystemCorrelation, correlate } from '../../shared/domain/human-risk/correlation';
import { humanRiskControls } from '../../shared/domain/human-risk/model';
import { type HumanRiskSummary, summarise } from '../../shared/domain/human-risk/summary';
import type { Assessment } from './assessment';
import { listMetrics } from './human-risk';
import { riskRecords } from './risks';
import { listSystems } from './systems';

/** The human-risk figures read for people: per control and group, and against each AI system. */

export function humanRiskSummary(a: Assessment): HumanRiskSummary {
  const catalog = a.catalog();
  const names = Object.fromEntries(humanRiskControls.map((id) => [id, catalog.controls.find((c) => c.id === id)?.name ?? id]));
  return summarise(listMetrics(a), names);
}

export function humanRiskCorrelation(a: Assessment): { systems: SystemCorrelation[]; groups: number } {
  const { groups } = summarise(listMetrics(a), {});
  const threatNames = Object.fromEntries(a.catalog().threats.map((t) => [t.id, t.name]));
  const systems = listSystems(a).map((s) => ({ id: s.id, name: s.name, businessUnit: s.businessUnit, groups: s.groups }));
  return { systems: correlate(systems, groups, riskRecords(a).risks, threatNames), groups: groups.length };
}
