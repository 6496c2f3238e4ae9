import { LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, mergeRegister, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

import { MARKDOWN_LINK_REFUSED_COMMAND } from '../../../shared/body/lexical/bodyTransformers';
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

/**
 * "[text](address)" typed with an address a link may not have stays as typed, for the person to
 * correct, and they are told why once the update is over.
 */
export function registerMarkdownLinkRule(editor: LexicalEditor): () => void {
  return editor.registerCommand(
    MARKDOWN_LINK_REFUSED_COMMAND,
    (written) => {
      const text = `“${quoteUrl(written)}” was not made a link. ${LINK_RULE_MESSAGE}`;
      queueMicrotask(() => editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, { tone: 'error', text }));
      return true;
    },
    COMMAND_PRIORITY_EDITOR,
  );
}

export function LinkRulesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        registerLinkRules(editor, (url) => {
          editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
            tone: 'error',
            text:
              url.trim() === ''
                ? `A link without an address was removed; its text is kept. ${LINK_RULE_MESSAGE}`
                : `The link to “${quoteUrl(url)}” was removed; its text is kept. ${LINK_RULE_MESSAGE}`,
          });
        }),
        registerMarkdownLinkRule(editor),
      ),
    [editor],
  );
  return null;
}
