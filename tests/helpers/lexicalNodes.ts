/** Lexical nodes as an editor state serialises them, for building bodies in tests and benchmarks. */
import { $getRoot, $isElementNode, $isTextNode, type ElementNode, type TextNode } from 'lexical';

import type { Body } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';

export const textNode = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
});

/** A @lexical/mark MarkNode over `children`, marking them as the claims `ids`. */
export const markNode = (ids: string[], ...children: object[]) => ({
  type: 'mark',
  ids,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
});

/** A CommentNode over `children`, the words the comment threads `ids` are on. */
export const commentNode = (ids: string[], ...children: object[]) => ({
  type: 'comment',
  ids,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
});

/** A paragraph node holding `children` (text, marks…), as Lexical serialises it. */
export const paragraphNode = (...children: object[]) => ({ ...bodyFromParagraphs(['']).root.children[0], children });

/** A body of one paragraph of `text` followed by `blocks` (an Also See, an image…). */
export function bodyWithBlocks(text: string, ...blocks: Body['root']['children']): Body {
  const { root } = bodyFromParagraphs([text]);
  return { root: { ...root, children: [...root.children, ...blocks] } };
}

/** The body's first block, inside an editor update or read. */
export function $firstBlock(): ElementNode {
  const first = $getRoot().getFirstChild();
  if (!$isElementNode(first)) throw new Error('The body does not start with a block of text.');
  return first;
}

/** The first run of words of `block`. */
export function $firstWords(block: ElementNode): TextNode {
  const first = block.getFirstChild();
  if (!$isTextNode(first)) throw new Error('The block does not start with words.');
  return first;
}
