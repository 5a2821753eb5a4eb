import { appHandlers } from './app';
import { assessmentHandlers } from './assessment';
import { auditHandlers } from './audit';
import { catalogHandlers } from './catalog';
import { checkHandlers } from './checks';
import { dashboardHandlers } from './dashboard';
import { sampleHandlers } from './sample';
import { incidentHandlers } from './incidents';
import { controlHandlers } from './controls';
import { evidenceHandlers } from './evidence';
import { importHandlers } from './imports';
import { humanRiskHandlers } from './human-risk';
import { jobHandlers } from './jobs';
import { riskHandlers } from './risks';
import { statusHandlers } from './status';
import { systemHandlers } from './systems';
import { ownControlHandlers } from './own-controls';
import { threatHandlers } from './threats';
import { componentHandlers } from './components';
import { findingHandlers } from './findings';
import { reportHandlers } from './reports';
import { reviewHandlers } from './reviews';
import { copyHandlers } from './copies';
import { signoffHandlers } from './signoff';
import { packageHandlers } from './packages';
import type { Handlers } from './types';

export type { Handlers } from './types';

/** One handler per command, one module per domain; the doors validate input against the shared table first. */
export const handlers: Handlers = {
  ...appHandlers,
  ...assessmentHandlers,
  ...auditHandlers,
  ...catalogHandlers,
  ...controlHandlers,
  ...jobHandlers,
  ...systemHandlers,
  ...statusHandlers,
  ...checkHandlers,
  ...dashboardHandlers,
  ...sampleHandlers,
  ...riskHandlers,
  ...incidentHandlers,
  ...threatHandlers,
  ...reportHandlers,
  ...ownControlHandlers,
  ...evidenceHandlers,
  ...importHandlers,
  ...componentHandlers,
  ...findingHandlers,
  ...humanRiskHandlers,
  ...reviewHandlers,
  ...copyHandlers,
  ...signoffHandlers,
  ...packageHandlers,
};
