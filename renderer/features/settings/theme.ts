import type { Preferences } from '../../../shared/preferences';

export type Theme = Preferences['theme'];

/** Remembered in the page so a reload paints in the chosen theme before preferences arrive. */
const THEME_STORAGE_KEY = 'copydesk.theme';

/** Sets the page's theme: `data-theme` on <html> picks the colours in styles.css ("system" follows the OS). */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

export function rememberTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage can be disabled; the theme then arrives with the preferences.
  }
}

export function rememberedTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}
