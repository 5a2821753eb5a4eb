import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { newToken, startBridge } from '../../electron/bridge/server';
import { defaultContext } from '../../electron/handlers/context';
import { closeAll } from '../../electron/handlers/open-files';
import { createAssessment } from '../../electron/store/open';
import type { Catalog } from '../../shared/catalog/schema';
import { withExtraControls } from './synthetic-catalog';

export const ROWS = 5000;

export interface ScrollFigures {
  rows: number;
  /** Rows in the page while scrolling: a virtualised list keeps this near what fits on screen. */
  rowsInPage: number;
  firstRowsMs: number;
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  worstFrameMs: number;
  /** The same measure with the page idle: the browser's own frame cadence on this machine. */
  idleMeanFrameMs: number;
  idleP95FrameMs: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Frame intervals (requestAnimationFrame) in the page over `frames` frames; with `scroll` each
 * frame moves the controls list down by that many pixels, as a fast wheel or a dragged scrollbar does.
 * A string, as the benchmarks are type-checked without the DOM library.
 */
const frameScript = (frames: number, scroll: number) => `new Promise((done) => {
  const box = document.querySelector('[data-testid="controls-scroll"]');
  const times = [];
  let most = 0;
  const step = (t) => {
    times.push(t);
    if (${scroll} > 0) { box.scrollTop += ${scroll}; most = Math.max(most, document.querySelectorAll('[data-testid="controls-scroll"] tbody tr').length); }
    if (times.length <= ${frames}) requestAnimationFrame(step);
    else done({ gaps: times.slice(1).map((x, i) => x - times[i]), most, end: box.scrollTop });
  };
  requestAnimationFrame(step);
})`;

/** The controls screen with 5,000 controls, in Debian's Chromium over the loopback bridge, scrolled top to bottom. */
export async function benchControlsScroll(bundled: Catalog, dir: string): Promise<ScrollFigures> {
  const staticDir = resolve('out/renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.log('info building the UI for the scrolling benchmark (vite build)');
    execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const file = join(dir, 'many-controls.assay');
  createAssessment(file, { name: 'Five thousand controls', catalog: withExtraControls(bundled, ROWS - bundled.controls.length), actor: 'bench' }).close();
  const token = newToken();
  const bridge = await startBridge({ token, staticDir, port: 0, ctx: defaultContext({ recordRecent: false, home: join(dir, 'home'), defaultFolder: dir }), allowedFolders: [dir], changePollMs: 0 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1320, height: 820 } });
    await page.addInitScript(`sessionStorage.setItem('assay.currentFile', ${JSON.stringify(file)})`);
    await page.goto(`${bridge.url}#token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Five thousand controls' }).waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await page.getByRole('button', { name: /^Controls/ }).click();
    await page.getByText(`${ROWS} of ${ROWS} controls`).waitFor({ timeout: 60_000 });
    await page.getByRole('row', { name: /ACC-01/ }).waitFor();
    const firstRowsMs = Date.now() - t0;

    const idle = (await page.evaluate(frameScript(60, 0))) as { gaps: number[] };
    // 5,000 rows of 52 px: 130 px a frame crosses the whole list in about 2,000 frames; 600 frames cover 30 %.
    const scrolled = (await page.evaluate(frameScript(600, 130))) as { gaps: number[]; most: number; end: number };
    if (scrolled.end < 600 * 130 * 0.9) throw new Error(`the list did not scroll as far as asked (${scrolled.end} px)`);
    return {
      rows: ROWS,
      rowsInPage: scrolled.most,
      firstRowsMs,
      frames: scrolled.gaps.length,
      meanFrameMs: mean(scrolled.gaps),
      p95FrameMs: percentile(scrolled.gaps, 0.95),
      worstFrameMs: Math.max(...scrolled.gaps),
      idleMeanFrameMs: mean(idle.gaps),
      idleP95FrameMs: percentile(idle.gaps, 0.95),
    };
  } finally {
    await browser.close();
    await bridge.close();
    closeAll();
  }
}
