import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Bridge, TOKEN_HEADER, newToken, startBridge } from '../../electron/bridge/server';
import { safeUploadName } from '../../electron/bridge/evidence-transfer';
import { jobEnded, stopAllJobs } from '../../electron/jobs/runner';
import { CHUNK_SIZE } from '../../electron/store/evidence-blobs';
import { tempDir, testContext } from './helpers';

let bridge: Bridge | undefined;
afterEach(async () => {
  await stopAllJobs();
  await bridge?.close();
  bridge = undefined;
  delete process.env.ASSAY_MAX_UPLOAD_BYTES;
});

async function start() {
  const dir = tempDir();
  const token = newToken();
  bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [dir], changePollMs: 0 });
  const base = `http://127.0.0.1:${bridge.port}`;
  const api = async (name: string, input: unknown) => {
    const res = await fetch(`${base}/api/${name}`, { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return (await res.json()) as { ok: boolean; value: never; error: { message: string } };
  };
  const file = join(dir, 'web.assay');
  await api('assessment.create', { file, name: 'Web' });
  return { dir, token, base, api, file };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence through the bridge', () => {
  it('streams an upload to a private folder, adds it by job, removes the upload, and streams it back', async () => {
    const { token, base, api, file } = await start();
    const bytes = randomBytes(CHUNK_SIZE * 2 + 7);
    const up = await fetch(`${base}/upload?name=${encodeURIComponent('../../audit report.pdf')}`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: bytes });
    expect(up.status).toBe(200);
    const uploaded = ((await up.json()) as { value: { path: string; name: string; size: number } }).value;
    expect(uploaded).toMatchObject({ name: 'audit report.pdf', size: bytes.length });
    expect(uploaded.path.startsWith(join(bridge!.folders.at(-1)!))).toBe(true);
    const started = await api('evidence.add', { file, paths: [uploaded.path], links: [{ kind: 'control', target: 'GOV-01' }] });
    expect(started.ok, started.error?.message).toBe(true);
    await jobEnded((started.value as { jobId: string }).jobId);
    expect(existsSync(uploaded.path)).toBe(false);
    const listed = await api('evidence.list', { file });
    expect((listed.value as { evidence: { fileName: string; sha256: string }[] }).evidence).toMatchObject([{ fileName: 'audit report.pdf', sha256: sha(bytes) }]);
    const down = await fetch(`${base}/download?file=${encodeURIComponent(file)}&evidence=EV-001`, { headers: { [TOKEN_HEADER]: token } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''audit%20report.pdf");
    expect(sha(Buffer.from(await down.arrayBuffer()))).toBe(sha(bytes));
  });

  it('refuses uploads and downloads without the token, over the limit, or outside the allowed folders', async () => {
    const { dir, token, base } = await start();
    expect((await fetch(`${base}/upload?name=a.txt`, { method: 'POST', body: 'x' })).status).toBe(401);
    expect((await fetch(`${base}/download?file=x&evidence=EV-001`)).status).toBe(401);
    expect((await fetch(`${base}/upload?name=a.txt`, { headers: { [TOKEN_HEADER]: token } })).status).toBe(405);
    process.env.ASSAY_MAX_UPLOAD_BYTES = '10';
    await bridge!.close();
    bridge = await startBridge({ token, ctx: testContext(dir), allowedFolders: [dir], changePollMs: 0 });
    const small = `http://127.0.0.1:${bridge.port}`;
    const big = await fetch(`${small}/upload?name=big.bin`, { method: 'POST', headers: { [TOKEN_HEADER]: token }, body: 'more than ten bytes' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/big\.bin: is larger than the 10 bytes an upload may be/);
    // Nothing of the refused upload is left behind.
    expect(readdirSync(bridge.folders.at(-1)!)).toEqual([]);
    const outside = await fetch(`${small}/download?file=${encodeURIComponent('/etc/passwd')}&evidence=EV-001`, { headers: { [TOKEN_HEADER]: token } });
    expect(outside.status).toBe(403);
    const addOutside = await fetch(`${small}/api/evidence.add`, { method: 'POST', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' }, body: JSON.stringify({ file: join(dir, 'web.assay'), paths: ['/etc/passwd'] }) });
    expect(addOutside.status).toBe(403);
  });

  it('reduces an uploaded file name to one safe path component', () => {
    expect(safeUploadName('../../etc/passwd')).toBe('passwd');
    expect(safeUploadName('C:\\Users\\me\\x.pdf')).toBe('x.pdf');
    expect(safeUploadName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(safeUploadName('..')).toBe('upload');
    expect(safeUploadName(null)).toBe('upload');
  });
});
