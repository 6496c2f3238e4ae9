import { useLayoutEffect, useRef, type RefObject } from 'react';

type Caret = { value: string; start: number; end: number };

/** Where `position` in `before` is in `after`, when `after` differs from it at one place. */
export function caretAfter(before: string, after: string, position: number): number {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix += 1;
  }
  if (position <= prefix) return position;
  if (position >= before.length - suffix) return position + after.length - before.length;
  return after.length - suffix;
}

/**
 * Keeps the caret where the person left it in a text box whose value changes under them (someone
 * else typed in the same headline on a desk): moved past what was put in before it, back by
 * what was taken out, instead of jumping to the end as a value set from outside makes it.
 */
export function useKeptCaret(ref: RefObject<HTMLTextAreaElement | HTMLInputElement | null>, value: string): void {
  // The box as the person last left it: its text and their caret in it.
  const left = useRef<Caret | null>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return undefined;
    const note = () => {
      left.current = { value: box.value, start: box.selectionStart ?? 0, end: box.selectionEnd ?? 0 };
    };
    const noteHere = () => {
      if (box.ownerDocument.activeElement === box) note();
    };
    const events = ['input', 'select', 'keyup', 'mouseup', 'focus'] as const;
    for (const event of events) box.addEventListener(event, note);
    box.ownerDocument.addEventListener('selectionchange', noteHere);
    return () => {
      for (const event of events) box.removeEventListener(event, note);
      box.ownerDocument.removeEventListener('selectionchange', noteHere);
    };
  }, [ref]);
  useLayoutEffect(() => {
    const caret = left.current;
    const box = ref.current;
    // Only a value set from outside while the person is in the box moves their caret.
    if (caret === null || box === null || caret.value === value || box.ownerDocument.activeElement !== box) return;
    box.setSelectionRange(caretAfter(caret.value, value, caret.start), caretAfter(caret.value, value, caret.end));
    left.current = { value, start: box.selectionStart ?? 0, end: box.selectionEnd ?? 0 };
  }, [ref, value]);
}
