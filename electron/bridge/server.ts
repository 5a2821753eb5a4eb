import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import { dispatch } from '../dispatch';
import type { HandlerContext } from '../handlers/context';
import { CONTENT_SECURITY_POLICY } from '../security';

export const BRIDGE_HOST = '127.0.0.1';
export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-assay-token';
const MAX_BODY = 64 * 1024 * 1024;

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

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error(`request body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface BridgeOptions {
  token: string;
  ctx: HandlerContext;
  /** The built renderer (index.html and assets); without it only the API is served. */
  staticDir?: string;
  port?: number;
}

export interface Bridge {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * The loopback door: the same command table as IPC, over HTTP on 127.0.0.1. A per-run token
 * keeps other local pages out; the Host check defeats DNS rebinding.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  let port = 0;

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    if (!options.staticDir) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'no UI is served' } });
    const root = normalize(options.staticDir);
    let file = normalize(join(root, decodeURIComponent(pathname)));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden', 'text/plain');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) file = join(root, 'index.html'); // the renderer routes in the page
    const body = await readFile(file).catch(() => undefined);
    if (!body) return send(res, 404, `not found; build the UI first (vite build)`, 'text/plain');
    send(res, 200, body, contentTypes[extname(file)] ?? 'application/octet-stream');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `${BRIDGE_HOST}:${port}` && host !== `localhost:${port}`)
      return send(res, 421, 'wrong host', 'text/plain');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (!url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
      return serveStatic(res, url.pathname);
    }
    const command = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'usage', message: `${command}: commands are called with POST` } });
    const given = req.headers[TOKEN_HEADER];
    if (!sameToken(Array.isArray(given) ? given[0] : given, options.token))
      return sendJson(res, 401, { ok: false, error: { code: 'usage', message: 'missing or wrong bridge token' } });
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length ? JSON.parse(body) : {};
    } catch (error) {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_input', message: `${command}: the request body is not valid JSON (${(error as Error).message})` },
      });
    }
    const result = dispatch(command, input, options.ctx);
    sendJson(res, result.ok ? 200 : statusFor[result.error.code], result);
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
  return {
    server,
    port,
    url: `http://${BRIDGE_HOST}:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
