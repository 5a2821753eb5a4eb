import type { AssayApi, CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import { AssayError, type Envelope, isAssayErrorShape } from '../../shared/errors';
import type { PreloadApi } from '../../shared/preload-api';

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

function bridgeApi(): AssayApi {
  const token = bridgeToken();
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
      return unwrap(name, await response.json().catch(() => null));
    },
  };
}

export const api: AssayApi = window.assay ? ipcApi(window.assay) : bridgeApi();
export const shell: PreloadApi['shell'] | null = window.assay?.shell ?? null;
