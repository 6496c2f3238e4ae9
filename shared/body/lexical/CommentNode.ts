import {
  $create,
  $getDocument,
  ElementNode,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedCommentNode = Spread<{ ids: string[] }, SerializedElementNode>;

/** The attribute that names a comment's threads on its words, space-separated. */
export const COMMENT_THREADS_ATTRIBUTE = 'data-comment-threads';

/**
 * Words someone commented on: an inline element around them naming the comment threads they
 * belong to (several, when comments overlap), as a claim's mark names its claims. The threads
 * themselves, their replies and whether they are resolved, are kept in the library; this node
 * is only where they are anchored, so it moves, splits and merges with the words.
 */
export class CommentNode extends ElementNode {
  __ids: readonly string[] = [];

  override $config() {
    return this.config('comment', { extends: ElementNode });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__ids = prevNode.__ids;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedCommentNode>): this {
    return super.updateFromJSON(serialized).setIDs(serialized.ids);
  }

  override exportJSON(): SerializedCommentNode {
    return { ...super.exportJSON(), ids: this.getIDs() };
  }

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement('span');
    element.className = 'text-comment';
    element.setAttribute(COMMENT_THREADS_ATTRIBUTE, this.__ids.join(' '));
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__ids !== this.__ids) element.setAttribute(COMMENT_THREADS_ATTRIBUTE, this.__ids.join(' '));
    return false;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  // Words typed at the edge of commented words are not commented on.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  // Copied words leave their comments behind when pasted (a comment is on these words, not on a
  // copy of them); the HTML of the text (a marked-up copy) shows them.
  override excludeFromCopy(destination?: 'clone' | 'html'): boolean {
    return destination === 'clone';
  }

  getIDs(): string[] {
    return [...this.getLatest().__ids];
  }

  hasID(id: string): boolean {
    return this.getLatest().__ids.includes(id);
  }

  setIDs(ids: readonly string[]): this {
    const self = this.getWritable();
    self.__ids = [...new Set(ids)];
    return self;
  }
}

export function $createCommentNode(ids: readonly string[]): CommentNode {
  return $create(CommentNode).setIDs(ids);
}

export function $isCommentNode(node: LexicalNode | null | undefined): node is CommentNode {
  return node instanceof CommentNode;
}
