import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../shared/catalog/schema';
import { ENTRIES, SYSTEMS, benchCoverage } from './coverage';
import { benchControlsScroll } from './controls-scroll';

interface Result {
  name: string;
  value: number;
  unit: string;
  target: number;
}

/** Coverage over many systems and entries, and the controls list scrolling in Chromium; each with its floor printed beside it. */
export async function benchControls(catalog: Catalog, dir: string): Promise<Result[]> {
  const work = join(dir, 'controls');
  mkdirSync(work, { recursive: true });
  const c = benchCoverage(catalog, work);
  console.log(
    `info coverage of ${c.requirements} requirements (all frameworks), organisation + ${SYSTEMS} systems, ${ENTRIES} entries: ` +
      `${c.reportMs.toFixed(1)} ms; floor (one lookup per mapping per scope, nothing judged) ${c.floorMs.toFixed(1)} ms; ` +
      `assessment.status on the same data in a file ${c.statusMs.toFixed(0)} ms`,
  );
  const s = await benchControlsScroll(catalog, work);
  console.log(
    `info controls list, ${s.rows} rows in Chromium: first rows ${s.firstRowsMs} ms after opening the screen; ${s.frames} frames scrolled: ` +
      `mean ${s.meanFrameMs.toFixed(1)} ms, p95 ${s.p95FrameMs.toFixed(1)} ms, worst ${s.worstFrameMs.toFixed(1)} ms; ` +
      `idle floor mean ${s.idleMeanFrameMs.toFixed(1)} ms, p95 ${s.idleP95FrameMs.toFixed(1)} ms; at most ${s.rowsInPage} rows in the page`,
  );
  return [
    { name: `coverage for all frameworks, ${SYSTEMS} systems, ${ENTRIES} entries (median)`, value: c.reportMs, unit: 'ms', target: 50 },
    // Frames within two 60 Hz frames on average keep scrolling smooth to the eye; the idle floor above says what this machine gives at best.
    { name: `controls list scrolling with ${s.rows} rows: mean frame`, value: s.meanFrameMs, unit: 'ms', target: 34 },
    { name: `rows in the page while scrolling ${s.rows} (virtualised)`, value: s.rowsInPage, unit: 'rows', target: 100 },
  ];
}
