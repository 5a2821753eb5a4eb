import type { ProgressStep } from './progress-line';

/**
 * Which of a job's progress steps are worth posting to the thread that answers commands. A fast
 * loop must not flood it, yet a phase that ends within one interval must still show how it went:
 * a step is posted when it starts or ends a phase, reaches a new tenth of its phase, or comes at
 * least `intervalMs` after the last one posted. Between those, steps are dropped. A phase whose
 * total is not known (0) is posted by the interval alone.
 */
export function progressThrottle(intervalMs: number, now: () => number = Date.now): (step: ProgressStep) => boolean {
  let lastAt = -Infinity;
  let lastPhase: string | undefined;
  let lastTenth = -1;
  return (step) => {
    const at = now();
    const tenth = step.total > 0 ? Math.floor((10 * Math.min(step.done, step.total)) / step.total) : -1;
    const post =
      step.phase !== lastPhase || step.done === 0 || (step.total > 0 && step.done >= step.total) || tenth > lastTenth || at - lastAt >= intervalMs;
    if (!post) return false;
    lastAt = at;
    lastPhase = step.phase;
    lastTenth = tenth;
    return true;
  };
}
