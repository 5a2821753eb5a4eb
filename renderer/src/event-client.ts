import { parseEventStream } from '../../shared/event-stream';
import type { EventListener } from '../../shared/events';

export interface EventClient {
  subscribe(listener: EventListener): () => void;
  /** Called when the stream comes back after a drop: events may have been missed, so callers reload. */
  onResume(callback: () => void): () => void;
}

/**
 * Reads the bridge's event stream, shared by every subscriber. EventSource cannot send headers, so
 * the stream is read with fetch(): the token travels in X-Assay-Token and never appears in a URL or
 * a log. Kept free of window so a unit test can run it against a real bridge.
 */
export function eventClient(options: { url: string; token: string; retryMs?: number }): EventClient {
  const listeners = new Set<EventListener>();
  const resumed = new Set<() => void>();
  let controller: AbortController | null = null;

  async function connect(): Promise<void> {
    const own = (controller = new AbortController());
    let connections = 0;
    while (listeners.size > 0 && !own.signal.aborted) {
      try {
        const response = await fetch(options.url, { headers: { 'X-Assay-Token': options.token }, signal: own.signal });
        if (response.status === 401 || !response.body) return; // the page shows the token page on its next command
        if (connections++ > 0) for (const callback of [...resumed]) callback();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseEventStream(buffer + value);
          buffer = parsed.rest;
          for (const event of parsed.events) for (const listener of [...listeners]) listener(event);
        }
      } catch {
        if (own.signal.aborted) return;
      }
      // The bridge restarted or the connection dropped: try again, quietly.
      await new Promise((r) => setTimeout(r, options.retryMs ?? 1000));
    }
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) void connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) controller?.abort();
      };
    },
    onResume(callback) {
      resumed.add(callback);
      return () => resumed.delete(callback);
    },
  };
}
