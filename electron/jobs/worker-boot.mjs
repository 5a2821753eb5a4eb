// Starts a job's worker from the TypeScript sources (tests, `npm run web`, the command line):
// tsx registered in the parent thread does not reach a worker, so it is registered here.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
