import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  $convertFromMarkdownString,
  HEADING,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';
import type { Transformer } from '@lexical/markdown';
import { $isHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { ElementNode, LexicalEditor, ParagraphNode } from 'lexical';
import { $createParagraphNode, $getRoot, $isElementNode, $isTextNode } from 'lexical';

import type { Body } from '../../shared/domain';
import { BodySchema } from '../../shared/domain';
import { isAllowedUrl } from '../../shared/links';

/** The nodes an imported body may hold: the structure of a story and nothing else. */
const BODY_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode];

/** Markdown's block and inline syntax for exactly those nodes, plus bold, italic and strikethrough. */
const MARKDOWN_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  LINK,
];

/** The rel every link in a body carries, as the editor's link dialog sets it. */
const LINK_REL = 'noreferrer';

let editor: LexicalEditor | null = null;

/** One headless editor for every import: the conversions are synchronous and never overlap. */
function bodyEditor(): LexicalEditor {
  editor ??= createHeadlessEditor({
    namespace: 'copydesk-import',
    nodes: BODY_NODES,
    onError: (error) => {
      throw error;
    },
  });
  return editor;
}

/**
 * Brings converted nodes to the body's conventions: the headline is the page's only h1, so
 * headings become h2 (sections) or h3 (subsections); links to anything but the web or email
 * lose their link and keep their text; the body is never empty.
 */
function $tidy(node: ElementNode): void {
  for (const child of node.getChildren()) {
    if ($isHeadingNode(child)) {
      const tag = child.getTag();
      if (tag === 'h1') child.setTag('h2');
      else if (tag !== 'h2' && tag !== 'h3') child.setTag('h3');
    }
    if ($isLinkNode(child)) {
      if (isAllowedUrl(child.getURL())) {
        child.setRel(LINK_REL).setTarget(null);
      } else {
        for (const grandchild of child.getChildren()) child.insertBefore(grandchild);
        child.remove();
        continue;
      }
    }
    if ($isElementNode(child)) $tidy(child);
  }
}

function convert(build: () => void): Body {
  const instance = bodyEditor();
  instance.update(
    () => {
      const root = $getRoot();
      root.clear();
      build();
      $tidy(root);
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
    },
    { discrete: true },
  );
  return BodySchema.parse(instance.getEditorState().toJSON());
}

/**
 * A body from a container of clean blocks (p, h1–h6, blockquote, ul/ol, with inline
 * formatting and links inside). Inline content left at the top level is gathered into
 * paragraphs.
 */
export function bodyFromDom(container: HTMLElement): Body {
  return convert(() => {
    const root = $getRoot();
    let paragraph: ParagraphNode | null = null;
    for (const node of $generateNodesFromDOM(bodyEditor(), container)) {
      if ($isElementNode(node) && !node.isInline()) {
        paragraph = null;
        root.append(node);
      } else if (!$isTextNode(node) || node.getTextContent().trim() !== '' || paragraph !== null) {
        if (paragraph === null) {
          paragraph = $createParagraphNode();
          root.append(paragraph);
        }
        paragraph.append(node);
      }
    }
  });
}

/** A body from Markdown: headings, quotes, lists, links, bold, italic and strikethrough. */
export function bodyFromMarkdown(markdown: string): Body {
  return convert(() => {
    $convertFromMarkdownString(markdown, MARKDOWN_TRANSFORMERS, undefined, false, true);
  });
}
