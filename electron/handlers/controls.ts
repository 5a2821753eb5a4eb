import { listControlEntries, removeSystemEntry, setControlEntry, setManyEntries } from '../store/control-entries';
import { findSystem } from '../store/systems';
import type { Assessment } from '../store/assessment';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type ControlHandlers = Pick<Handlers, 'controls.list' | 'controls.setState' | 'controls.setMany' | 'controls.removeSystemEntry'>;

/** A system named by id or exact name, or null for the organisation's entries. */
function systemOf(a: Assessment, ref: string | undefined): { id: string; name: string } | null {
  if (ref === undefined) return null;
  const s = findSystem(a, ref);
  return { id: s.id, name: s.name };
}

export const controlHandlers: ControlHandlers = {
  'controls.list': (input) => {
    const a = useForReading(input.file);
    const system = systemOf(a, input.system);
    return { controls: listControlEntries(a, system?.id ?? null), system };
  },

  'controls.setState': (input, ctx) => {
    const { actor } = actorOf(ctx);
    const { assessment } = useForWriting(input.file, actor);
    const system = systemOf(assessment, input.system);
    const change = { state: input.state, ...(input.justification !== undefined ? { justification: input.justification } : {}), ...(input.details ? { details: input.details } : {}) };
    const control = setControlEntry(assessment, { controlId: input.controlId, systemId: system?.id ?? null }, change, actor);
    return { control, counts: assessment.counts() };
  },

  'controls.setMany': (input, ctx) => {
    const { actor } = actorOf(ctx);
    const { assessment } = useForWriting(input.file, actor);
    const system = systemOf(assessment, input.system);
    const change = {
      ...(input.state !== undefined ? { state: input.state } : {}),
      ...(input.justification !== undefined ? { justification: input.justification } : {}),
      ...(input.details ? { details: input.details } : {}),
    };
    const changed = setManyEntries(assessment, input.controlIds, system?.id ?? null, change, actor);
    const done = new Set(changed);
    return { changed, unchanged: input.controlIds.filter((id) => !done.has(id)), counts: assessment.counts() };
  },

  'controls.removeSystemEntry': (input, ctx) => {
    const { actor } = actorOf(ctx);
    const { assessment } = useForWriting(input.file, actor);
    const system = systemOf(assessment, input.system)!;
    removeSystemEntry(assessment, { controlId: input.controlId, systemId: system.id }, actor);
    return { control: listControlEntries(assessment, system.id).find((c) => c.id === input.controlId)! };
  },
};
