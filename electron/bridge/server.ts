import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import { formatEvent } from '../../shared/event-stream';
import { dispatchPatiently } from '../dispatch';
import { startChangeWatcher } from '../events/change-watcher';
import { startBackupSchedule } from '../backups/scheduler';
import { onEvent } from '../events/hub';
import type { HandlerContext } from '../handlers/context';
import { CONTENT_SECURITY_POLICY } from '../security';
import { type FolderGuard, folderGuard } from './allowed-folders';
import { DOWNLOAD_PATH, UPLOAD_PATH, evidenceTransfers } from './evidence-transfer';

export const BRIDGE_HOST = '127.0.0.1';
export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-assay-token';
export const EVENTS_PATH = '/events';
/** Commands carry small JSON; files travel by path, or as streams through /upload and /download (evidence-transfer.ts). */
export const MAX_COMMAND_BODY = 1024 * 1024;
/** A comment line keeps idle event streams from being cut by anything that times out quiet sockets. */
const HEARTBEAT_MS = 15_000;

const statusFor: Record<ErrorCode, number> = {
  usage: 404,
  invalid_input: 400,
  not_found: 404,
  refused: 422,
  conflict: 409,
  integrity: 422,
  internal: 500,
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_COMMAND_BODY) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_COMMAND_BODY) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodePath(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export interface BridgeOptions {
  token: string;
  ctx: HandlerContext;
  /** The built renderer (index.html and assets); without it only the API is served. */
  staticDir?: string;
  port?: number;
  /** The only folders whose files commands may name (see allowed-folders.ts); required so no bridge runs unconfined. */
  allowedFolders: string[];
  /** How often open files are checked for changes made by another process; 0 turns the watcher off. */
  changePollMs?: number;
}

export interface Bridge {
  server: Server;
  port: number;
  url: string;
  /** The allowed folders, resolved to real paths. */
  folders: string[];
  close(): Promise<void>;
}

/**
 * The loopback door: the same command table as IPC, over HTTP on 127.0.0.1. A per-run token
 * keeps other local pages out; the Host check defeats DNS rebinding.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  let port = 0;
  const transfers = evidenceTransfers();
  // Uploaded files may be named in commands too: they sit in the bridge's own private folder.
  const guard: FolderGuard = folderGuard([...options.allowedFolders, transfers.folder]);
  const streams = new Set<ServerResponse>();

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const decoded = decodePath(pathname);
    if (decoded === undefined) return send(res, 400, `bad request: the address ${pathname} is not valid percent-encoding`, 'text/plain; charset=utf-8');
    if (!options.staticDir) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'no UI is served' } });
    const root = normalize(options.staticDir);
    let file = normalize(join(root, decoded));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden', 'text/plain');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) file = join(root, 'index.html'); // the renderer routes in the page
    const body = await readFile(file).catch(() => undefined);
    if (!body) return send(res, 404, `not found; build the UI first (vite build)`, 'text/plain');
    send(res, 200, body, contentTypes[extname(file)] ?? 'application/octet-stream');
  }

  function hasToken(req: IncomingMessage): boolean {
    const given = req.headers[TOKEN_HEADER];
    return sameToken(Array.isArray(given) ? given[0] : given, options.token);
  }

  /** Events as a text/event-stream, read by the page with fetch() so the token travels in a header, never in a URL. */
  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    res.write(': assay events\n\n');
    streams.add(res);
    const unsubscribe = onEvent((event) => res.write(formatEvent(event)));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `${BRIDGE_HOST}:${port}` && host !== `localhost:${port}`)
      return send(res, 421, 'wrong host', 'text/plain');
    // Browsers send Origin on cross-origin requests: another site's page is refused before anything runs.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      return sendJson(res, 403, { ok: false, error: { code: 'usage', message: `${req.url ?? '/'}: requests from ${origin} are refused; only the Assay page may call this bridge` } });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return send(res, 400, 'bad request: malformed address', 'text/plain; charset=utf-8');
    }
    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'usage', message: 'events are read with GET' } });
      if (!hasToken(req)) return sendJson(res, 401, { ok: false, error: { code: 'usage', message: 'missing or wrong bridge token' } });
      return serveEvents(req, res);
    }
    if (url.pathname === UPLOAD_PATH || url.pathname === DOWNLOAD_PATH) {
      const upload = url.pathname === UPLOAD_PATH;
      if (req.method !== (upload ? 'POST' : 'GET'))
        return sendJson(res, 405, { ok: false, error: { code: 'usage', message: upload ? 'files are uploaded with POST' : 'files are downloaded with GET' } });
      if (!hasToken(req)) return sendJson(res, 401, { ok: false, error: { code: 'usage', message: 'missing or wrong bridge token' } });
      const reply = (status: number, value: unknown) => sendJson(res, status, value);
      if (upload) return transfers.upload(req, url, reply);
      return transfers.download(res, url, reply, (path) => guard.problem('download', path));
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
      return serveStatic(res, url.pathname);
    }
    const command = decodePath(url.pathname.slice(API_PREFIX.length));
    if (command === undefined)
      return sendJson(res, 400, { ok: false, error: { code: 'usage', message: `the command name in ${url.pathname} is not valid percent-encoding` } });
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'usage', message: `${command}: commands are called with POST` } });
    if (!hasToken(req)) return sendJson(res, 401, { ok: false, error: { code: 'usage', message: 'missing or wrong bridge token' } });
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        res.setHeader('Connection', 'close');
        return sendJson(res, 413, {
          ok: false,
          error: {
            code: 'invalid_input',
            message: `${command}: the request is larger than ${MAX_COMMAND_BODY / 1024 / 1024} MiB; commands take small JSON and name files by path`,
          },
        });
      }
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: `${command}: the request body is not valid JSON (${(error as Error).message})` },
      });
    }
    let outsideFolders = false;
    const result = await dispatchPatiently(command, input, options.ctx, {
      checkPaths: (name, paths) => {
        const problem = paths.map((path) => guard.problem(name, path)).find(Boolean);
        outsideFolders = problem !== undefined;
        return problem;
      },
    });
    if (result.ok && command === 'imports.run') transfers.forgetWhenImported((result.value as { jobId: string }).jobId, resolve((input as { source: string }).source));
    if (result.ok && command === 'evidence.add') transfers.forgetWhenDone((result.value as { jobId: string }).jobId, (input as { paths: string[] }).paths.map((p) => resolve(p)));
    sendJson(res, result.ok ? 200 : outsideFolders ? 403 : statusFor[result.error.code], result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: (error as Error).message } });
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BRIDGE_HOST, () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const watcher = options.changePollMs === 0 ? undefined : startChangeWatcher({ intervalMs: options.changePollMs });
  const backups = startBackupSchedule(options.ctx.home);
  return {
    server,
    port,
    url: `http://${BRIDGE_HOST}:${port}/`,
    folders: guard.folders,
    close: () =>
      new Promise<void>((done) => {
        watcher?.stop();
        backups.stop();
        transfers.close();
        for (const stream of streams) stream.end();
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
