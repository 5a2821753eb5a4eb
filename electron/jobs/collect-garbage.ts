import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection of this thread's heap, for a job at the boundary of two phases, when
 * the one just ended has left a large structure behind (an import's grid and table of 100,000
 * rows once its records are made). Such structures lived long enough to reach V8's old space, and
 * V8 lets the old space grow to a multiple of what was live at its last collection before it
 * collects again: without this, the dead table and the next phase's data would be held together.
 * V8 exposes gc() only to contexts made after --expose-gc is set, hence the new context (the way
 * jest's leak detector reaches it). Costs tens of milliseconds on a heap of 100 MB.
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
