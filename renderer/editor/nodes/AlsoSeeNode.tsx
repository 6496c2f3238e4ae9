import {
  $applyNodeReplacement,
  $getDocument,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';

import { AlsoSeeComponent, articleHref } from './AlsoSeeComponent';
import { BlockDecoratorNode, markedElement } from './BlockDecoratorNode';

export type SerializedAlsoSeeNode = Spread<{ articleId: string }, SerializedLexicalNode>;

/** The attribute that carries the linked article's id in exported HTML. */
const ARTICLE_ATTRIBUTE = 'data-also-see';

/**
 * "Also See: <headline>" between paragraphs, pointing at another article in the library. Only
 * the article's id is stored, so the block always shows the linked article's current headline
 * and a renamed article never leaves a stale title behind.
 */
export class AlsoSeeNode extends BlockDecoratorNode {
  __articleId: string;

  static override getType(): string {
    return 'also-see';
  }

  static override clone(node: AlsoSeeNode): AlsoSeeNode {
    return new AlsoSeeNode(node.__articleId, node.__key);
  }

  static override importJSON(serialized: SerializedAlsoSeeNode): AlsoSeeNode {
    return $createAlsoSeeNode().updateFromJSON(serialized);
  }

  static override importDOM(): DOMConversionMap | null {
    const rule = markedElement(ARTICLE_ATTRIBUTE, (articleId) => $createAlsoSeeNode(articleId));
    return { aside: rule, p: rule, div: rule };
  }

  constructor(articleId = '', key?: NodeKey) {
    super(key);
    this.__articleId = articleId;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedAlsoSeeNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    node.__articleId = typeof serialized.articleId === 'string' ? serialized.articleId : '';
    return node;
  }

  override exportJSON(): SerializedAlsoSeeNode {
    return { ...super.exportJSON(), articleId: this.getArticleId() };
  }

  /** The exporters replace the link text with the headline current at export time. */
  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const aside = doc.createElement('aside');
    aside.setAttribute(ARTICLE_ATTRIBUTE, this.__articleId);
    const link = doc.createElement('a');
    link.setAttribute('href', articleHref(this.__articleId));
    link.textContent = 'Also See';
    aside.append(link);
    return { element: aside };
  }

  protected override themeKey(): string {
    return 'alsoSee';
  }

  getArticleId(): string {
    return this.getLatest().__articleId;
  }

  setArticleId(articleId: string): this {
    const self = this.getWritable();
    self.__articleId = articleId;
    return self;
  }

  override decorate(): JSX.Element {
    return <AlsoSeeComponent nodeKey={this.getKey()} articleId={this.__articleId} />;
  }
}

export function $createAlsoSeeNode(articleId = ''): AlsoSeeNode {
  return $applyNodeReplacement(new AlsoSeeNode(articleId));
}

export function $isAlsoSeeNode(node: LexicalNode | null | undefined): node is AlsoSeeNode {
  return node instanceof AlsoSeeNode;
}
