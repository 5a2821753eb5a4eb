import type { JobKind } from '../../shared/jobs';
import type { JobResult } from '../../shared/events';
import type { EvidenceRequest } from '../store/evidence-intake';
import type { SignatureOptions } from '../store/verify-signoffs';

/** What the runner hands a job's worker thread. */
export interface WorkerInput {
  kind: JobKind;
  file: string;
  /** For verify: the head the caller holds from outside the file. */
  expectHead?: string;
  /** For verify: the keys the verifier trusts (fingerprint, name) and whether every sign-off must be by one. */
  signatures?: SignatureOptions;
  /** For evidence.add: the files, their details and links, and who adds them. */
  evidence?: EvidenceRequest & { actor: string };
  /** For import and import.preview: the source file, the user's choices, who imports. */
  import?: { path: string; options: unknown; actor: string };
  /** For report: the options, where to write it, whether to issue it, who generates it. */
  report?: { options: unknown; out: string; issue: boolean; actor: string };
  /** For pack (file: the assessment) and unpack (file: the package): where to write, the passphrase (held in memory only), whether to keep the pseudonymisation key. */
  package?: { out: string; passphrase: string; includeSecret: boolean };
  /** For backup: the label of the copy, and how many copies of that label to keep (older ones are removed). */
  backup?: { label: string; keep?: number };
  /** For restore: the backup to bring back, and who restores. */
  restore?: { backup: string; actor: string };
  /** A read-only descriptor of the job's assessment file, lent by the runner's thread, which closes it (files/descriptors.ts). */
  descriptor?: number;
  /** The Electron-ABI better-sqlite3 build; undefined under Node (tests, the bridge, the CLI). */
  nativeBinding?: string;
  /** One Int32 set to 1 by the runner: the worker is busy in synchronous SQLite calls and cannot read messages. */
  cancel: SharedArrayBuffer;
}

/** What a worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'finished'; result: JobResult }
  | { type: 'cancelled' }
  | { type: 'failed'; error: { code: string; message: string } }
  /** A descriptor the worker released: the runner's thread closes it when no lock can be lost by that (files/descriptors.ts). */
  | { type: 'descriptor'; fd: number };
