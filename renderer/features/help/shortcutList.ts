import { ALT_KEY, MOD_KEY, SHIFT_KEY } from '../../components/keys';
import { FIND_BAR_SHORTCUTS, MARKDOWN_SHORTCUTS, SHORTCUTS, type Shortcut } from '../../editor/shortcuts';
import { LIBRARY_SHORTCUT, PANELS_SHORTCUT, REGION_SHORTCUTS } from '../layout/layoutShortcuts';

/** A shortcut as the Help dialog lists it: what it does and the keys, one label per key. */
export type ShortcutEntry = { label: string; keys: readonly string[] };

/** `sequence`: the keys are typed one after another rather than held together. */
export type ShortcutGroup = { name: string; shortcuts: ShortcutEntry[]; sequence?: boolean };

const fromEditor = (shortcut: Shortcut): ShortcutEntry => ({ label: shortcut.action, keys: shortcut.keys });

const ARTICLE: ShortcutEntry[] = [
  { label: 'From the headline to the dek, from the dek to the body', keys: ['Enter'] },
  { label: 'Move the focused author earlier or later in the byline', keys: [ALT_KEY, '← / →'] },
  { label: 'Remove the focused author from the byline', keys: ['Delete'] },
  { label: 'Add the tag typed so far', keys: ['Enter'] },
  { label: 'Save an author or a new author', keys: [MOD_KEY, 'Enter'] },
  { label: 'Mark the selected words as a claim to check', keys: [MOD_KEY, SHIFT_KEY, 'M'] },
];

const LIBRARY_LIST: ShortcutEntry[] = [
  { label: 'Previous or next article (the list is one Tab stop)', keys: ['↑ / ↓'] },
  { label: 'First or last article', keys: ['Home / End'] },
  { label: 'Eight articles up or down', keys: ['Page Up / Page Down'] },
  { label: 'Open the article', keys: ['Enter'] },
];

const WINDOW: ShortcutEntry[] = [
  ...REGION_SHORTCUTS.map(fromEditor),
  fromEditor(LIBRARY_SHORTCUT),
  fromEditor(PANELS_SHORTCUT),
  { label: 'Keyboard shortcuts', keys: ['?'] },
  { label: 'Keyboard shortcuts, from anywhere', keys: ['F1'] },
  { label: 'Libraries: open, create, switch, restore a backup', keys: [MOD_KEY, SHIFT_KEY, 'L'] },
  { label: 'Clear the library search', keys: ['Esc'] },
  { label: 'Close a dialog or popover', keys: ['Esc'] },
];

/** The shortcuts of the editor (as the editor defines them), the article header and the window. */
export function shortcutGroups(): ShortcutGroup[] {
  return [
    { name: 'Editing the body', shortcuts: SHORTCUTS.map(fromEditor) },
    { name: 'Typing Markdown in the body', shortcuts: MARKDOWN_SHORTCUTS.map(fromEditor), sequence: true },
    { name: 'Finding and replacing in the body', shortcuts: FIND_BAR_SHORTCUTS.map(fromEditor) },
    { name: 'The article header', shortcuts: ARTICLE },
    { name: 'The library list', shortcuts: LIBRARY_LIST },
    { name: 'The window', shortcuts: WINDOW },
  ];
}
