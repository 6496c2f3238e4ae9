import ElectronStore from 'electron-store';

import type { PreferencesBackend } from './PreferencesService';
import { PREFERENCES_FILE_NAME, PreferencesService, setAsideIfMalformed } from './PreferencesService';

/** Preferences in the desktop app: electron-store, in the same file browser mode and the CLI use. */
export function openElectronPreferences(dir: string): PreferencesService {
  const setAside = setAsideIfMalformed(`${dir}/${PREFERENCES_FILE_NAME}.json`);
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dir, name: PREFERENCES_FILE_NAME });
  const backend: PreferencesBackend = {
    path: store.path,
    get store() {
      return store.store;
    },
    set store(value) {
      store.store = value;
    },
  };
  return new PreferencesService(backend, setAside);
}
