import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/security.ts';

/**
 * One policy, written once in electron/security.ts, reaches the page as a meta tag too. Written as is
 * rather than through Vite's tag writer, which turns every ' into &#39;: browsers decode that, but
 * Electronegativity reads the attribute raw and could not judge the policy (tests/security/).
 */
function contentSecurityPolicy(): Plugin {
  if (/["&<>]/.test(META_CONTENT_SECURITY_POLICY)) throw new Error('the content security policy needs HTML escaping; write it with quotes and &, < or > escaped');
  return {
    name: 'assay-csp',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`),
  };
}

/** The renderer build, shared by `npm run web`, the browser tests and the Electron build. */
export const rendererConfig = {
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // The UI is read from the local disk (Electron) or the loopback bridge, never over a network:
    // a 600 kB chunk costs nothing to fetch. ECharts already loads in its own chunk with the first chart.
    chunkSizeWarningLimit: 700,
  },
};

export default defineConfig(rendererConfig);
