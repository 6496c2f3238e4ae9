import { ALT_KEY, IS_APPLE, MOD_KEY, SHIFT_KEY } from '../components/keys';

/** A keyboard shortcut as Help lists it: the keys to hold, in order, and what they do. */
export type Shortcut = { keys: readonly string[]; action: string };

/**
 * Every shortcut of the article editor, with keys named as this platform writes them (⌘ on
 * Apple keyboards, Ctrl elsewhere). The toolbar's tooltips read theirs from here.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [MOD_KEY, 'B'], action: 'Bold' },
  { keys: [MOD_KEY, 'I'], action: 'Italic' },
  { keys: [MOD_KEY, 'U'], action: 'Underline' },
  { keys: [MOD_KEY, SHIFT_KEY, 'X'], action: 'Strikethrough' },
  { keys: [MOD_KEY, 'K'], action: 'Link' },
  { keys: [MOD_KEY, ALT_KEY, '0'], action: 'Paragraph' },
  { keys: [MOD_KEY, ALT_KEY, '2'], action: 'Heading 2' },
  { keys: [MOD_KEY, ALT_KEY, '3'], action: 'Heading 3' },
  { keys: [MOD_KEY, SHIFT_KEY, '8'], action: 'Bulleted list' },
  { keys: [MOD_KEY, SHIFT_KEY, '7'], action: 'Numbered list' },
  { keys: [MOD_KEY, SHIFT_KEY, '9'], action: 'Quote' },
  // As in Word (⌃⇧ on a Mac); while suggesting, the move is suggested.
  { keys: [IS_APPLE ? '⌃' : ALT_KEY, SHIFT_KEY, '↑'], action: 'Move paragraph up' },
  { keys: [IS_APPLE ? '⌃' : ALT_KEY, SHIFT_KEY, '↓'], action: 'Move paragraph down' },
  { keys: [MOD_KEY, 'Z'], action: 'Undo' },
  { keys: [MOD_KEY, SHIFT_KEY, 'Z'], action: 'Redo' },
  ...(IS_APPLE ? [] : [{ keys: [MOD_KEY, 'Y'], action: 'Redo' }]),
  { keys: [MOD_KEY, 'S'], action: 'Save now' },
  // As Word's Track Changes: typing suggests words, deleting suggests removals.
  { keys: [MOD_KEY, SHIFT_KEY, 'E'], action: 'Suggesting' },
  // As in Word and Google Docs.
  { keys: [MOD_KEY, ALT_KEY, 'M'], action: 'Comment' },
  { keys: [MOD_KEY, 'F'], action: 'Find in the story' },
  // ⌘H hides the application on a Mac: find and replace is ⌘⌥F there, as in most Mac editors.
  { keys: IS_APPLE ? [MOD_KEY, ALT_KEY, 'F'] : [MOD_KEY, 'H'], action: 'Find and replace' },
  // The menu key does the same (SpellingPlugin), as a right-click on the word does.
  { keys: [SHIFT_KEY, 'F10'], action: 'Spelling suggestions for the underlined word at the caret' },
  { keys: ['F7'], action: 'Next misspelled word, with its suggestions' },
];

/** Keys of the find bar (FindReplacePlugin), in its fields. */
export const FIND_BAR_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Enter'], action: 'Next match (in the Find field)' },
  { keys: [SHIFT_KEY, 'Enter'], action: 'Previous match' },
  { keys: ['Enter'], action: 'Replace the current match (in the Replace field)' },
  { keys: [MOD_KEY, ALT_KEY, 'Enter'], action: 'Replace all (in the Replace field)' },
  { keys: ['Esc'], action: 'Close the find bar and go back to the text' },
];

/** Markdown typed at the start of a line or around a word, turned into formatting as you type. */
export const MARKDOWN_SHORTCUTS: readonly Shortcut[] = [
  { keys: ['#', 'Space'], action: 'Heading 2 (## too; ### for Heading 3)' },
  { keys: ['>', 'Space'], action: 'Quote' },
  { keys: ['-', 'Space'], action: 'Bulleted list' },
  { keys: ['1.', 'Space'], action: 'Numbered list' },
  { keys: ['---'], action: 'Horizontal rule' },
  { keys: ['**text**'], action: 'Bold' },
  { keys: ['*text*'], action: 'Italic' },
  { keys: ['~~text~~'], action: 'Strikethrough' },
  { keys: ['[text](https://…)'], action: 'Link' },
];

/** Ctrl+Shift+E (⌘⇧E): suggesting mode on or off. */
export function isSuggestingShortcut(event: KeyboardEvent): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  return mod && event.shiftKey && !event.altKey && event.code === 'KeyE';
}

const ARIA_NAMES: Record<string, string> = {
  '⌘': 'Meta',
  '⌥': 'Alt',
  '⇧': 'Shift',
  '⌃': 'Control',
  Ctrl: 'Control',
  '↑': 'ArrowUp',
  '↓': 'ArrowDown',
};

/** The first shortcut for an action, or undefined. */
export function shortcutFor(action: string): Shortcut | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.action === action);
}

/** "Ctrl+Shift+X", or "⌘⇧X" on Apple keyboards: for tooltips. */
export function shortcutLabel(shortcut: Shortcut): string {
  return shortcut.keys.join(IS_APPLE ? '' : '+');
}

/** The value of aria-keyshortcuts: "Control+Shift+X". */
export function ariaKeyShortcuts(shortcut: Shortcut): string {
  return shortcut.keys.map((key) => ARIA_NAMES[key] ?? key).join('+');
}
