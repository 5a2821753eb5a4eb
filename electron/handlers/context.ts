import { userInfo } from 'node:os';
import { appHome, defaultAssessmentFolder } from '../paths';

export interface HandlerContext {
  /** Who the audit log names for changes made through this door. */
  actor: string;
  /** Where the recent-files list lives. */
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
    home: appHome(),
    defaultFolder: defaultAssessmentFolder(),
    recordRecent: true,
    ...overrides,
  };
}
