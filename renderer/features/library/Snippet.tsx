import type { JSX } from 'react';

import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';

type Part = { text: string; marked: boolean };

/** Splits a search snippet at the highlight markers the server puts around matched terms. */
export function snippetParts(snippet: string): Part[] {
  const parts: Part[] = [];
  let marked = false;
  let text = '';
  for (const char of snippet) {
    if (char === HIGHLIGHT_START || char === HIGHLIGHT_END) {
      if (text !== '') parts.push({ text, marked });
      text = '';
      marked = char === HIGHLIGHT_START;
    } else {
      text += char;
    }
  }
  if (text !== '') parts.push({ text, marked });
  return parts;
}

/** The snippet as text with <mark>ed terms; rendered as React text, never as HTML. */
export function Snippet({ snippet }: { snippet: string }): JSX.Element {
  return (
    <span className="snippet">
      {snippetParts(snippet).map((part, index) =>
        part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
