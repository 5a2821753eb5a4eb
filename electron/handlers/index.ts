import { appHandlers } from './app';
import { assessmentHandlers } from './assessment';
import { auditHandlers } from './audit';
import { catalogHandlers } from './catalog';
import { evidenceHandlers } from './evidence';
import { jobHandlers } from './jobs';
import { statusHandlers } from './status';
import { systemHandlers } from './systems';
import type { Handlers } from './types';

export type { Handlers } from './types';

/** One handler per command, one module per domain; the doors validate input against the shared table first. */
export const handlers: Handlers = { ...appHandlers, ...assessmentHandlers, ...auditHandlers, ...catalogHandlers, ...jobHandlers, ...systemHandlers, ...statusHandlers, ...evidenceHandlers };
