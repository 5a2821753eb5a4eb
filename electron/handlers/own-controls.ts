import { addOwnControl, listOwnControls, mapControl, retireOwnControl, unmapControl } from '../store/own-controls';
import { actorOf } from './context';
import { useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type Names = 'ownControls.list' | 'ownControls.add' | 'ownControls.map' | 'ownControls.unmap' | 'ownControls.retire';

const writer = (file: string, ctx: Parameters<typeof actorOf>[0]) => {
  const { actor } = actorOf(ctx);
  return { a: useForWriting(file, actor).assessment, actor };
};

export const ownControlHandlers: Pick<Handlers, Names> = {
  'ownControls.list': (input) => listOwnControls(useForReading(input.file)),
  'ownControls.add': (input, ctx) => {
    const { a, actor } = writer(input.file, ctx);
    return { control: addOwnControl(a, input.control, actor) };
  },
  'ownControls.map': (input, ctx) => {
    const { a, actor } = writer(input.file, ctx);
    return { mapping: mapControl(a, input.mapping, actor) };
  },
  'ownControls.unmap': (input, ctx) => {
    const { a, actor } = writer(input.file, ctx);
    unmapControl(a, input.control, input.mappedTo, actor);
    return { removed: true as const };
  },
  'ownControls.retire': (input, ctx) => {
    const { a, actor } = writer(input.file, ctx);
    return { control: retireOwnControl(a, input.control, input.reason, actor) };
  },
};
