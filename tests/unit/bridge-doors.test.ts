import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, MAX_COMMAND_BODY, TOKEN_HEADER, newToken, startBridge } from '../../electron/bridge/server';
import { foldersFromStart } from '../../electron/bridge/allowed-folders';
import { loadBundledCatalog } from '../../electron/catalog/load';
import { createAssessment } from '../../electron/store/open';
import { eventListenerCount } from '../../electron/events/hub';
import { type EventStream, openEventStream } from './event-stream';
import { tempDir, testContext } from './helpers';

const run = promisify(execFile);
let bridge: Bridge | undefined;
let stream: EventStream | undefined;
afterEach(async () => {
  stream?.close();
  await bridge?.close();
  bridge = stream = undefined;
});

function call(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolveCall, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

async function start(changePollMs = 0) {
  const dir = tempDir();
  const work = join(dir, 'work');
  mkdirSync(work);
  const token = newToken();
  bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [work], changePollMs });
  const invoke = (command: string, input: unknown, headers: Record<string, string> = {}) =>
    call(bridge!.port, { method: 'POST', path: `/api/${command}`, headers: { [TOKEN_HEADER]: token, ...headers }, body: JSON.stringify(input) });
  return { dir, work, token, port: bridge.port, invoke };
}

describe('the bridge door', () => {
  it("refuses a request whose Origin is another site's, and accepts its own page's", async () => {
    const { port, invoke } = await start();
    const foreign = await invoke('app.info', {}, { origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('https://attacker.example');
    const nullOrigin = await invoke('app.info', {}, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect((await invoke('app.info', {}, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect((await invoke('app.info', {})).status).toBe(200);
  });

  it('answers a body over the command limit with 413 naming the command', async () => {
    const { work, invoke } = await start();
    const res = await invoke('assessment.create', { file: join(work, 'x.assay'), name: 'x'.repeat(MAX_COMMAND_BODY) });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/^assessment\.create: the request is larger than 1 MiB/);
  });

  it('answers malformed addresses with 400, never 500', async () => {
    const { token, port } = await start();
    for (const path of ['/%E0%A4%A', '/api/%E0%A4%A', '/assets/%ff']) {
      const res = await call(port, { method: path.startsWith('/api/') ? 'POST' : 'GET', path, headers: { [TOKEN_HEADER]: token } });
      expect(res.status, path).toBe(400);
    }
  });

  it('confines file paths to the allowed folders, symlinks resolved, naming the path and how to allow it', async () => {
    const { dir, work, invoke } = await start();
    const inside = await invoke('assessment.create', { file: join(work, 'a.assay'), name: 'Inside' });
    expect(inside.status).toBe(200);

    const outside = join(dir, 'elsewhere.assay');
    const refused = await invoke('assessment.create', { file: outside, name: 'Outside' });
    expect(refused.status).toBe(403);
    const message = JSON.parse(refused.body).error.message as string;
    expect(message).toContain(outside);
    expect(message).toContain('npm run web -- --allow');

    // A link inside the allowed folder that points out of it is judged by where it points.
    symlinkSync(dir, join(work, 'escape'));
    const viaLink = await invoke('controls.list', { file: join(work, 'escape', 'elsewhere.assay') });
    expect(viaLink.status).toBe(403);
    const traversal = await invoke('controls.list', { file: `${work}/../elsewhere.assay` });
    expect(traversal.status).toBe(403);

    const source = await invoke('catalog.importFramework', { file: join(work, 'a.assay'), source: '/etc/passwd' });
    expect(source.status).toBe(403);
    expect(JSON.parse(source.body).error.message).toContain('/etc/passwd');
  });

  it('judges the path the handler will use, so whitespace that validation trims cannot smuggle one in', async () => {
    const dir = tempDir();
    const outside = join(dir, 'outside.assay');
    createAssessment(outside, { name: 'Outside', catalog: loadBundledCatalog(), actor: 't' }).close();
    const token = newToken();
    // Allowing the working folder makes a raw "  /abs/path" look like a relative path inside it.
    bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [process.cwd()], changePollMs: 0 });
    const res = await call(bridge.port, {
      method: 'POST',
      path: '/api/controls.list',
      headers: { [TOKEN_HEADER]: token },
      body: JSON.stringify({ file: `  ${outside}` }),
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.message).toContain(`${outside} is outside the folders`);
  });

  it('reads the allowed folders from --allow and ASSAY_ALLOWED_FOLDERS', () => {
    expect(foldersFromStart(['--allow', 'a', '--allow=b'], { ASSAY_ALLOWED_FOLDERS: '/c:/d' })).toEqual([resolve('a'), resolve('b'), '/c', '/d']);
  });

  it('serves events only with the token, and lets go of a closed stream', async () => {
    const { port, token } = await start();
    const refused = await openEventStream(port, undefined);
    expect(refused.status).toBe(401);
    refused.close();
    const before = eventListenerCount();
    const open = await openEventStream(port, token);
    expect(open.status).toBe(200);
    await expect.poll(() => eventListenerCount()).toBe(before + 1);
    open.close();
    await expect.poll(() => eventListenerCount()).toBe(before);
  });

  it('tells the page when another process changed an open file, and then shows the new state', async () => {
    const { work, token, port, invoke } = await start(100);
    const file = join(work, 'shared.assay');
    expect((await invoke('assessment.create', { file, name: 'Shared' })).status).toBe(200);
    const before = JSON.parse((await invoke('controls.list', { file })).body).value.controls as { id: string; state: string }[];
    const target = before[0]!;
    expect(target.state).toBe('not_started');
    stream = await openEventStream(port, token);
    expect(stream.status).toBe(200);

    // A second process: the real command line, changing the file the bridge holds open.
    await run(process.execPath, [resolve('electron/cli/assay.mjs'), 'set-state', file, target.id, 'implemented'], {
      env: { ...process.env, ASSAY_ACTOR: 'other-process' },
    });
    const event = await stream.next((e) => e.type === 'assessment.changed');
    expect(event).toEqual({ type: 'assessment.changed', file });
    const after = JSON.parse((await invoke('controls.list', { file })).body).value.controls as { id: string; state: string }[];
    expect(after.find((c) => c.id === target.id)?.state).toBe('implemented');
  });

  it("does not report this process's own writes as changes made elsewhere", async () => {
    const { work, token, port, invoke } = await start(50);
    const file = join(work, 'own.assay');
    await invoke('assessment.create', { file, name: 'Own' });
    stream = await openEventStream(port, token);
    const id = (JSON.parse((await invoke('controls.list', { file })).body).value.controls as { id: string }[])[0]!.id;
    expect((await invoke('controls.setState', { file, controlId: id, state: 'in_progress' })).status).toBe(200);
    // Several poll rounds pass; then a change from another process must be the first event seen.
    await run(process.execPath, [resolve('electron/cli/assay.mjs'), 'set-state', file, id, 'implemented']);
    await stream.next((e) => e.type === 'assessment.changed');
    expect(stream.events.filter((e) => e.type === 'assessment.changed')).toHaveLength(1);
  });
});
