import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

import config from '../../forge.config';

function fuses(): Record<string, unknown> {
  const plugin = config.plugins?.find((candidate) => candidate instanceof FusesPlugin);
  if (plugin === undefined) throw new Error('forge.config.ts has no FusesPlugin.');
  return plugin.fusesConfig;
}

describe('the packaged app’s fuses', () => {
  it('turn off running as Node, NODE_OPTIONS, the inspector switches and file:// privileges', () => {
    const set = fuses();
    expect(set.version).toBe(FuseVersion.V1);
    expect(set[FuseV1Options.RunAsNode]).toBe(false);
    expect(set[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(set[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(set[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('turn on cookie encryption, the asar integrity check and loading the app only from the asar', () => {
    const set = fuses();
    expect(set[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(set[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(set[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config.packagerConfig?.asar).toBe(true);
  });

  it('leave no fuse that @electron/fuses knows undecided', () => {
    const set = fuses();
    const options = Object.values(FuseV1Options).filter((value) => typeof value === 'number');
    for (const option of options) expect(typeof set[option], FuseV1Options[option]).toBe('boolean');
  });
});
