import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The job worker is its own entry: a Worker loads it by file name beside main.js (see electron/jobs/runner.ts).
      rollupOptions: {
        input: { main: resolve('electron/main.ts'), 'jobs-worker': resolve('electron/jobs/worker.ts') },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but electron: bundle its dependencies in.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve('renderer'),
    build: { ...rendererConfig.build, outDir: resolve('out/renderer'), rollupOptions: { input: resolve('renderer/index.html') } },
  },
});
