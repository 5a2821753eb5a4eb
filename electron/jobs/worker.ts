/**
 * A job's worker thread: its own SQLite connection, its own event loop, so the thread that
 * answers commands never waits for it. Loaded through worker-boot.mjs from the sources and as
 * out/main/jobs-worker.js in the built app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AssayError } from '../../shared/errors';
import { useNativeBinding } from '../store/sqlite';
import { verifyFile } from '../store/verify';
import type { WorkerInput, WorkerMessage } from './protocol';

/** Progress is posted at most this often (plus the first and last step), so a fast loop cannot flood the UI. */
const PROGRESS_INTERVAL_MS = 100;

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('electron/jobs/worker.ts runs only as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

useNativeBinding(input.nativeBinding);
const cancelFlag = new Int32Array(input.cancel);
const isCancelled = () => Atomics.load(cancelFlag, 0) === 1;

let lastPost = 0;
function onProgress(progress: { phase: string; done: number; total: number }): void {
  const now = Date.now();
  if (progress.done !== 0 && progress.done < progress.total && now - lastPost < PROGRESS_INTERVAL_MS) return;
  lastPost = now;
  post({ type: 'progress', phase: progress.phase, done: progress.done, total: progress.total });
}

try {
  if (input.kind !== 'verify') throw new AssayError('usage', `unknown job kind ${JSON.stringify(input.kind)}`);
  const value = verifyFile(input.file, { onProgress, isCancelled, expectHead: input.expectHead });
  post(isCancelled() ? { type: 'cancelled' } : { type: 'finished', result: { kind: 'verify', value } });
} catch (error) {
  if (isCancelled()) post({ type: 'cancelled' });
  else {
    const code = error instanceof AssayError ? error.code : 'internal';
    post({ type: 'failed', error: { code, message: error instanceof Error ? error.message : String(error) } });
  }
}
