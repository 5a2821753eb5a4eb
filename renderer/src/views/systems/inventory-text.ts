import type { AiSystem, AiSystemChanges } from '../../../../shared/domain/systems';
import { groupRelations } from '../../../../shared/domain/systems';
import { lines } from '../../text-lines';

/**
 * The list fields of the inventory edited as plain text, one item a line, so a person can paste
 * from a spreadsheet: groups per relation, an agent's tools as "tool: permissions".
 */
export type Relation = (typeof groupRelations)[number];

export interface InventoryText {
  groups: Record<Relation, string>;
  tools: string;
  dataReach: string;
  credentials: string;
  stopMechanism: string;
}

export function toText(s: AiSystem): InventoryText {
  const groups = Object.fromEntries(groupRelations.map((r) => [r, s.groups.filter((g) => g.relation === r).map((g) => g.name).join('\n')])) as Record<Relation, string>;
  return {
    groups,
    tools: (s.agent?.tools ?? []).map((t) => (t.permissions ? `${t.name}: ${t.permissions}` : t.name)).join('\n'),
    dataReach: (s.agent?.dataReach ?? []).join('\n'),
    credentials: (s.agent?.credentials ?? []).join('\n'),
    stopMechanism: s.agent?.stopMechanism ?? '',
  };
}

/** An agent record is written once any agent field is filled, and kept (emptied) once it existed. */
export function toChanges(t: InventoryText, hadAgent: boolean): Pick<AiSystemChanges, 'groups' | 'agent'> {
  const tools = lines(t.tools).map((l) => {
    const at = l.indexOf(':');
    return at > 0 ? { name: l.slice(0, at).trim(), permissions: l.slice(at + 1).trim() } : { name: l };
  });
  const agent = { tools, dataReach: lines(t.dataReach), credentials: lines(t.credentials), ...(t.stopMechanism.trim() ? { stopMechanism: t.stopMechanism.trim() } : {}) };
  const isAgent = tools.length + agent.dataReach.length + agent.credentials.length > 0 || Boolean(agent.stopMechanism);
  return {
    groups: groupRelations.flatMap((relation) => lines(t.groups[relation]).map((name) => ({ name, relation }))),
    ...(isAgent || hadAgent ? { agent } : {}),
  };
}
