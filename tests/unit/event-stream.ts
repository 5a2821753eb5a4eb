import { type IncomingMessage, request } from 'node:http';
import { parseEventStream } from '../../shared/event-stream';
import { AssayEvent } from '../../shared/events';
import { EVENTS_PATH, TOKEN_HEADER } from '../../electron/bridge/server';

export interface EventStream {
  status: number;
  events: AssayEvent[];
  /** The first event (already received or still to come) that matches. */
  next(match: (event: AssayEvent) => boolean): Promise<AssayEvent>;
  close(): void;
}

/** Reads the bridge's text/event-stream as the page does: a GET with the token in a header. */
export function openEventStream(port: number, token: string | undefined): Promise<EventStream> {
  return new Promise((resolveOpen, reject) => {
    const headers: Record<string, string> = token ? { [TOKEN_HEADER]: token } : {};
    const req = request({ host: '127.0.0.1', port, path: EVENTS_PATH, headers }, (res: IncomingMessage) => {
      const events: AssayEvent[] = [];
      const waiters: { match: (e: AssayEvent) => boolean; done: (e: AssayEvent) => void }[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const parsed = parseEventStream(buffer + chunk);
        buffer = parsed.rest;
        for (const raw of parsed.events) {
          // What the bridge sends must meet the shared schema, as if a page checked it.
          const event = AssayEvent.parse(raw);
          events.push(event);
          for (const w of waiters.splice(0)) if (w.match(event)) w.done(event);
          else waiters.push(w);
        }
      });
      resolveOpen({
        status: res.statusCode ?? 0,
        events,
        next: (match) =>
          new Promise((done) => {
            const seen = events.find(match);
            if (seen) done(seen);
            else waiters.push({ match, done });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}
