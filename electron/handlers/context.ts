import { userInfo } from 'node:os';
import { appHome, defaultAssessmentFolder } from '../paths';
import { readSettings } from '../settings';

export interface HandlerContext {
  /** Who the audit log names for changes made through this door, when no display name is set. */
  actor: string;
  /** The actor was given explicitly (ASSAY_ACTOR): it wins over the app's display name. */
  actorFromEnvironment?: boolean;
  /** Where the recent-files list and the settings live. */
  home: string;
  defaultFolder: string;
  /** The command line does not fill the desktop app's recent-files list. */
  recordRecent: boolean;
}

export function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export function defaultContext(overrides: Partial<HandlerContext> = {}): HandlerContext {
  return {
    actor: process.env.ASSAY_ACTOR ?? currentUser(),
    actorFromEnvironment: Boolean(process.env.ASSAY_ACTOR),
    home: appHome(),
    defaultFolder: defaultAssessmentFolder(),
    recordRecent: true,
    ...overrides,
  };
}

/** The name recorded on audit entries: ASSAY_ACTOR, else the display name the user set, else the login name. */
export function actorOf(ctx: HandlerContext): { actor: string; source: 'environment' | 'settings' | 'system' } {
  if (ctx.actorFromEnvironment) return { actor: ctx.actor, source: 'environment' };
  const { displayName } = readSettings(ctx.home);
  if (displayName) return { actor: displayName, source: 'settings' };
  return { actor: ctx.actor, source: 'system' };
}
