import { builtinModules } from 'node:module';

import { defineConfig } from 'vite';

// The main process bundle. Forge's Vite plugin adds its own defaults on top when it builds;
// these settings also let `npm run build:desktop` build the same bundle without Forge.
export default defineConfig({
  define: {
    MAIN_WINDOW_VITE_NAME: JSON.stringify('main_window'),
  },
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: 'electron/main.ts', formats: ['cjs'], fileName: () => 'main.js' },
    rolldownOptions: {
      external: [
        'electron',
        'better-sqlite3',
        'jsdom',
        'pdfjs-dist',
        ...builtinModules,
        ...builtinModules.map((m) => `node:${m}`),
      ],
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
});
