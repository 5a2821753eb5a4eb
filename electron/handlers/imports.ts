import { readers } from '../imports/registry';
import { startJob } from '../jobs/runner';
import { listBatches } from '../store/imports';
import { actorOf } from './context';
import { normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

type ImportHandlers = Pick<Handlers, 'imports.formats' | 'imports.preview' | 'imports.run' | 'imports.list'>;

export const importHandlers: ImportHandlers = {
  'imports.formats': () => ({ formats: readers.map((r) => ({ format: r.format, label: r.label, kinds: [...r.kinds] })) }),

  'imports.preview': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Opening here refuses a missing or damaged file before any job starts.
    const assessment = useForReading(input.file);
    return startJob('import.preview', assessment.file, { import: { path: normalisePath(input.source), options: input.options ?? {}, actor } });
  },

  'imports.run': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Opening for writing here refuses a read-only, damaged or older-format file before the job starts.
    const { assessment } = useForWriting(input.file, actor);
    return startJob('import', assessment.file, { import: { path: normalisePath(input.source), options: input.options ?? {}, actor } });
  },

  'imports.list': (input) => ({ batches: listBatches(useForReading(input.file)) }),
};
