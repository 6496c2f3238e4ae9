import Conf from 'conf';

import { PREFERENCES_FILE_NAME, PreferencesService, setAsideIfMalformed } from './PreferencesService';

/**
 * Preferences for browser mode and the CLI, through `conf`, the store electron-store is built
 * on: the same file in the same folder as the desktop app's.
 */
export function openPreferences(dir: string): PreferencesService {
  const file = `${dir}/${PREFERENCES_FILE_NAME}.json`;
  const setAside = setAsideIfMalformed(file);
  const conf = new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: PREFERENCES_FILE_NAME,
    projectName: 'copydesk',
  });
  // conf and electron-store both have the `path` and `store` a backend needs.
  return new PreferencesService(conf, setAside);
}
