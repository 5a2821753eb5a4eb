import type { CatalogUpdateResult } from '../../shared/commands';
import { summariseCatalog } from '../../shared/catalog/summary';
import { type CatalogUpdatePlan, applyCatalogUpdate, planCatalogUpdate } from '../store/catalog-update';
import { loadBundledCatalog } from '../catalog/load';
import { readUserFramework } from '../catalog/user-framework';
import { actorOf } from './context';
import { normalisePath, useForReading, useForWriting } from './open-files';
import type { Handlers } from './types';

function updateResult(plan: CatalogUpdatePlan, applied: boolean, backup?: string): CatalogUpdateResult {
  const { diff } = plan;
  return {
    fromVersion: diff.fromVersion,
    toVersion: diff.toVersion,
    upToDate: plan.upToDate,
    applied,
    ...(backup ? { backup } : {}),
    controls: diff.controls,
    requirements: diff.requirements,
    mappings: { added: diff.mappings.added.length, removed: diff.mappings.removed.length, changed: diff.mappings.changed.length },
    states: plan.states,
  };
}

export const catalogHandlers: Pick<Handlers, 'catalog.get' | 'catalog.summary' | 'catalog.importFramework' | 'catalog.removeFramework' | 'catalog.update'> = {
  'catalog.get': (input) => (input.file ? useForReading(input.file).catalog() : loadBundledCatalog()),

  'catalog.summary': (input) => summariseCatalog(input.file ? useForReading(input.file).catalog() : loadBundledCatalog()),

  'catalog.importFramework': (input, ctx) => {
    const { actor } = actorOf(ctx);
    // Parse and validate fully before touching the assessment: a bad file changes nothing.
    const imported = readUserFramework(normalisePath(input.source));
    const { assessment } = useForWriting(input.file, actor);
    const { replaced } = assessment.importFramework(imported, actor);
    const f = imported.framework;
    return {
      framework: { id: f.id, name: f.name, shortName: f.short_name, items: f.items.length, assessable: f.items.filter((i) => i.assessable).length },
      format: imported.format,
      replaced,
    };
  },

  'catalog.update': (input, ctx) => {
    if (input.dryRun) return updateResult(planCatalogUpdate(useForReading(input.file), loadBundledCatalog()), false);
    const { actor } = actorOf(ctx);
    const { plan, backup } = applyCatalogUpdate(useForWriting(input.file, actor).assessment, loadBundledCatalog(), actor);
    return updateResult(plan, !plan.upToDate, backup);
  },

  'catalog.removeFramework': (input, ctx) => {
    const { actor } = actorOf(ctx);
    useForWriting(input.file, actor).assessment.removeFramework(input.frameworkId, actor);
    return { removed: true as const };
  },
};
