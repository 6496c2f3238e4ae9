import { useState } from 'react';

export type TypedText = {
  text: string;
  setText: (text: string) => void;
  onFocus: () => void;
  onBlur: () => void;
};

/**
 * What a box shows: what the person types while it has the focus, and otherwise the value from
 * outside (saved, moved on by a save, or held text put back), which it follows as it changes.
 */
export function useTypedText(outside: string): TypedText {
  const [text, setText] = useState(outside);
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState(outside);
  if (outside !== seen) {
    setSeen(outside);
    if (!focused) setText(outside);
  }
  return { text, setText, onFocus: () => setFocused(true), onBlur: () => setFocused(false) };
}
