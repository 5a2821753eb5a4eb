import type { TraceData } from '../../../shared/reports/build/trace';
import type { Assessment } from '../../store/assessment';
import { controlViews } from './compliance-data';

/** What the traceability matrix reads: the catalog with the organisation's mappings, and each control's state. */
export function gatherTrace(a: Assessment): TraceData {
  return { catalog: a.catalog(), controls: controlViews(a) };
}
