import { afterEach, describe, expect, it } from 'vitest';
import type { AssayEvent } from '../../shared/events';
import { type Bridge, EVENTS_PATH, newToken, startBridge } from '../../electron/bridge/server';
import { emitEvent, eventListenerCount } from '../../electron/events/hub';
import { eventClient } from '../../renderer/src/event-client';
import { tempDir, testContext } from './helpers';

let bridge: Bridge | undefined;
const stops: (() => void)[] = [];
afterEach(async () => {
  stops.splice(0).forEach((s) => s());
  await bridge?.close();
  bridge = undefined;
});

describe("the page's event client, against a real bridge", () => {
  it('receives events, and after the bridge comes back says so and receives again', async () => {
    const dir = tempDir();
    const token = newToken();
    const ctx = testContext(dir);
    bridge = await startBridge({ token, ctx, allowedFolders: [dir], changePollMs: 0 });
    const port = bridge.port;
    const client = eventClient({ url: `http://127.0.0.1:${port}${EVENTS_PATH}`, token, retryMs: 50 });
    const received: AssayEvent[] = [];
    let resumes = 0;
    stops.push(client.onResume(() => resumes++));
    stops.push(client.subscribe((e) => received.push(e)));

    await expect.poll(() => eventListenerCount()).toBe(1);
    emitEvent({ type: 'assessment.changed', file: '/a.assay' });
    await expect.poll(() => received.length).toBe(1);
    expect(resumes).toBe(0);

    // The bridge stops (its streams end) and starts again on the same port with the same token.
    await bridge.close();
    bridge = await startBridge({ token, ctx, allowedFolders: [dir], changePollMs: 0, port });
    await expect.poll(() => resumes).toBe(1);
    await expect.poll(() => eventListenerCount()).toBe(1);
    emitEvent({ type: 'assessment.changed', file: '/b.assay' });
    await expect.poll(() => received.map((e) => (e.type === 'assessment.changed' ? e.file : ''))).toEqual(['/a.assay', '/b.assay']);
  });

  it('stops reading when the last subscriber leaves', async () => {
    const dir = tempDir();
    const token = newToken();
    bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [dir], changePollMs: 0 });
    const client = eventClient({ url: `http://127.0.0.1:${bridge.port}${EVENTS_PATH}`, token, retryMs: 50 });
    const unsubscribe = client.subscribe(() => undefined);
    await expect.poll(() => eventListenerCount()).toBe(1);
    unsubscribe();
    await expect.poll(() => eventListenerCount()).toBe(0);
  });
});
