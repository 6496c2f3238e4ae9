import { $isLinkNode } from '@lexical/link';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/react/LexicalHorizontalRuleNode';
import { $createHeadingNode, $isQuoteNode, HeadingNode } from '@lexical/rich-text';
import { $getEditor } from 'lexical';

import { isAllowedUrl, LINK_RULE_MESSAGE, normaliseUrl } from './links';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './plugins/EditorMessagesPlugin';
import { quoteUrl } from './plugins/LinkRulesPlugin';
import { LINK_ATTRIBUTES } from './plugins/LinkDialogPlugin';

/**
 * "# " and "## " make a section heading (h2): the headline above the body is the page's only
 * h1. "### " and deeper make a subheading (h3), the smallest the desk uses.
 */
export const BODY_HEADING: ElementTransformer = {
  dependencies: [HeadingNode],
  export: HEADING.export,
  regExp: /^(#{1,6})\s/,
  replace: (parentNode, children, match, isImport) => {
    // A "#" typed at the start of a quote is text, as in Lexical's own heading shortcut.
    if (!isImport && $isQuoteNode(parentNode)) return false;
    const level = match[1]?.length ?? 2;
    const heading = $createHeadingNode(level <= 2 ? 'h2' : 'h3');
    heading.append(...children);
    parentNode.replace(heading);
    if (!isImport) heading.select(0, 0);
    return true;
  },
  triggerOnEnter: true,
  type: 'element',
};

/** "---", "***" or "___" alone on a line makes a horizontal rule. */
export const BODY_HORIZONTAL_RULE: ElementTransformer = {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- @lexical/react's rule until @lexical/extension (HorizontalRuleExtension, same JSON type) is a dependency
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '***' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- @lexical/react's rule until @lexical/extension (HorizontalRuleExtension, same JSON type) is a dependency
    const line = $createHorizontalRuleNode();
    // Typed at the end of the story, the empty line stays after the rule for the caret.
    if (isImport || parentNode.getNextSibling() !== null) {
      parentNode.replace(line);
    } else {
      parentNode.insertBefore(line);
    }
    line.selectNext();
    return true;
  },
  type: 'element',
};

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * "[text](address)" makes a link only to a web or email address; anything else stays as typed
 * and the person is told why.
 */
export const BODY_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (textNode, match) => {
    const written = unescapeMarkdown(match[2] ?? match[3] ?? '');
    const url = normaliseUrl(written);
    if (!isAllowedUrl(url)) {
      const editor = $getEditor();
      const text = `“${quoteUrl(written)}” was not made a link. ${LINK_RULE_MESSAGE}`;
      queueMicrotask(() => editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, { tone: 'error', text }));
      return;
    }
    const linkText = LINK.replace?.(textNode, match);
    const link = linkText?.getParent();
    if ($isLinkNode(link)) {
      link.setURL(url);
      link.setRel(LINK_ATTRIBUTES.rel);
    }
    return linkText;
  },
};

/**
 * The markdown shortcuts of the body: only those whose nodes exist here (no code blocks, no
 * inline code, no tables, no check lists).
 */
export const BODY_TRANSFORMERS: Transformer[] = [
  BODY_HEADING,
  QUOTE,
  BODY_HORIZONTAL_RULE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  BODY_LINK,
];
