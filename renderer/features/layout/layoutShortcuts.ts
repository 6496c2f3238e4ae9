import { MOD_KEY, SHIFT_KEY } from '../../components/keys';
import type { Shortcut } from '../../editor/shortcuts';

/** Collapsing the library to a rail of icons and back. */
export const LIBRARY_SHORTCUT: Shortcut = { keys: [MOD_KEY, '\\'], action: 'Collapse or expand the library' };

/** Collapsing the side panels to a rail of icons and back. */
export const PANELS_SHORTCUT: Shortcut = {
  keys: [MOD_KEY, SHIFT_KEY, '\\'],
  action: 'Collapse or expand the side panels',
};

/** Moving between the parts of the window. */
export const REGION_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['F6'], action: 'Next part of the window: library, editor, side panels' },
  { keys: [SHIFT_KEY, 'F6'], action: 'Previous part of the window' },
  { keys: ['Tab'], action: 'From the top of the window: “Skip to the editor” (then Enter)' },
];
