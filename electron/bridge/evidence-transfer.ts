import { onEvent } from '../events/hub';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { EvidenceId } from '../../shared/domain/evidence/model';
import { AssayError } from '../../shared/errors';
import { formatBytes } from '../../shared/format-bytes';
import { useForReading } from '../handlers/open-files';
import { jobEnded } from '../jobs/runner';
import { blobReader } from '../store/evidence-blobs';
import { storedFile } from '../store/evidence-export';

/**
 * Files in and out of the bridge as streams. An upload goes to a private folder the bridge owns
 * (never a path the page chooses), within a size limit; the page then names that path in
 * evidence.add and the job stores it; the bridge removes the upload when the job ends. A download
 * reads a stored file chunk by chunk. Both need the bridge token in a header, like every command.
 */

export const UPLOAD_PATH = '/upload';
export const DOWNLOAD_PATH = '/download';
/** Environment override of the upload limit, in bytes. */
export const UPLOAD_LIMIT_ENV = 'ASSAY_MAX_UPLOAD_BYTES';
export const DEFAULT_UPLOAD_LIMIT = 4 * 1024 * 1024 * 1024;

type Reply = (status: number, value: unknown) => void;

/** A file name as the page sent it, reduced to one safe path component. */
export function safeUploadName(raw: string | null): string {
  // eslint-disable-next-line no-control-regex
  const name = ((raw ?? '').split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return name === '' || name === '.' || name === '..' ? 'upload' : name;
}

export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[UPLOAD_LIMIT_ENV];
  return raw && /^\d+$/.test(raw.trim()) && Number(raw) > 0 ? Number(raw) : DEFAULT_UPLOAD_LIMIT;
}

export interface Transfers {
  /** The folder uploads are kept in, until the job that adds them ends. */
  folder: string;
  upload(req: IncomingMessage, url: URL, reply: Reply): Promise<void>;
  download(res: ServerResponse, url: URL, reply: Reply, checkPath: (path: string) => string | undefined): Promise<void>;
  /** After evidence.add was accepted: its uploaded files go when its job ends. */
  forgetWhenDone(jobId: string, paths: readonly string[]): void;
  /**
   * After imports.run was accepted: the uploaded source goes once it is imported. An import stopped
   * by errors in the file keeps it, so the user can fix the column mapping and preview it again.
   */
  forgetWhenImported(jobId: string, path: string): void;
  close(): void;
}

export function evidenceTransfers(limit = uploadLimit()): Transfers {
  const folder = mkdtempSync(join(tmpdir(), 'assay-uploads-'));
  const inFolder = (path: string) => path.startsWith(folder + sep);

  return {
    folder,
    async upload(req, url, reply) {
      const name = safeUploadName(url.searchParams.get('name'));
      const declared = Number(req.headers['content-length'] ?? 0);
      const tooLarge = () => reply(413, { ok: false, error: { code: 'invalid_input', message: `${name}: is larger than the ${formatBytes(limit)} an upload may be (set ${UPLOAD_LIMIT_ENV} to allow more)` } });
      if (declared > limit) {
        req.resume();
        return tooLarge();
      }
      const dir = join(folder, randomBytes(8).toString('hex'));
      mkdirSync(dir, { mode: 0o700 });
      const path = join(dir, name);
      const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      let size = 0;
      try {
        for await (const chunk of req as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limit) throw new AssayError('invalid_input', 'too large');
          if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
        }
        await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
      } catch (error) {
        out.destroy();
        rmSync(dir, { recursive: true, force: true });
        if (size > limit) return tooLarge();
        return reply(400, { ok: false, error: { code: 'invalid_input', message: `${name}: the upload did not complete (${(error as Error).message})` } });
      }
      reply(200, { ok: true, value: { path, name, size } });
    },

    async download(res, url, reply, checkPath) {
      const file = url.searchParams.get('file') ?? '';
      const id = EvidenceId.safeParse(url.searchParams.get('evidence') ?? '');
      const rawRev = url.searchParams.get('rev');
      const rev = rawRev === null ? undefined : Number(rawRev);
      if (!file || !id.success || (rev !== undefined && !(Number.isInteger(rev) && rev >= 1)))
        return reply(400, { ok: false, error: { code: 'invalid_input', message: 'download: give file=<assessment>, evidence=<EV-001> and optionally rev=<n>' } });
      const refused = checkPath(file);
      if (refused) return reply(403, { ok: false, error: { code: 'refused', message: refused } });
      let stored;
      let reader;
      try {
        const assessment = useForReading(file);
        stored = storedFile(assessment, id.data, rev);
        reader = blobReader(assessment.db, stored.sha256);
      } catch (error) {
        const e = error instanceof AssayError ? error : new AssayError('internal', (error as Error).message);
        return reply(e.code === 'not_found' ? 404 : 422, { ok: false, error: e.toShape() });
      }
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(stored.size),
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(stored.fileName)}`,
        'X-Evidence-Sha256': stored.sha256,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      // One short query per chunk: nothing stays open on the shared connection while the client reads.
      for (let i = 0; i < reader.chunks; i++) {
        if (res.destroyed) return;
        if (!res.write(reader.read(i))) await new Promise<void>((done) => res.once('drain', () => done()));
      }
      res.end();
    },

    forgetWhenDone(jobId, paths) {
      const uploaded = paths.filter(inFolder);
      if (uploaded.length) void jobEnded(jobId).then(() => uploaded.forEach((p) => rmSync(dirname(p), { recursive: true, force: true })));
    },

    forgetWhenImported(jobId, path) {
      if (!inFolder(path)) return;
      const off = onEvent((event) => {
        if (!('jobId' in event) || event.jobId !== jobId || event.type === 'job.progress') return;
        off();
        if (event.type === 'job.finished' && event.result.kind === 'import' && event.result.value.batchId !== null) rmSync(dirname(path), { recursive: true, force: true });
      });
    },

    close() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
