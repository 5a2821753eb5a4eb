import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../electron/jobs/await-job';
import { formatProgress, progressLine } from '../../electron/jobs/progress-line';
import { progressThrottle } from '../../electron/jobs/progress-throttle';
import { createAssessment } from '../../electron/store/open';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { tempDir } from './helpers';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 40, write: (s: string) => written.push(s) > 0 }, written };
}

describe('job progress on the command line', () => {
  it('draws one line in place on a terminal and clears it at the end', () => {
    const { stream, written } = fakeStream(true);
    const line = progressLine(stream);
    line.update({ phase: 'audit chain', done: 1, total: 4 });
    line.update({ phase: 'audit chain', done: 1, total: 4 });
    line.update({ phase: 'replay', done: 4, total: 4 });
    line.finish();
    expect(written).toEqual(['\r\u001b[2Kaudit chain 1/4 (25%)', '\r\u001b[2Kreplay 4/4 (100%)', '\r\u001b[2K']);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const line = progressLine(stream);
    line.update({ phase: 'replay', done: 1, total: 2 });
    line.finish();
    expect(written).toEqual([]);
  });

  it('writes a line per phase and whole percent when ASSAY_PROGRESS=lines asks for it off a terminal', () => {
    const { stream, written } = fakeStream(false);
    const line = progressLine(stream, true);
    line.update({ phase: 'writing', done: 1, total: 400 });
    line.update({ phase: 'writing', done: 3, total: 400 });
    line.update({ phase: 'writing', done: 8, total: 400 });
    line.update({ phase: 'replay', done: 8, total: 400 });
    line.finish();
    expect(written).toEqual(['progress: writing 1/400 (0%)\n', 'progress: writing 8/400 (2%)\n', 'progress: replay 8/400 (2%)\n']);
  });

  it('escapes control characters and fits the terminal width', () => {
    expect(formatProgress({ phase: 'a\u001b[31mb', done: 0, total: 0 })).toBe('a?[31mb');
    expect(formatProgress({ phase: 'x'.repeat(100), done: 1, total: 2 }, 20)).toHaveLength(19);
  });

  it('runJob waits for a real verify job and hands back its result', async () => {
    const file = join(tempDir(), 'a.assay');
    createAssessment(file, { name: 'A', catalog: loadBundledCatalog(), actor: 't' }).close();
    const steps: number[] = [];
    const result = await runJob('verify', file, { onProgress: (s) => steps.push(s.done) });
    expect(result).toMatchObject({ kind: 'verify', value: { ok: true, entries: 1 } });
    expect(steps.length).toBeGreaterThan(0);
    await expect(runJob('verify', join(tempDir(), 'none.assay'))).rejects.toThrow(/none\.assay/);
  });
});

describe('which progress steps a job posts', () => {
  // The clock is a variable the test moves, so the rule is checked without timing anything.
  const posted = (steps: [number, string, number, number][], intervalMs = 100) => {
    let clock = 0;
    const worth = progressThrottle(intervalMs, () => clock);
    return steps.filter(([at, phase, done, total]) => ((clock = at), worth({ phase, done, total }))).map(([, phase, done]) => `${phase} ${done}`);
  };

  it('posts every tenth of a phase that runs faster than one interval, and its first and last step', () => {
    const fast = Array.from({ length: 21 }, (_, k): [number, string, number, number] => [k, 'writing', k * 1000, 20000]);
    expect(posted(fast)).toEqual(['writing 0', ...[2, 4, 6, 8, 10, 12, 14, 16, 18].map((k) => `writing ${k * 1000}`), 'writing 20000']);
  });

  it('drops steps within an interval and the same tenth, and posts again once the interval has passed', () => {
    const steps: [number, string, number, number][] = [
      [0, 'reading', 1, 1000],
      [10, 'reading', 2, 1000],
      [99, 'reading', 3, 1000],
      [100, 'reading', 4, 1000],
      [150, 'reading', 5, 1000],
    ];
    expect(posted(steps)).toEqual(['reading 1', 'reading 4']);
  });

  it('posts a phase of unknown total (0) by the interval alone', () => {
    const steps: [number, string, number, number][] = [
      [0, 'reading', 1, 0],
      [10, 'reading', 2000, 0],
      [50, 'reading', 4000, 0],
      [120, 'reading', 6000, 0],
    ];
    expect(posted(steps)).toEqual(['reading 1', 'reading 6000']);
  });

  it('posts the first step of each new phase, even within the interval', () => {
    const steps: [number, string, number, number][] = [
      [0, 'reading', 5, 10],
      [1, 'planning', 5, 10],
      [2, 'planning', 5, 10],
      [3, 'writing', 1, 0],
    ];
    expect(posted(steps)).toEqual(['reading 5', 'planning 5', 'writing 1']);
  });
});
