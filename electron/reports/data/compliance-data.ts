import type { ControlEntryView, EvidenceView } from '../../../shared/reports/build/compliance-parts';
import type { Assessment } from '../../store/assessment';
import { listControlEntries } from '../../store/control-entries';
import { listEvidence } from '../../store/evidence';

/**
 * Reads shared by the compliance reports' gatherers, through the same store functions the read
 * commands use (controls, evidence); nothing here writes.
 */

/** Every control of the assessment's catalog (own controls included) with the organisation's entry. */
export function controlViews(a: Assessment): ControlEntryView[] {
  return listControlEntries(a, null).map((c) => ({ id: c.id, name: c.name, state: c.state, justification: c.justification, owner: c.owner }));
}

/** Every evidence item with its current file, dates and links, in id order. */
export function evidenceViews(a: Assessment): EvidenceView[] {
  return listEvidence(a).map((e) => ({
    id: e.id,
    title: e.title,
    fileName: e.fileName,
    size: e.size,
    sha256: e.sha256,
    receivedAt: e.receivedAt,
    effectiveFrom: e.effectiveFrom,
    effectiveTo: e.effectiveTo,
    validUntil: e.validUntil,
    links: e.links.map((l) => ({ kind: l.kind, target: l.target, system: l.system })),
  }));
}
