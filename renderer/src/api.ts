import type { AssayApi, CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import { AssayError, type Envelope, isAssayErrorShape } from '../../shared/errors';
import type { EventListener } from '../../shared/events';
import type { PreloadApi } from '../../shared/preload-api';
import { eventClient } from './event-client';

declare global {
  interface Window {
    assay?: PreloadApi;
  }
}

const TOKEN_KEY = 'assay.bridgeToken';

/** The bridge token arrives once in the address (#token=…) and is kept for reloads of this tab. */
function bridgeToken(): string {
  const match = /(?:^#|&)token=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function unwrap<T>(name: string, envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (e && e.ok === true) return e.value;
  if (e && e.ok === false && isAssayErrorShape(e.error)) throw new AssayError(e.error.code, e.error.message, e.error.issues);
  throw new AssayError('internal', `${name}: malformed answer`);
}

function ipcApi(preload: PreloadApi): AssayApi {
  return {
    async invoke(name, input) {
      const fn = preload.commands[name] as (input: unknown) => Promise<unknown>;
      return unwrap(name, await fn(input));
    },
  };
}

/** The bridge answered 401: this tab has no token, or one from an earlier run of `npm run web`. */
export class BridgeTokenError extends AssayError {}

const token = window.assay ? '' : bridgeToken();

/** True when this page was opened over the bridge without the token in its address. */
export const bridgeTokenMissing = !window.assay && token === '';

function bridgeApi(): AssayApi {
  return {
    async invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      let response: Response;
      try {
        response = await fetch(`./api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Assay-Token': token },
          body: JSON.stringify(input),
        });
      } catch (error) {
        throw new AssayError('internal', `${name}: the Assay bridge cannot be reached (${(error as Error).message}); is npm run web still running?`);
      }
      if (response.status === 401) throw new BridgeTokenError('usage', `${name}: the bridge refused this page's token`);
      return unwrap(name, await response.json().catch(() => null));
    },
  };
}

export const api: AssayApi = window.assay ? ipcApi(window.assay) : bridgeApi();

const bridgeEvents = window.assay ? null : eventClient({ url: new URL('./events', window.location.href).href, token });

/** Events from the Node side, whichever door is behind the page; returns the unsubscribe. */
export const subscribe: (listener: EventListener) => () => void = window.assay ? window.assay.onEvent : bridgeEvents!.subscribe;

/** After the bridge's stream was interrupted and came back (IPC is never interrupted). */
export const onEventsResumed: (callback: () => void) => () => void = bridgeEvents ? bridgeEvents.onResume : () => () => undefined;
export const shell: PreloadApi['shell'] | null = window.assay?.shell ?? null;

/** Streams one file to the bridge's private upload folder (the browser reads it from disk); the path is then named in evidence.add. */
export function uploadToBridge(file: File, onProgress: (sent: number) => void): Promise<{ path: string; name: string; size: number }> {
  return new Promise((resolveUpload, reject) => {
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('X-Assay-Token', token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onerror = () => reject(new AssayError('internal', `${file.name}: the upload failed; is npm run web still running?`));
    xhr.onload = () => {
      try {
        resolveUpload(unwrap('upload', JSON.parse(xhr.responseText)));
      } catch (error) {
        reject(error instanceof AssayError ? error : new AssayError('internal', `${file.name}: the upload was not accepted (HTTP ${xhr.status})`));
      }
    };
    xhr.send(file);
  });
}

/** A stored evidence file from the bridge, as a Blob the page offers to save. */
export async function downloadFromBridge(file: string, evidenceId: string, rev?: number): Promise<Blob> {
  const query = new URLSearchParams({ file, evidence: evidenceId, ...(rev !== undefined ? { rev: String(rev) } : {}) });
  const response = await fetch(`./download?${query.toString()}`, { headers: { 'X-Assay-Token': token } });
  if (!response.ok) unwrap('download', await response.json().catch(() => null));
  return response.blob();
}
