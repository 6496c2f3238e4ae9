import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension';
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
import { $createHeadingNode, $isQuoteNode, HeadingNode } from '@lexical/rich-text';
import { $getEditor, createCommand, type LexicalCommand } from 'lexical';

import { BODY_LINK_REL, isAllowedUrl, normaliseUrl } from '../../links';

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
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '***' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const line = $createHorizontalRuleNode();
    if (isImport) {
      parentNode.replace(line);
      return true;
    }
    // Typed at the end of the story, the empty line stays after the rule for the caret.
    if (parentNode.getNextSibling() !== null) {
      parentNode.replace(line);
    } else {
      parentNode.insertBefore(line);
    }
    line.selectNext();
    return true;
  },
  type: 'element',
};

/**
 * Told when "[text](address)" names an address a link may not have (only web and email
 * addresses may be links), with the address as written. A handler that takes it (the editor,
 * which tells the person) leaves the Markdown as it was typed, for them to correct; where none
 * does (an import, which has no one to correct it as it goes), the words stay without the address.
 */
export const MARKDOWN_LINK_REFUSED_COMMAND: LexicalCommand<string> = createCommand('MARKDOWN_LINK_REFUSED_COMMAND');

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** "[text](address)" makes a link only to a web or email address (see MARKDOWN_LINK_REFUSED_COMMAND). */
export const BODY_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (textNode, match) => {
    const written = unescapeMarkdown(match[2] ?? match[3] ?? '');
    const url = normaliseUrl(written);
    const allowed = isAllowedUrl(url);
    if (!allowed && $getEditor().dispatchCommand(MARKDOWN_LINK_REFUSED_COMMAND, written)) return;
    const linkText = LINK.replace?.(textNode, match);
    const link = linkText?.getParent();
    if ($isLinkNode(link)) {
      if (allowed) {
        link.setURL(url).setRel(BODY_LINK_REL);
      } else {
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
      }
    }
    return linkText;
  },
};

/**
 * The Markdown of a story's body, typed in the editor as shortcuts and read by the importer:
 * only what the body has nodes for (no code, no tables, no check lists).
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
