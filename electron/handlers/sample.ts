import { buildSample } from '../sample/build-sample';
import { normalisePath } from './open-files';
import type { Handlers } from './types';

export const sampleHandlers: Pick<Handlers, 'assessment.sample'> = {
  // Each step runs as its own person, as the sample's audit history shows who did what.
  'assessment.sample': (input, ctx) => buildSample(normalisePath(input.file), { base: ctx }),
};
