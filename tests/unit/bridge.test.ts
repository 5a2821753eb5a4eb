import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, TOKEN_HEADER, newToken, startBridge } from '../../electron/bridge/server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { tempDir, testContext } from './helpers';

let bridge: Bridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

/** A raw HTTP call, so the Host header can be set as an attacker's page would. */
function call(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolveCall, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function start() {
  const dir = tempDir();
  const staticDir = join(dir, 'ui');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const token = newToken();
  bridge = await startBridge({ token, staticDir, ctx: testContext(dir), allowedFolders: [dir] });
  return { dir, token, port: bridge.port };
}

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only', async () => {
    await start();
    expect(bridge!.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('runs commands for a caller with the token', async () => {
    const { dir, token, port } = await start();
    const file = join(dir, 'b.assay');
    const res = await call(port, {
      method: 'POST',
      path: '/api/assessment.create',
      headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
      body: JSON.stringify({ file, name: 'Bridge' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Bridge', file } });
  });

  it('refuses a caller without the right token', async () => {
    const { port } = await start();
    const none = await call(port, { method: 'POST', path: '/api/app.info' });
    expect(none.status).toBe(401);
    const wrong = await call(port, { method: 'POST', path: '/api/app.info', headers: { [TOKEN_HEADER]: 'f'.repeat(64) } });
    expect(wrong.status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { token, port } = await start();
    const res = await call(port, { method: 'POST', path: '/api/app.info', headers: { host: `attacker.example:${port}`, [TOKEN_HEADER]: token } });
    expect(res.status).toBe(421);
  });

  it('answers invalid input with 400 and the field, unknown commands with 404', async () => {
    const { token, port } = await start();
    const bad = await call(port, { method: 'POST', path: '/api/controls.list', headers: { [TOKEN_HEADER]: token }, body: '{"file": 3}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.issues[0].path).toBe('file');
    const garbled = await call(port, { method: 'POST', path: '/api/controls.list', headers: { [TOKEN_HEADER]: token }, body: '{' });
    expect(garbled.status).toBe(400);
    expect(JSON.parse(garbled.body).error.message).toMatch(/controls.list: the request body is not valid JSON/);
    const unknown = await call(port, { method: 'POST', path: '/api/fs.read', headers: { [TOKEN_HEADER]: token } });
    expect(unknown.status).toBe(404);
  });

  it('serves the UI with the content security policy and never files outside it', async () => {
    const { port } = await start();
    const index = await call(port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await call(port, { path: '/../secret.txt' });
    expect(escape.body).not.toContain('secret');
    const encoded = await call(port, { path: '/%2e%2e/secret.txt' });
    expect(encoded.body).not.toContain('secret');
  });
});
