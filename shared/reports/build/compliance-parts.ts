import type { Catalog, Framework } from '../../catalog/schema';
import { satisfiedShare } from '../../charts/dashboard-charts';
import { type ControlState, controlStateLabels } from '../../domain/control-state';
import { type FrameworkCoverageSummary, coverageStatusLabels } from '../../domain/coverage';
import type { Cell, TableColumn } from '../model';
import type { ReportScope } from '../scope';

/**
 * Pieces the compliance reports (executive, gap, SoA, trace, evidence index) share: the plain
 * views their gatherers read from the assessment, and the scope rules they all apply the same way.
 */

/** A control with the organisation's entry that counts for it (catalog and own controls alike). */
export interface ControlEntryView {
  id: string;
  name: string;
  state: ControlState;
  justification: string | null;
  /** The owner's name as stored; builders pass it through personName() before showing it. */
  owner: string | null;
}

export interface EvidenceLinkView {
  kind: 'control' | 'requirement';
  target: string;
  /** The system the link is for; null: the organisation. */
  system: string | null;
}

/** An evidence item as the reports cite it: its current file and the three dates an auditor judges. */
export interface EvidenceView {
  id: string;
  title: string;
  fileName: string;
  size: number;
  sha256: string;
  /** When Assay received the current file (set by Assay). */
  receivedAt: string;
  /** The date or period the evidence speaks for (set by the user). */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  validUntil: string | null;
  links: EvidenceLinkView[];
}

/** The frameworks a report covers, in catalog order: every one when the user chose none. */
export function frameworksInScope(catalog: Pick<Catalog, 'frameworks'>, scope: ReportScope): Framework[] {
  if (scope.allFrameworks) return [...catalog.frameworks];
  const wanted = new Set(scope.frameworks.map((f) => f.id));
  return catalog.frameworks.filter((f) => wanted.has(f.id));
}

/** null: every system (and organisation-wide entries) is in scope. */
export function systemIdsInScope(scope: ReportScope): ReadonlySet<string> | null {
  return scope.allSystems ? null : new Set(scope.systems.map((s) => s.id));
}

/** Evidence ids in numeric order (EV-999 before EV-1000), the same on every machine (no locale). */
export function byEvidenceId(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A link counts for the report when it is the organisation's or for a system in scope. */
export function linkInScope(link: Pick<EvidenceLinkView, 'system'>, systems: ReadonlySet<string> | null): boolean {
  return link.system === null || systems === null || systems.has(link.system);
}

/**
 * Evidence ids by what they are linked to (a control id or a requirement ref), in id order,
 * counting only links in scope.
 */
export function evidenceByTarget(evidence: readonly EvidenceView[], systems: ReadonlySet<string> | null): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const e of evidence)
    for (const l of e.links) {
      if (!linkInScope(l, systems)) continue;
      const list = byTarget.get(l.target) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      byTarget.set(l.target, list);
    }
  for (const list of byTarget.values()) list.sort(byEvidenceId);
  return byTarget;
}

/** The manifest's list of cited evidence: each id once, with its SHA-256, in id order. */
export function citedEvidence(evidence: readonly EvidenceView[], ids: Iterable<string>): { id: string; sha256: string }[] {
  const wanted = new Set(ids);
  return evidence
    .filter((e) => wanted.has(e.id))
    .map((e) => ({ id: e.id, sha256: e.sha256 }))
    .sort((a, b) => byEvidenceId(a.id, b.id));
}

export function stateLabel(state: ControlState): string {
  return controlStateLabels[state];
}

/** "GOV-01 Implemented; MOD-02 Not started": controls with their states, as a table cell. */
export function controlsWithStates(ids: readonly string[], controls: ReadonlyMap<string, ControlEntryView>): string | null {
  if (ids.length === 0) return null;
  return ids.map((id) => `${id} ${stateLabel(controls.get(id)?.state ?? 'not_started')}`).join('; ');
}

export function joinOrNull(values: readonly string[], separator = ', '): string | null {
  return values.length ? values.join(separator) : null;
}


/** A sheet name spreadsheet programs accept: at most 31 characters, none of \ / ? * [ ] : */
export function sheetName(text: string): string {
  return text.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
}

/** Requirement counts per framework by coverage status, as the gap assessment and the executive summary both show them. */
export const countColumns: TableColumn[] = [
  { key: 'framework', label: 'Framework', width: 2 },
  { key: 'assessable', label: 'Requirements', align: 'right' },
  { key: 'satisfied', label: coverageStatusLabels.satisfied, align: 'right' },
  { key: 'partly', label: coverageStatusLabels.partly, align: 'right' },
  { key: 'not_satisfied', label: coverageStatusLabels.not_satisfied, align: 'right' },
  { key: 'not_applicable', label: coverageStatusLabels.not_applicable, align: 'right' },
  { key: 'governance_only', label: coverageStatusLabels.governance_only, align: 'right' },
  { key: 'share', label: 'Share satisfied', align: 'right' },
];
export const countRow = (name: string, c: FrameworkCoverageSummary): Cell[] => {
  const share = satisfiedShare(c);
  return [name, c.assessable, c.satisfied, c.partly, c.not_satisfied, c.not_applicable, c.governance_only, share === null ? 'n/a' : `${share}%`];
};
