import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { defaultLibraryPath, LIBRARY_FILE_NAME, userDataDir } from '../../../../electron/services/paths';

describe('userDataDir', () => {
  it('uses the platform’s usual place for application data', () => {
    expect(userDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Copydesk');
    expect(userDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      path.join('C:\\Users\\ana\\AppData\\Roaming', 'Copydesk'),
    );
    expect(userDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Copydesk');
    expect(userDataDir({ XDG_CONFIG_HOME: '/data/config' }, 'linux', '/home/ana')).toBe('/data/config/Copydesk');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG specification requires', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: 'config' }, 'linux', '/home/ana')).toBe('/home/ana/.config/Copydesk');
  });
});

describe('defaultLibraryPath', () => {
  it('prefers $COPYDESK_LIBRARY, made absolute', () => {
    expect(defaultLibraryPath({ COPYDESK_LIBRARY: 'desk/library.sqlite3' })).toBe(path.resolve('desk/library.sqlite3'));
  });

  it('falls back to the library in the user data folder when $COPYDESK_LIBRARY is unset or blank', () => {
    const env = { XDG_CONFIG_HOME: '/data/config', COPYDESK_LIBRARY: '  ' };
    const expected = path.join(userDataDir(env), LIBRARY_FILE_NAME);
    expect(defaultLibraryPath(env)).toBe(expected);
    expect(defaultLibraryPath({ XDG_CONFIG_HOME: '/data/config' })).toBe(expected);
  });
});
