import type { AssayEvent } from './events';

/**
 * The bridge's text/event-stream framing, in one place for the server that writes it and the
 * page (and tests) that read it.
 */
export function formatEvent(event: AssayEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Splits received text into events, keeping an unfinished block for the next chunk; comment lines are skipped. */
export function parseEventStream(buffer: string): { events: AssayEvent[]; rest: string } {
  const events: AssayEvent[] = [];
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data) continue;
    try {
      const event = JSON.parse(data) as AssayEvent;
      if (typeof event?.type === 'string') events.push(event);
    } catch {
      // A damaged block is skipped; the next one stands on its own.
    }
  }
  return { events, rest };
}
