import { AssayEvent, type EventListener } from '../../shared/events';

/**
 * The Node side's end of the event channel: producers (the job runner, the change watcher)
 * emit here; each door (Electron IPC, the bridge's event stream) subscribes and forwards.
 */
const listeners = new Set<EventListener>();

export function emitEvent(event: AssayEvent): void {
  // Validated here so a producer's mistake fails where it is made, not in a window.
  const checked = AssayEvent.parse(event);
  for (const listener of [...listeners]) {
    try {
      listener(checked);
    } catch (error) {
      // One broken subscriber (a closed window, a dropped stream) must not silence the others.
      console.error(`assay: an event subscriber failed on ${checked.type}: ${(error as Error).message}`);
    }
  }
}

export function onEvent(listener: EventListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many subscribers are attached: lets tests prove a closed stream or window lets go of its listener. */
export function eventListenerCount(): number {
  return listeners.size;
}
