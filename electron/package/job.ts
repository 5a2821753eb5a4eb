import { AssayError } from '../../shared/errors';
import type { JobResult } from '../../shared/events';
import type { WorkerInput } from '../jobs/protocol';
import { setBusyTimeout } from '../store/sqlite';
import { packAssessment, unpackPackage } from './pack';

/** The pack and unpack jobs, on a worker thread: progress per chunk, the shared cancel flag polled between chunks. */
export function packageJob(
  input: Pick<WorkerInput, 'kind' | 'file' | 'package'>,
  hooks: { onProgress: (p: { phase: string; done: number; total: number }) => void; isCancelled: () => boolean },
): JobResult {
  const request = input.package;
  if (!request) throw new AssayError('usage', `${input.kind}: the job was started without a target file`);
  setBusyTimeout(10_000);
  const { isCancelled } = hooks;
  if (input.kind === 'pack') {
    const onProgress = (done: number, total: number) => hooks.onProgress({ phase: done === 0 ? 'taking a snapshot of the assessment' : 'encrypting', done, total });
    const value = packAssessment(input.file, request.out, { passphrase: request.passphrase, includeSecret: request.includeSecret, onProgress, isCancelled });
    return { kind: 'pack', value };
  }
  const onProgress = (done: number, total: number) => hooks.onProgress({ phase: 'decrypting and checking', done, total });
  return { kind: 'unpack', value: unpackPackage(input.file, request.out, { passphrase: request.passphrase, onProgress, isCancelled }) };
}
