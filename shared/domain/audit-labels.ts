import { controlStateLabels, type ControlState } from './control-state';
import type { AuditDescription, AuditNames } from './logged/domain';
import { loggedDomains } from './logged/index';

export type { AuditDescription, AuditNames } from './logged/domain';

/**
 * The audit log is for auditors: each kind of entry has a label a person reads, and the item
 * is named as a person would name it (control id and name, framework name and version).
 */
const coreKinds = [
  { command: 'assessment.create', label: 'Assessment created' },
  { command: 'assessment.adopt', label: 'Log made replayable (file upgraded)' },
  { command: 'schema.migrate', label: 'File format upgraded' },
  { command: 'controls.setState', label: 'Control state changed' },
  { command: 'catalog.importFramework', label: 'Framework imported' },
  { command: 'catalog.removeFramework', label: 'Framework removed' },
  { command: 'catalog.update', label: 'Catalog updated' },
  { command: 'person.erase', label: 'Personal data erased' },
  { command: 'systems.add', label: 'AI system added' },
  { command: 'systems.update', label: 'AI system changed' },
  { command: 'systems.classify', label: 'AI system classified' },
] as const;

/** Every kind of entry with its label: the core's, then each logged domain's. */
export const auditKinds: readonly { command: string; label: string }[] = [
  ...coreKinds,
  ...loggedDomains.flatMap((d) => Object.entries(d.commands).map(([command, c]) => ({ command, label: c.label }))),
];

type P = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const state = (v: unknown) => controlStateLabels[v as ControlState] ?? str(v);

export function describeAuditEntry(entry: { command: string; entityId: string; payload: unknown }, names: AuditNames): AuditDescription {
  const p = (entry.payload ?? {}) as P;
  const label = auditKinds.find((k) => k.command === entry.command)?.label ?? entry.command;
  for (const domain of loggedDomains) {
    const c = domain.commands[entry.command];
    if (c && Object.hasOwn(domain.commands, entry.command)) return { label, ...c.describe(entry, names) };
  }
  switch (entry.command) {
    case 'assessment.create':
      return { label, item: str(p.name), change: `with catalog ${str(p.catalogVersion)}` };
    case 'assessment.adopt':
      return { label, item: names.assessment(), change: str(p.reason) };
    case 'schema.migrate':
      return { label, item: names.assessment(), change: `file format ${str(p.from)} → ${str(p.to)}` };
    case 'controls.setState': {
      const name = names.control(entry.entityId);
      const why = p.justification ? ` (justification: ${str(p.justification)})` : '';
      return { label, item: name ? `${entry.entityId} ${name}` : entry.entityId, change: `${state(p.from)} → ${state(p.to)}${why}` };
    }
    case 'catalog.importFramework':
      return {
        label: p.replaced ? 'Framework replaced' : label,
        item: [str(p.name), str(p.version)].filter(Boolean).join(' '),
        change: `${str(p.items)} items from ${str(p.source)}`,
      };
    case 'catalog.removeFramework':
      return { label, item: [str(p.name), str(p.version)].filter(Boolean).join(' '), change: 'removed from this assessment' };
    case 'catalog.update': {
      const from = (p.from ?? {}) as P;
      const to = (p.to ?? {}) as P;
      const states = Array.isArray(p.controlStates) ? p.controlStates.length : 0;
      return { label, item: 'catalog', change: `${str(from.version)} → ${str(to.version)}${states ? `; ${states} control states carried over` : ''}` };
    }
    case 'systems.add':
    case 'systems.update': {
      const record = (p.record ?? {}) as P;
      const roles = Array.isArray(record.roles) ? record.roles.join(', ') : '';
      return { label, item: `${entry.entityId} ${str(record.name)}`, change: entry.command === 'systems.add' ? `roles: ${roles}` : 'record updated' };
    }
    case 'systems.classify': {
      const result = (p.result ?? {}) as P;
      const found = [
        ...(Array.isArray(result.prohibited) ? (result.prohibited as P[]).map((x) => `prohibited ${str(x.ref)}`) : []),
        ...(Array.isArray(result.highRisk) ? (result.highRisk as P[]).map((x) => `high-risk ${str(x.ref)}`) : []),
        ...(Array.isArray(result.transparency) ? (result.transparency as P[]).map((x) => str(x.ref)) : []),
      ];
      return { label, item: entry.entityId, change: found.join(', ') || (result.minimalRisk ? 'minimal risk' : 'no finding yet') };
    }
    case 'person.erase':
      return { label, item: 'a person', change: 'name and e-mail replaced by a tombstone on request' };
    default:
      return { label, item: entry.entityId, change: '' };
  }
}
