import type { CommandName, CommandOutput, ParsedInput } from '../../shared/commands';
import { summariseCatalog } from '../../shared/catalog/summary';
import { loadBundledCatalog, readManifest } from '../catalog/load';
import { readUserFramework } from '../catalog/user-framework';
import { listRecent, rememberRecent } from '../recent';
import { LATEST_SCHEMA } from '../store/migrations/index';
import { createAssessment } from '../store/open';
import { APP_VERSION } from '../version';
import { cancelJob, listJobs, startJob } from '../jobs/runner';
import type { HandlerContext } from './context';
import { closeFile, normalisePath, register, useAssessment } from './open-files';

type Handler<N extends CommandName> = (input: ParsedInput<N>, ctx: HandlerContext) => CommandOutput<N>;
export type Handlers = { [N in CommandName]: Handler<N> };

function remember(ctx: HandlerContext, file: string, name: string): void {
  if (ctx.recordRecent) rememberRecent(ctx.home, { file, name, openedAt: new Date().toISOString() });
}

/** One handler per command; the doors validate input against the shared table before calling these. */
export const handlers: Handlers = {
  'app.info': (_input, ctx) => ({
    appVersion: APP_VERSION,
    // The manifest alone: the start screen should not wait for the whole catalog to load.
    catalogVersion: readManifest().version,
    schemaVersion: LATEST_SCHEMA,
    defaultFolder: ctx.defaultFolder,
  }),

  'app.recent': (_input, ctx) => ({ files: listRecent(ctx.home) }),

  'assessment.create': (input, ctx) => {
    const file = normalisePath(input.file);
    const assessment = register(createAssessment(file, { name: input.name, catalog: loadBundledCatalog(), actor: ctx.actor }));
    const summary = assessment.summary();
    remember(ctx, file, summary.name);
    return summary;
  },

  'assessment.open': (input, ctx) => {
    const { assessment, backup } = useAssessment(input.file);
    const summary = assessment.summary();
    remember(ctx, assessment.file, summary.name);
    return backup ? { ...summary, backup } : summary;
  },

  'assessment.close': (input) => ({ closed: closeFile(input.file) }),

  'controls.list': (input) => ({ controls: useAssessment(input.file).assessment.listControls() }),

  'controls.setState': (input, ctx) => {
    const { assessment } = useAssessment(input.file);
    const control = assessment.setControlState(input.controlId, input.state, input.justification, ctx.actor);
    return { control, counts: assessment.counts() };
  },

  'audit.list': (input) => ({ entries: useAssessment(input.file).assessment.listAudit(input.limit) }),

  'audit.verify': (input) => useAssessment(input.file).assessment.verifyAudit(),

  'catalog.get': (input) => (input.file ? useAssessment(input.file).assessment.catalog() : loadBundledCatalog()),

  'catalog.summary': (input) => summariseCatalog(input.file ? useAssessment(input.file).assessment.catalog() : loadBundledCatalog()),

  'catalog.importFramework': (input, ctx) => {
    const { assessment } = useAssessment(input.file);
    // Parse and validate fully before touching the assessment: a bad file changes nothing.
    const imported = readUserFramework(normalisePath(input.source));
    const { replaced } = assessment.importFramework(imported, ctx.actor);
    const f = imported.framework;
    return {
      framework: { id: f.id, name: f.name, shortName: f.short_name, items: f.items.length, assessable: f.items.filter((i) => i.assessable).length },
      format: imported.format,
      replaced,
    };
  },

  'catalog.removeFramework': (input, ctx) => {
    useAssessment(input.file).assessment.removeFramework(input.frameworkId, ctx.actor);
    return { removed: true as const };
  },

  'jobs.start': (input) => startJob(input.kind, normalisePath(input.file)),

  'jobs.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),

  'jobs.list': () => ({ jobs: listJobs() }),
};
