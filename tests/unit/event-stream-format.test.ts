import { describe, expect, it } from 'vitest';
import { formatEvent, parseEventStream } from '../../shared/event-stream';
import type { AssayEvent } from '../../shared/events';

describe('the event stream framing', () => {
  it('reads back what it writes, across chunk boundaries, skipping comments and damaged blocks', () => {
    const a: AssayEvent = { type: 'assessment.changed', file: '/x/a.assay' };
    const b: AssayEvent = { type: 'job.progress', jobId: 'job-1-ab', kind: 'verify', file: '/x/a.assay', phase: 'replay', done: 2, total: 9 };
    const text = `: assay events\n\n${formatEvent(a)}data: {not json\n\n${formatEvent(b)}`;
    const cut = text.length - 10;
    const first = parseEventStream(text.slice(0, cut));
    expect(first.events).toEqual([a]);
    const second = parseEventStream(first.rest + text.slice(cut));
    expect(second).toEqual({ events: [b], rest: '' });
  });
});
