import { LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';

import { isAllowedUrl, LINK_RULE_MESSAGE } from '../links';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';

/** How a refused address is quoted back to the person: short, and never as a live link. */
export function quoteUrl(url: string): string {
  const trimmed = url.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}

/**
 * The last line of defence for the link rule: whatever made it (a paste, a markdown shortcut,
 * an old document, another plugin), a link to anything but http, https or mailto does not stay
 * a link. Its text is kept, and `onRefused` hears the address once the update is over.
 */
export function registerLinkRules(editor: LexicalEditor, onRefused: (url: string) => void): () => void {
  return editor.registerNodeTransform(LinkNode, (link) => {
    const url = link.getURL();
    if (isAllowedUrl(url)) return;
    for (const child of link.getChildren()) link.insertBefore(child);
    link.remove();
    queueMicrotask(() => onRefused(url));
  });
}

export function LinkRulesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      registerLinkRules(editor, (url) => {
        editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
          tone: 'error',
          text:
            url.trim() === ''
              ? `A link without an address was removed; its text is kept. ${LINK_RULE_MESSAGE}`
              : `The link to “${quoteUrl(url)}” was removed; its text is kept. ${LINK_RULE_MESSAGE}`,
        });
      }),
    [editor],
  );
  return null;
}
