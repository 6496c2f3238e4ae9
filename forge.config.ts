import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import fs from 'node:fs';
import path from 'node:path';

import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Packages the main process loads from node_modules at run time: the native SQLite binding,
 * jsdom, which reads its own files from disk, and pdfjs-dist, which loads its worker module at run
 * time: none can be bundled. Everything else is bundled.
 */
const RUNTIME_ROOTS = ['better-sqlite3', 'jsdom', 'pdfjs-dist'];

/** The runtime packages and everything they depend on, as installed in node_modules. */
function dependencyClosure(roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const manifest = path.join(__dirname, 'node_modules', name, 'package.json');
    if (!fs.existsSync(manifest)) return;
    seen.add(name);
    const { dependencies = {} } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    Object.keys(dependencies).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const RUNTIME_MODULES = [...dependencyClosure(RUNTIME_ROOTS)];

function keepInPackage(file: string): boolean {
  if (file === '' || file === '/package.json') return true;
  if (file === '/.vite' || file.startsWith('/.vite/')) return true;
  if (file === '/node_modules') return true;
  return RUNTIME_MODULES.some((name) => file === `/node_modules/${name}` || file.startsWith(`/node_modules/${name}/`));
}

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Copydesk',
    executableName: 'copydesk',
    asar: true,
    ignore: (file) => !keepInPackage(file),
  },
  rebuildConfig: { onlyModules: ['better-sqlite3'] },
  makers: [new MakerZIP({}, ['darwin', 'linux', 'win32']), new MakerDeb({ options: { productName: 'Copydesk' } })],
  plugins: [
    new AutoUnpackNativesPlugin({}),
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.mts', target: 'main' },
        // The library's process and its worker threads (entries of their own, named in the config).
        { entry: 'electron/library/libraryProcess.ts', config: 'vite.library.config.mts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.mts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mts' }],
    }),
    // Flipped in the packaged binary, so no environment variable or command-line switch can turn
    // the app into a plain Node.js or a debuggable one, and only the signed-off app.asar is run.
    // Every fuse @electron/fuses knows is decided here (tests/unit/forgeConfig.test.ts checks it).
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
