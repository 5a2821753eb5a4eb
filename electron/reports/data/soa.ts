import type { SoaData } from '../../../shared/reports/build/soa';
import type { Assessment } from '../../store/assessment';
import { coverageEntries } from '../../store/control-entries';
import { listOwnControls } from '../../store/own-controls';
import { controlViews, evidenceViews } from './compliance-data';

/** What the Statement of Applicability reads: the catalog (with own controls), the entries and the evidence. */
export function gatherSoa(a: Assessment): SoaData {
  return {
    catalog: a.catalog(),
    entries: coverageEntries(a),
    controls: controlViews(a),
    ownControlIds: listOwnControls(a).controls.filter((c) => c.retired === null).map((c) => c.id),
    evidence: evidenceViews(a),
  };
}
