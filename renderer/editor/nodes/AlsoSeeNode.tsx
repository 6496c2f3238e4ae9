import {
  $applyNodeReplacement,
  $getDocument,
  addClassNamesToElement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';

import { AlsoSeeComponent, articleHref } from './AlsoSeeComponent';

export type SerializedAlsoSeeNode = Spread<{ articleId: string }, SerializedLexicalNode>;

/** The attribute that carries the linked article's id in exported HTML. */
const ARTICLE_ATTRIBUTE = 'data-also-see';

function $convertAlsoSee(element: HTMLElement): DOMConversionOutput | null {
  const articleId = element.getAttribute(ARTICLE_ATTRIBUTE);
  return articleId === null || articleId === '' ? null : { node: $createAlsoSeeNode(articleId) };
}

/**
 * "Also See: <headline>" between paragraphs, pointing at another article in the library. Only
 * the article's id is stored, so the block always shows the linked article's current headline
 * and a renamed article never leaves a stale title behind.
 */
export class AlsoSeeNode extends DecoratorNode<JSX.Element> {
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
    const rule = (element: HTMLElement) =>
      element.hasAttribute(ARTICLE_ATTRIBUTE) ? { conversion: $convertAlsoSee, priority: 2 as const } : null;
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

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    const className = (config.theme as { alsoSee?: string }).alsoSee;
    if (className !== undefined) addClassNamesToElement(element, className);
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
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
