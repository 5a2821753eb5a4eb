import { listComponents, removeComponent } from '../store/components';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

export const componentHandlers: Pick<Handlers, 'components.list' | 'components.remove'> = {
  'components.list': (input) => ({ components: listComponents(useForReading(input.file), input.system) }),

  'components.remove': (input, ctx) => {
    const { actor } = actorOf(ctx);
    return { removed: removeComponent(useForWriting(input.file, actor).assessment, input.component, input.reason ?? null, actor) };
  },
};
