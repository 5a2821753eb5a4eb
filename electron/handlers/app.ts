import { readManifest } from '../catalog/load';
import { listRecent } from '../recent';
import { readSettings, writeSettings } from '../settings';
import { LATEST_SCHEMA } from '../store/migrations/index';
import { APP_VERSION } from '../version';
import { actorOf } from './context';
import type { Handlers } from './types';


function settings(ctx: Parameters<Handlers['app.settings']>[1]) {
  const { actor, source } = actorOf(ctx);
  return { displayName: readSettings(ctx.home).displayName, actor, actorSource: source };
}

export const appHandlers: Pick<Handlers, 'app.info' | 'app.recent' | 'app.settings' | 'app.setDisplayName'> = {
  'app.info': (_input, ctx) => ({
    appVersion: APP_VERSION,
    // The manifest alone: the start screen should not wait for the whole catalog to load.
    catalogVersion: readManifest().version,
    schemaVersion: LATEST_SCHEMA,
    defaultFolder: ctx.defaultFolder,
  }),
  'app.recent': (_input, ctx) => ({ files: listRecent(ctx.home) }),
  'app.settings': (_input, ctx) => settings(ctx),
  'app.setDisplayName': (input, ctx) => {
    writeSettings(ctx.home, { ...readSettings(ctx.home), displayName: input.displayName });
    return settings(ctx);
  },
};
