/**
 * The security settings of the app window and of the bridge, kept as data so a unit test can
 * check them without an Electron binary. main.ts applies exactly these.
 */

const pagePolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

/** Sent as a header by the app protocol and the bridge. */
export const CONTENT_SECURITY_POLICY = [...pagePolicy, "frame-ancestors 'none'"].join('; ');

/** Written into index.html at build time; browsers ignore frame-ancestors in a meta tag. */
export const META_CONTENT_SECURITY_POLICY = pagePolicy.join('; ');

export const webPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** What main.ts gives the window: the settings above, with DevTools only in development (never in a packaged build). */
export function windowPreferences(packaged: boolean) {
  return { ...webPreferences, devTools: !packaged };
}

/** The app's pages are served from this custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://assay`;

/** Only the app's own pages may be shown; everything else (links, redirects, drops) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** The app:// handler serves only its own host: app://assay/…, nothing else under the scheme. */
export function isOwnAppRequest(url: string): boolean {
  return isAllowedNavigation(url);
}

/** IPC is answered only for frames showing the app's own origin. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl);
}

/** No permission (camera, notifications, geolocation, ...) is ever granted to page content. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}
