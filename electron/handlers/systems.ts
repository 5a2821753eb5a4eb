import { addSystem, listSystems, updateSystem } from '../store/systems';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

export const systemHandlers: Pick<Handlers, 'systems.list' | 'systems.add' | 'systems.update'> = {
  'systems.list': (input) => ({ systems: listSystems(useForReading(input.file)) }),

  'systems.add': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { system: addSystem(useForWriting(input.file, actor).assessment, input.system, actor) };
  },

  'systems.update': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { system: updateSystem(useForWriting(input.file, actor).assessment, input.system, input.changes, actor) };
  },
};
