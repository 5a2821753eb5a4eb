import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding } from '../../electron/native-binding';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isTrustedSender,
  permissionAllowed,
  webPreferences,
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
    expect(main).toContain('webPreferences: { ...webPreferences, preload:');
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
});
