import { defineConfig } from 'vite';

import { NODE_EXTERNALS } from './vite.node';

// The library's process (an Electron utility process) and the worker threads it starts: built
// beside main.js, each an entry of its own, as startLibraryProcess.ts and startWorker.ts load them.
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        libraryProcess: 'electron/library/libraryProcess.ts',
        taskWorker: 'electron/workers/taskWorker.ts',
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: NODE_EXTERNALS,
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
});
