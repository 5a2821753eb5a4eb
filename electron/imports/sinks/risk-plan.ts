import type { Catalog } from '../../../shared/catalog/schema';
import { addDays } from '../../../shared/domain/dates';
import { Risk, RiskAcceptance } from '../../../shared/domain/risk';
import type { ImportRecord } from '../importer';
import type { RiskRowData } from '../tabular/record-data';

/**
 * The risk a register row describes, checked with the risk register's own schema before anything
 * is written, and what differs from the risk already in the assessment. Plan and apply both build
 * it here, so the preview and the write cannot disagree.
 */

/** A placeholder person id: validation needs one where a name will become a person on apply. */
export const SOMEONE = '00000000-0000-4000-8000-000000000000';

export interface RiskIds {
  id: string;
  systemId: string;
  threatId: string | null;
  ownerId: string | null;
}

export interface Existing {
  risk: Risk;
  ownerName: string | null;
  acceptance: RiskAcceptance | null;
  approverName: string | null;
}

/**
 * Resolves the controls rows name to catalog ids: by id, by exact name, or by the id a control list
 * imported earlier gave it (CISO Assistant's AC-101 became ORG-01); the others come back as unknown.
 */
export function controlResolver(catalog: Catalog, imported: (ref: string) => string | undefined): (names: readonly string[]) => { ids: string[]; unknown: string[] } {
  const byId = new Set(catalog.controls.map((c) => c.id));
  const byName = new Map(catalog.controls.map((c) => [c.name.toLowerCase(), c.id]));
  return (names) => {
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const n of names) {
      const id = byId.has(n.toUpperCase()) ? n.toUpperCase() : (byName.get(n.toLowerCase()) ?? imported(n));
      if (id) ids.push(id);
      else unknown.push(n);
    }
    return { ids: [...new Set(ids)].sort(), unknown };
  };
}

/** The status a row ends with: "accepted" needs an approver, or it stays open with the acceptance pending. */
export function statusOf(d: RiskRowData, existing: Risk | undefined): Risk['status'] {
  const status = d.status ?? existing?.status ?? 'open';
  return status === 'accepted' && !(d.treatment === 'accept' && d.approver) ? (existing?.status === 'accepted' ? 'accepted' : 'open') : status;
}

export function candidate(record: ImportRecord<RiskRowData>, ids: RiskIds, controls: string[], existing: Risk | undefined) {
  const d = record.data;
  return Risk.safeParse({
    id: ids.id,
    systemId: ids.systemId,
    threatId: ids.threatId,
    title: d.title,
    description: d.description,
    likelihood: d.likelihood,
    impact: d.impact,
    treatment: d.treatment,
    controls,
    residualLikelihood: d.residualLikelihood,
    residualImpact: d.residualImpact,
    owner: ids.ownerId,
    status: statusOf(d, existing),
    reviewDate: d.reviewDate,
  });
}

const FIELDS = ['systemId', 'threatId', 'title', 'description', 'likelihood', 'impact', 'treatment', 'controls', 'residualLikelihood', 'residualImpact', 'status', 'reviewDate'] as const;

/** The fields that change, by name (owner compared by the person's name). */
export function changedFields(next: Risk, ownerName: string | null, existing: Existing): string[] {
  const changed: string[] = FIELDS.filter((f) => JSON.stringify(next[f]) !== JSON.stringify(existing.risk[f]));
  if ((ownerName ?? null) !== (existing.ownerName ?? null)) changed.push('owner');
  return changed;
}

export interface AcceptanceWish {
  approver: string;
  expiresOn: string;
}

/** The acceptance a row asks for (treatment accept with an approver), unless the one on record already says it. */
export function acceptanceWish(d: RiskRowData, today: string, existing: Existing | undefined, next: Risk): AcceptanceWish | null {
  if (d.treatment !== 'accept' || !d.approver) return null;
  const expiresOn = d.acceptanceExpiry ?? addDays(today, 365);
  const a = existing?.acceptance;
  if (a && a.approver && existing.approverName === d.approver && a.expiresOn === expiresOn && JSON.stringify(a.snapshot.controls) === JSON.stringify([...next.controls].sort())) {
    const same = a.snapshot.likelihood === next.likelihood && a.snapshot.impact === next.impact && a.snapshot.residualLikelihood === next.residualLikelihood && a.snapshot.residualImpact === next.residualImpact && a.snapshot.treatment === next.treatment;
    if (same) return null;
  }
  return { approver: d.approver, expiresOn };
}
