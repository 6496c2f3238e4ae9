import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type NodeKey,
  type TextNode,
} from 'lexical';
import { useEffect } from 'react';

import { apostropheBeforeDigit, typographicQuote, type StraightQuote } from '../../../shared/typographicQuotes';

/** Where a quote was put in the text: its node and offset, and what it became. */
type Placed = { key: NodeKey; offset: number; quote: string };

/** The paragraph's text before `offset` in `node`: the text of the siblings before it, then its own. */
function $textBefore(node: TextNode, offset: number): string {
  let text = node.getTextContent().slice(0, offset);
  for (let sibling = node.getPreviousSibling(); sibling !== null; sibling = sibling.getPreviousSibling()) {
    text = sibling.getTextContent() + text;
  }
  return text;
}

/** A collapsed caret in a text node that is not code, or null. */
function $caretInText(): { node: TextNode; offset: number } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.type !== 'text') return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || node.hasFormat('code')) return null;
  return { node, offset: selection.anchor.offset };
}

/** Replaces the character at `placed` (still `expected`) with `replacement`, the caret staying where it is. */
function $replaceAt(placed: Placed, expected: string, replacement: string): boolean {
  const node = $getNodeByKey(placed.key);
  if (!$isTextNode(node) || node.getTextContent().charAt(placed.offset) !== expected) return false;
  const selection = $getSelection();
  const caret = $isRangeSelection(selection) && selection.anchor.key === placed.key ? selection.anchor.offset : null;
  const text = node.getTextContent();
  node.setTextContent(text.slice(0, placed.offset) + replacement + text.slice(placed.offset + expected.length));
  if (caret !== null) node.select(caret, caret);
  return true;
}

/**
 * Types the straight quote as any character is typed, then, as a step of its own in the
 * history, turns it into the typographic one: Ctrl+Z straight after gives the straight quote
 * back. Returns where the quote went, or null when it was not typed here.
 */
function typeQuote(editor: LexicalEditor, quote: StraightQuote): Placed | null {
  // Written inside the updates below, read after each has run.
  const result: { placed: Placed | null; curled: boolean } = { placed: null, curled: false };
  editor.update(
    () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      selection.insertText(quote);
      const caret = $caretInText();
      if (caret === null || caret.offset === 0) return;
      const offset = caret.offset - 1;
      const before = $textBefore(caret.node, offset);
      result.placed = { key: caret.node.getKey(), offset, quote: typographicQuote(quote, before) };
    },
    { discrete: true },
  );
  const placed = result.placed;
  if (placed === null) return null;
  editor.update(
    () => {
      result.curled = $replaceAt(placed, quote, placed.quote);
    },
    { discrete: true, tag: HISTORY_PUSH_TAG },
  );
  return result.curled ? placed : null;
}

/**
 * Straight quotes typed in the body become typographic ones (“ ” ‘ ’, apostrophes too), each
 * change a step of the history of its own so that Ctrl+Z right after undoes just the curling.
 * Only typed quotes: a paste, an undo or a change made by the program is left as it is.
 */
export function TypographicQuotesPlugin({ enabled }: { enabled: boolean }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    if (!enabled) return undefined;
    // The opening single quote just typed, which a digit typed next turns into an apostrophe ("’90s").
    let lastOpening: Placed | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || !editor.isEditable()) return;
      const opening = lastOpening;
      lastOpening = null;
      if (event.key === '"' || event.key === "'") {
        if (!editor.getEditorState().read(() => $isRangeSelection($getSelection()))) return;
        event.preventDefault();
        const placed = typeQuote(editor, event.key);
        if (placed?.quote === '\u2018') lastOpening = placed;
        return;
      }
      if (opening === null || !/^\d$/u.test(event.key)) return;
      editor.update(
        () => {
          const caret = $caretInText();
          if (caret === null || caret.node.getKey() !== opening.key || caret.offset !== opening.offset + 1) return;
          if (!apostropheBeforeDigit($textBefore(caret.node, caret.offset))) return;
          $replaceAt(opening, '\u2018', '\u2019');
        },
        { discrete: true, tag: HISTORY_PUSH_TAG },
      );
    };
    let listening: HTMLElement | null = null;
    const stop = editor.registerRootListener((root) => {
      listening?.removeEventListener('keydown', onKeyDown);
      listening = root;
      listening?.addEventListener('keydown', onKeyDown);
    });
    return () => {
      stop();
      listening?.removeEventListener('keydown', onKeyDown);
    };
  }, [editor, enabled]);

  return null;
}
