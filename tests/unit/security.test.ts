import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../electron/native-binding';
import { parse } from 'yaml';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isOwnAppRequest,
  isTrustedSender,
  permissionAllowed,
  webPreferences,
  windowPreferences,
} from '../../electron/security';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
}

describe('the Electron window security settings', () => {
  it('isolate the page from Node', () => {
    expect(webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('use a strict content security policy', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });

  it('allow navigation only to the app origin', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url'])
      expect(isAllowedNavigation(url)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5199/')).toBe(false);
  });

  it('grant no permission to page content', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(permissionAllowed(p)).toBe(false);
  });

  it('are the ones main.ts applies', () => {
    // main.ts cannot run without the Electron binary; this checks it wires the data above, not copies of it.
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toContain('webPreferences: { ...windowPreferences(app.isPackaged), preload:');
    expect(main).toContain("contents.setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(main).toMatch(/will-navigate[\s\S]*isAllowedNavigation/);
    expect(main).toMatch(/isTrustedSender\(event\.senderFrame\?\.url\)/);
    expect(main).toContain("'Content-Security-Policy': CONTENT_SECURITY_POLICY");
    expect(main).toContain('app.enableSandbox()');
  });

  it('load an Electron-ABI build of better-sqlite3, never the Node one', () => {
    expect(electronNativeBinding({ packaged: false, resourcesPath: '/r', appRoot: '/app', modulesAbi: '145' })).toBe(
      '/app/native/electron-abi145/better_sqlite3.node',
    );
    expect(electronNativeBinding({ packaged: true, resourcesPath: '/r', appRoot: '/app', modulesAbi: '145' })).toBe('/r/native/better_sqlite3.node');
  });

  it('keep DevTools closed in a packaged build', () => {
    expect(windowPreferences(true)).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true });
    expect(windowPreferences(false).devTools).toBe(true);
  });

  it('serve app:// only for its own host', () => {
    expect(isOwnAppRequest(`${APP_ORIGIN}/assets/index.js`)).toBe(true);
    for (const url of ['app://evil/index.html', 'app://assay.evil/index.html', 'app:///etc/passwd', 'http://assay/index.html'])
      expect(isOwnAppRequest(url), url).toBe(false);
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/async function serveApp\(request: Request\): Promise<Response> \{\n\s+if \(!isOwnAppRequest\(request\.url\)\) return new Response\('not found', \{ status: 404 \}\);/);
  });

  it('accept file paths from the renderer only when the user chose them, checked before any command runs', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toContain('const result = await dispatchPatiently(name, input, ctx, { checkPaths: (command, paths) => granted.problem(command, paths) });');
    expect(main.match(/dispatchPatiently\(/g)).toHaveLength(1);
    // Every dialog result is granted; nothing else adds paths but the recent list, launch file, drops and created/opened files.
    expect(main.match(/granted\.grant\(result\.filePaths?\b/g)).toHaveLength(5);
    // The evidence dialog picks several files: each one is granted.
    expect(main).toContain('result.filePaths.map((p) => granted.grant(p))');
    const preload = readFileSync('electron/preload.ts', 'utf8');
    expect(preload).toContain('webUtils.getPathForFile(file)');
  });

  it('expose events through one named function, never ipcRenderer itself', () => {
    const preload = readFileSync('electron/preload.ts', 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('assay', api)");
    expect(preload).toMatch(/onEvent: \(listener\) => \{/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/onEvent\(\(event\) => \{[^}]*mainWindow\?\.webContents\.send\(IPC_EVENT, event\);/s);
    expect(main).toContain('configureJobs({ nativeBinding })');
  });
});

describe('the packaged binary', () => {
  it("flips Electron's fuses in electron-builder.yml", () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
