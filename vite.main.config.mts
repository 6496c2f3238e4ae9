import { defineConfig } from 'vite';

import { NODE_EXTERNALS } from './vite.node';

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
      external: NODE_EXTERNALS,
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
});
