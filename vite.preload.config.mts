import { defineConfig } from 'vite';

// The preload runs sandboxed: one self-contained CommonJS file, with only `electron` external.
export default defineConfig({
  build: {
    outDir: '.vite/build',
    emptyOutDir: false,
    minify: false,
    lib: { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.js' },
    rolldownOptions: { external: ['electron'], output: { codeSplitting: false } },
  },
});
