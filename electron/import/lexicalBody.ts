import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $isLinkNode } from '@lexical/link';
import { $convertFromMarkdownString } from '@lexical/markdown';
import { $isHeadingNode } from '@lexical/rich-text';
import type { ElementNode, LexicalEditor, ParagraphNode } from 'lexical';
import { $createParagraphNode, $getRoot, $isDecoratorNode, $isElementNode, $isTextNode } from 'lexical';

import type { Body } from '../../shared/body/bodySchema';
import { BodySchema } from '../../shared/body/bodySchema';
import { BODY_NAMESPACE, BODY_NODES } from '../../shared/body/lexical/bodyNodes';
import { BODY_TRANSFORMERS } from '../../shared/body/lexical/bodyTransformers';
import { BODY_LINK_REL, isAllowedUrl } from '../../shared/links';

let editor: LexicalEditor | null = null;

/**
 * The headless editor every import converts with: the body's own nodes, as the article editor
 * registers them. One for all imports: the conversions are synchronous and never overlap.
 */
export function importEditor(): LexicalEditor {
  editor ??= createHeadlessEditor({
    namespace: BODY_NAMESPACE,
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
        child.setRel(BODY_LINK_REL).setTarget(null);
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
  const instance = importEditor();
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
    for (const node of $generateNodesFromDOM(importEditor(), container)) {
      if (($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline()) {
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

/**
 * A body from Markdown, read with the editor's own Markdown rules (BODY_TRANSFORMERS):
 * headings, quotes, lists, rules, links, bold, italic and strikethrough.
 */
export function bodyFromMarkdown(markdown: string): Body {
  return convert(() => {
    $convertFromMarkdownString(markdown, BODY_TRANSFORMERS, undefined, false, true);
  });
}
