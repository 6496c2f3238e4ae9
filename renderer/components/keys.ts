/** Shortcut labels as this platform writes them (⌘ on Apple keyboards, Ctrl elsewhere). */
export const IS_APPLE = /Mac|iPhone|iPad/.test(navigator.userAgent);
export const MOD_KEY = IS_APPLE ? '⌘' : 'Ctrl';
export const ALT_KEY = IS_APPLE ? '⌥' : 'Alt';
export const SHIFT_KEY = IS_APPLE ? '⇧' : 'Shift';
/** The modifier's name in aria-keyshortcuts. */
export const ARIA_MOD = IS_APPLE ? 'Meta' : 'Control';
