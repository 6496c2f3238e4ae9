// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import {
  ariaKeyShortcuts,
  MARKDOWN_SHORTCUTS,
  shortcutFor,
  shortcutLabel,
  SHORTCUTS,
} from '../../../../renderer/editor/shortcuts';

describe('the editor shortcut list', () => {
  it('names the keys for each action of the issue, Ctrl on a non-Apple keyboard', () => {
    const listed = SHORTCUTS.map((shortcut) => `${shortcut.action}: ${shortcut.keys.join('+')}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'Bold: Ctrl+B',
        'Italic: Ctrl+I',
        'Underline: Ctrl+U',
        'Strikethrough: Ctrl+Shift+X',
        'Link: Ctrl+K',
        'Undo: Ctrl+Z',
        'Redo: Ctrl+Shift+Z',
        'Redo: Ctrl+Y',
        'Save now: Ctrl+S',
        'Find in the story: Ctrl+F',
        'Find and replace: Ctrl+H',
        'Spelling suggestions for the underlined word at the caret: Shift+F10',
        'Next misspelled word, with its suggestions: F7',
      ]),
    );
  });

  it('gives tooltips and aria-keyshortcuts from the same entries', () => {
    const strike = shortcutFor('Strikethrough');
    expect(strike && shortcutLabel(strike)).toBe('Ctrl+Shift+X');
    expect(strike && ariaKeyShortcuts(strike)).toBe('Control+Shift+X');
    expect(shortcutFor('Nothing')).toBeUndefined();
  });

  it('lists each action once per key combination, and the markdown shortcuts', () => {
    const combos = SHORTCUTS.map((shortcut) => shortcut.keys.join('+'));
    expect(new Set(combos).size).toBe(combos.length);
    expect(MARKDOWN_SHORTCUTS.map((shortcut) => shortcut.action)).toEqual(
      expect.arrayContaining(['Bold', 'Italic', 'Strikethrough', 'Link', 'Horizontal rule', 'Quote']),
    );
  });
});
