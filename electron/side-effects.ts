/**
 * A count of what this process has done that must not be done twice: committed writes and
 * started jobs. A command that met a locked file and did neither may safely be run again
 * (see dispatchPatiently).
 */
let count = 0;

export function noteSideEffect(): void {
  count++;
}

export function sideEffectsSoFar(): number {
  return count;
}
