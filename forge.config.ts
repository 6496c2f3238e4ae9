import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** Native modules the main process loads at run time; everything else is bundled by Vite. */
const NATIVE_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

function keepInPackage(file: string): boolean {
  if (file === '' || file === '/package.json') return true;
  if (file === '/.vite' || file.startsWith('/.vite/')) return true;
  if (file === '/node_modules') return true;
  return NATIVE_MODULES.some((name) => file === `/node_modules/${name}` || file.startsWith(`/node_modules/${name}/`));
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
        { entry: 'electron/preload.ts', config: 'vite.preload.config.mts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.mts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    }),
  ],
};

export default config;
