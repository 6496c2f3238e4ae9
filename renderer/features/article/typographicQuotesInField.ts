import type { KeyboardEvent } from 'react';

import { apostropheBeforeDigit, typographicQuote } from '../../../shared/typographicQuotes';

type TextField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Replaces the field's selection with `text` as typing does, so that the field's own undo
 * (Ctrl+Z) takes it back; a value set by script would empty that history instead.
 */
function typeInField(field: TextField, text: string): void {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to edit a text field that its undo history keeps
  if (document.execCommand('insertText', false, text)) return;
  const start = field.selectionStart ?? field.value.length;
  field.setRangeText(text, start, field.selectionEnd ?? start, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Straight quotes typed in a text field (the headline, the dek) become typographic ones, as in
 * the body: the straight quote goes in as typed, then the curly one replaces it as an edit of
 * its own, so that Ctrl+Z right after gives the straight quote back. An opening single quote
 * followed by a digit becomes an apostrophe ("’90s"). Call it from the field's keydown.
 */
export function curlTypedQuote(event: KeyboardEvent<TextField>): void {
  if (event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
  const field = event.currentTarget;
  const start = field.selectionStart;
  if (start === null) return;
  const before = field.value.slice(0, start);
  if (event.key === '"' || event.key === "'") {
    event.preventDefault();
    const curly = typographicQuote(event.key, before);
    typeInField(field, event.key);
    field.setSelectionRange(start, start + 1);
    typeInField(field, curly);
    // Undone, the curling leaves the straight quote selected, where the next key would replace
    // it: the caret goes after it, as after typing it.
    field.addEventListener(
      'input',
      (input) => {
        if (input instanceof InputEvent && input.inputType === 'historyUndo' && field.selectionStart === start) {
          field.setSelectionRange(start + 1, start + 1);
        }
      },
      { once: true },
    );
    return;
  }
  if (/^\d$/u.test(event.key) && start === field.selectionEnd && apostropheBeforeDigit(before)) {
    field.setSelectionRange(start - 1, start);
    typeInField(field, '\u2019');
  }
}
