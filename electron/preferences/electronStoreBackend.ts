import ElectronStore from 'electron-store';

import { PREFERENCES_FILE_NAME, PreferencesService, setAsideIfMalformed } from './PreferencesService';

/** Preferences in the desktop app: electron-store, in the same file browser mode and the CLI use. */
export function openElectronPreferences(dir: string): PreferencesService {
  const setAside = setAsideIfMalformed(`${dir}/${PREFERENCES_FILE_NAME}.json`);
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: PREFERENCES_FILE_NAME });
  // conf and electron-store both have the `path` and `store` a backend needs.
  return new PreferencesService(store, setAside);
}
