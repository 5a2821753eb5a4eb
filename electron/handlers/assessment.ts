import { loadBundledCatalog } from '../catalog/load';
import { rememberRecent } from '../recent';
import { createAssessment, NotWritable } from '../store/open';
import { type HandlerContext, actorOf } from './context';
import { closeFile, holdReadOnly, isHeldReadOnly, normalisePath, register, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

function remember(ctx: HandlerContext, file: string, name: string): void {
  if (ctx.recordRecent) rememberRecent(ctx.home, { file, name, openedAt: new Date().toISOString() });
}

export const assessmentHandlers: Pick<Handlers, 'assessment.create' | 'assessment.open' | 'assessment.close' | 'assessment.upgrade'> = {
  'assessment.create': (input, ctx) => {
    const file = normalisePath(input.file);
    const assessment = register(createAssessment(file, { name: input.name, catalog: loadBundledCatalog(), actor: actorOf(ctx).actor }));
    const summary = assessment.summary();
    remember(ctx, file, summary.name);
    return summary;
  },

  /** The app opens for editing; read-only media or a damaged file are opened for reading instead, and say so. */
  'assessment.open': (input, ctx) => {
    // Opened read-only on purpose, it stays so (a reload, a refresh) until it is closed.
    if (input.readOnly || isHeldReadOnly(input.file)) {
      const assessment = holdReadOnly(input.file);
      const summary = { ...assessment.summary(), readNote: assessment.info.readNote ?? 'Opened read-only for review: nothing is upgraded or written.' };
      remember(ctx, summary.file, summary.name);
      return summary;
    }
    let summary;
    try {
      const { assessment, backup } = useForWriting(input.file, actorOf(ctx).actor, true);
      summary = backup ? { ...assessment.summary(), backup } : assessment.summary();
    } catch (error) {
      if (!(error instanceof NotWritable)) throw error;
      const assessment = useForReading(input.file);
      summary = { ...assessment.summary(), readNote: assessment.info.readNote ?? error.message };
    }
    remember(ctx, summary.file, summary.name);
    return summary;
  },

  'assessment.close': (input) => ({ closed: closeFile(input.file) }),

  'assessment.upgrade': (input, ctx) => {
    const { assessment, backup } = useForWriting(input.file, actorOf(ctx).actor, true);
    return backup ? { ...assessment.summary(), backup } : assessment.summary();
  },
};
