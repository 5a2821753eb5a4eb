import { type Catalog, splitRef } from '../../catalog/schema';
import { buildIndex, itemTitle, traceThreat } from '../../catalog/trace';
import { threatApplies, type SystemThreat } from '../../domain/threats/decision';
import { countOf } from '../../plural';
import type { Block, Cell } from '../model';
import { personName, type ReportBuilder } from '../scope';
import { type ControlEntryView, frameworksInScope, stateLabel } from './compliance-parts';

/**
 * The traceability matrix: threat → control → requirement, as the catalog (and the mappings the
 * organisation drew) state it, with each mapping's relationship and rationale, for the frameworks
 * in scope. One row per (threat, control, requirement).
 */

export interface TraceData {
  catalog: Catalog;
  controls: ControlEntryView[];
  /** The systems in scope with their threats as suggested and decided. */
  systems: { id: string; name: string; threats: SystemThreat[] }[];
}

/** Which systems in scope each threat applies to, and which dismissed it with what reason. */
function applicability(systems: TraceData['systems']) {
  const applies = new Map<string, string[]>();
  const dismissed: { threatId: string; system: string; reason: string; by: string | null; on: string | null }[] = [];
  for (const system of systems)
    for (const t of system.threats) {
      if (threatApplies(t)) applies.set(t.threatId, [...(applies.get(t.threatId) ?? []), system.id]);
      else if (t.decision === 'dismissed') dismissed.push({ threatId: t.threatId, system: `${system.id} ${system.name}`, reason: t.reason ?? '', by: t.decidedBy, on: t.decidedAt });
    }
  return { applies, dismissed };
}

export const buildTrace: ReportBuilder<TraceData> = (data, meta, scope) => {
  const { applies, dismissed } = applicability(data.systems);
  const appliesTo = (threatId: string) => applies.get(threatId)?.join(', ') ?? (data.systems.length ? 'none in scope' : 'no systems');
  const index = buildIndex(data.catalog);
  const frameworks = frameworksInScope(data.catalog, scope);
  const shortNames = new Map(frameworks.map((f) => [f.id, f.short_name]));
  const states = new Map(data.controls.map((c) => [c.id, c.state]));
  const rows: Cell[][] = [];
  const answered: Cell[][] = [];
  const unreached: string[] = [];
  const controlsSeen = new Set<string>();
  const requirementsSeen = new Set<string>();

  const threatNames = new Map(data.catalog.threats.map((t) => [t.id, `${t.id} ${t.name}`]));
  const threatName = (id: string) => threatNames.get(id) ?? id;
  for (const threat of data.catalog.threats) {
    const trace = traceThreat(index, threat.id)!;
    const threatCell = `${threat.id} ${threat.name}`;
    let reached = 0;
    for (const { mapping, control, requirements } of trace.controls) {
      answered.push([threatCell, `${control.id} ${control.name}`, mapping.rationale]);
      for (const m of requirements) {
        const { framework, item } = splitRef(m.requirement);
        const short = shortNames.get(framework);
        if (!short) continue;
        const entry = index.items.get(m.requirement);
        reached += 1;
        controlsSeen.add(control.id);
        requirementsSeen.add(m.requirement);
        rows.push([threatCell, appliesTo(threat.id), `${control.id} ${control.name}`, stateLabel(states.get(control.id) ?? 'not_started'), short, entry ? `${item} ${itemTitle(entry.item)}` : item, m.relationship, m.rationale]);
      }
    }
    if (reached === 0) unreached.push(threatCell);
  }

  const summary: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Frameworks', frameworks.map((f) => f.short_name).join(', ') || 'None'],
        ['Threats', String(data.catalog.threats.length)],
        ['Threats that apply to a system in scope', `${applies.size} (suggested and not dismissed, confirmed, or added)`],
        ['Dismissed for a system in scope', String(dismissed.length)],
        ['Controls on a path', String(controlsSeen.size)],
        ['Requirements reached', String(requirementsSeen.size)],
        ['Paths from a threat through a control to a requirement', String(rows.length)],
      ],
    },
    {
      kind: 'paragraph',
      text: 'Relationships are those of the catalog’s mappings, read as set relations from the control to the requirement: equal, subset (the control covers part of it), superset (the control covers all of it and more), intersects (they overlap). States are the organisation’s entries.',
      tone: 'muted',
    },
  ];
  if (unreached.length)
    summary.push({ kind: 'paragraph', tone: 'warning', text: `${countOf(unreached.length, 'threat')} ${unreached.length === 1 ? 'reaches' : 'reach'} no requirement of the frameworks in scope through a control: ${unreached.join('; ')}.` });

  return {
    subtitle: scope.allFrameworks ? null : frameworks.map((f) => f.short_name).join(', ') || null,
    sections: [
      { title: 'Summary', blocks: summary },
      {
        title: 'From threat through control to requirement',
        blocks: rows.length
          ? [
              {
                kind: 'table',
                sheet: 'Trace',
                caption: 'One row per threat, control and requirement, with the relationship and rationale of the mapping from control to requirement',
                columns: [
                  { key: 'threat', label: 'Threat', width: 1.4 },
                  { key: 'appliesTo', label: 'Applies to', width: 0.9 },
                  { key: 'control', label: 'Control', width: 1.4 },
                  { key: 'state', label: 'State', width: 0.8 },
                  { key: 'framework', label: 'Framework', width: 1 },
                  { key: 'requirement', label: 'Requirement', width: 1.6 },
                  { key: 'relationship', label: 'Relationship', width: 0.8 },
                  { key: 'rationale', label: 'Rationale', width: 2.4 },
                ],
                rows,
                main: true,
              },
            ]
          : [{ kind: 'paragraph', text: 'No threat reaches a requirement of the frameworks in scope.', tone: 'muted' }],
      },
      {
        title: 'Threats dismissed for systems in scope',
        blocks: [
          dismissed.length
            ? {
                kind: 'table',
                sheet: 'Dismissed threats',
                caption: 'Threats the rules suggested that the organisation dismissed for a system, with its reason',
                columns: [
                  { key: 'threat', label: 'Threat', width: 1.4 },
                  { key: 'system', label: 'System', width: 1.2 },
                  { key: 'reason', label: 'Reason', width: 2.6 },
                  { key: 'by', label: 'Decided by', width: 1 },
                  { key: 'on', label: 'On', width: 0.8 },
                ],
                rows: dismissed.map((d) => [threatName(d.threatId), d.system, d.reason, personName(d.by, meta.audience, 'decided by'), d.on ? d.on.slice(0, 10) : null]),
              }
            : { kind: 'paragraph', text: 'No threat was dismissed for a system in scope.', tone: 'muted' },
        ],
      },
      {
        title: 'Why each control answers its threats',
        blocks: [
          {
            kind: 'table',
            sheet: 'Threat controls',
            caption: 'The catalog’s mappings from threats to controls, with their rationale',
            columns: [
              { key: 'threat', label: 'Threat', width: 1.4 },
              { key: 'control', label: 'Control', width: 1.4 },
              { key: 'rationale', label: 'Rationale', width: 3 },
            ],
            rows: answered,
          },
        ],
      },
    ],
    evidence: [],
  };
};
