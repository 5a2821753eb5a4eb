import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../electron/jobs/collect-garbage';

describe('collectGarbage (a job between two phases)', () => {
  it('frees a large structure nothing reaches any more, and leaves what is still reachable', async () => {
    // Made in a function of its own so that no variable of the test keeps the table alive.
    const make = () => Array.from({ length: 200_000 }, (_, i) => ({ row: i, title: `risk ${i}` }));
    const kept = make();
    const dropped = new WeakRef(make());
    const held = new WeakRef(kept);
    // A WeakRef's target lives at least until the turn that made it has ended.
    await nextTurn();
    collectGarbage();
    expect(dropped.deref()).toBeUndefined();
    expect(held.deref()).toBe(kept);
  });
});
