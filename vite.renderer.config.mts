import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline React Refresh preamble, inline <style> tags for CSS and an
 * HMR websocket, all of which the page's strict policy refuses. Relax the policy for `vite
 * serve` only; built pages keep it exactly as written in index.html.
 */
function devServerPolicy(): Plugin {
  return {
    name: 'copydesk:dev-server-policy',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devServerPolicy()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // One bundle loaded from disk or 127.0.0.1: splitting it would buy nothing but requests.
    chunkSizeWarningLimit: 1024,
  },
});
