import { decideThreat, systemThreats } from '../store/threats';
import { findSystem } from '../store/systems';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

export const threatHandlers: Pick<Handlers, 'systems.threats' | 'systems.decideThreat'> = {
  'systems.threats': (input) => {
    const a = useForReading(input.file);
    const system = findSystem(a, input.system);
    return { system: { id: system.id, name: system.name }, threats: systemThreats(a, system) };
  },

  'systems.decideThreat': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { threat: decideThreat(useForWriting(input.file, actor).assessment, input.system, input.decision, actor) };
  },
};
