import { createContext, useCallback, useContext, useEffect, useMemo, useState, type JSX, type ReactNode } from 'react';

import { PreferencesSchema, type Preferences, type PreferencesPatch } from '../../../shared/preferences';
import { api } from '../../api';
import { useReportError } from '../../components/Notices';
import { applyTheme, rememberedTheme, rememberTheme } from './theme';

/** The defaults, used until the stored preferences arrive. */
const DEFAULTS: Preferences = PreferencesSchema.parse({});

export type PreferencesValue = {
  preferences: Preferences;
  loaded: boolean;
  /** Saves a change; resolves with the preferences as stored, rejects with a message to show. */
  update: (patch: PreferencesPatch) => Promise<Preferences>;
};

const PreferencesContext = createContext<PreferencesValue>({
  preferences: DEFAULTS,
  loaded: false,
  update: () => Promise.reject(new Error('Preferences are not available here.')),
});

export function usePreferences(): PreferencesValue {
  return useContext(PreferencesContext);
}

/** Loads the person's preferences once, applies the theme, and reports a replaced preferences file. */
export function PreferencesProvider({ children }: { children: ReactNode }): JSX.Element {
  const report = useReportError();
  const [preferences, setPreferences] = useState<Preferences>(() => ({ ...DEFAULTS, theme: rememberedTheme() }));
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    api.invoke('preferences:get', {}).then(
      (state) => {
        if (!live) return;
        setPreferences(state.preferences);
        setLoaded(true);
        if (state.notice !== null) report(new Error(state.notice));
      },
      (error: unknown) => {
        if (!live) return;
        setLoaded(true);
        report(error);
      },
    );
    return () => {
      live = false;
    };
  }, [report]);

  useEffect(() => {
    applyTheme(preferences.theme);
    rememberTheme(preferences.theme);
  }, [preferences.theme]);

  const update = useCallback(async (patch: PreferencesPatch) => {
    const state = await api.invoke('preferences:update', patch);
    setPreferences(state.preferences);
    return state.preferences;
  }, []);

  const value = useMemo(() => ({ preferences, loaded, update }), [preferences, loaded, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}
