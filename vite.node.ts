import { builtinModules } from 'node:module';

/**
 * What the Node bundles (the main process, the `copydesk` command) leave to node_modules: Electron
 * itself, the native SQLite binding, jsdom (it reads its own files from disk), pdfjs-dist (it
 * loads its worker module at run time) and Node's built-in modules. Everything else is bundled.
 */
export const NODE_EXTERNALS: (string | RegExp)[] = [
  'electron',
  'better-sqlite3',
  'jsdom',
  'pdfjs-dist',
  /^pdfjs-dist\//,
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];
