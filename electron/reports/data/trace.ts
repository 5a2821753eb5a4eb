import type { TraceData } from '../../../shared/reports/build/trace';
import type { ReportScope } from '../../../shared/reports/scope';
import type { Assessment } from '../../store/assessment';
import { findSystem } from '../../store/systems';
import { systemThreats } from '../../store/threats';
import { controlViews } from './compliance-data';

/**
 * What the traceability matrix reads: the catalog with the organisation's mappings, each control's
 * state, and the threats of each system in scope as suggested and decided (confirmed, dismissed, added).
 */
export function gatherTrace(a: Assessment, scope: ReportScope): TraceData {
  const systems = scope.systems.map((s) => ({ id: s.id, name: s.name, threats: systemThreats(a, findSystem(a, s.id)) }));
  return { catalog: a.catalog(), controls: controlViews(a), systems };
}
