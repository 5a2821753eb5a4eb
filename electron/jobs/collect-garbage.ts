import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread's heap, for a job at the boundary of two phases, when
 * the one just ended has left a large structure behind (an import's grid and table of 100,000
 * rows once its records are made). Such structures lived long enough to reach V8's old space, and
 * V8 lets the old space grow to a multiple of what was live at its last collection before it
 * collects again: without this, the dead table and the next phase's data would be held together.
 * Costs tens of milliseconds on a heap of 100 MB.
 */

let exposed = false;

/**
 * V8 gives gc() to contexts made after --expose-gc is set. The runner sets it once, on the main
 * thread, before it starts its first worker, so the workers have it and never change the
 * process-wide flags themselves while other threads read them.
 */
export function exposeGcToWorkers(): void {
  if (exposed) return;
  setFlagsFromString('--expose-gc');
  exposed = true;
}

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  // Outside a worker (the benchmark's child, a test) the flag is set here and gc() taken from a new context.
  gc ??= (globalThis as { gc?: () => void }).gc ?? (exposeGcToWorkers(), runInNewContext('gc') as () => void);
  gc();
}
