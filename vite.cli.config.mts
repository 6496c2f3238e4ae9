import { defineConfig } from 'vite';

import { NODE_EXTERNALS } from './vite.node';

// The `copydesk` command, built like the main process: one small entry that parses the command
// line, and a chunk per command loaded only when that command runs. Native and self-loading
// packages stay in node_modules; vite is only there to build the interface for `serve`.
export default defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    target: 'node20',
    reportCompressedSize: false,
    // The worker threads' module and the library's (browser mode runs it in a thread) are
    // entries of their own, started by file (see startWorker.ts).
    lib: {
      entry: {
        main: 'electron/cli/main.ts',
        taskWorker: 'electron/workers/taskWorker.ts',
        libraryProcess: 'electron/library/libraryProcess.ts',
      },
      formats: ['cjs'],
      fileName: (_format, name) => `${name}.cjs`,
    },
    rolldownOptions: {
      external: ['vite', ...NODE_EXTERNALS],
      output: { chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  resolve: { conditions: ['node'], mainFields: ['module', 'jsnext:main', 'jsnext'] },
});
