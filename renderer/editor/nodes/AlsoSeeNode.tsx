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

import { alsoSeeOf, type AlsoSeePayload } from '../../../shared/alsoSee';
import { AlsoSeeComponent, articleHref } from './AlsoSeeComponent';
import { BlockDecoratorNode, markedElement } from './BlockDecoratorNode';

export type SerializedAlsoSeeNode = Spread<
  { articleId: string; url?: string; headline?: string },
  SerializedLexicalNode
>;

/** The attribute that carries the linked article's id in exported HTML. */
const ARTICLE_ATTRIBUTE = 'data-also-see';
/** The attribute that carries the address of a story outside the library in exported HTML. */
const ADDRESS_ATTRIBUTE = 'data-also-see-url';

/**
 * "Also See: <headline>" between paragraphs, pointing at another article in the library or at a
 * story elsewhere. For a library article only its id is stored, so the block always shows the
 * linked article's current headline and a renamed article never leaves a stale title behind; a
 * story elsewhere keeps its address and the headline it was given.
 */
export class AlsoSeeNode extends BlockDecoratorNode {
  __articleId: string;
  __url: string;
  __headline: string;

  static override getType(): string {
    return 'also-see';
  }

  static override clone(node: AlsoSeeNode): AlsoSeeNode {
    return new AlsoSeeNode({ articleId: node.__articleId, url: node.__url, headline: node.__headline }, node.__key);
  }

  static override importJSON(serialized: SerializedAlsoSeeNode): AlsoSeeNode {
    return $createAlsoSeeNode().updateFromJSON(serialized);
  }

  static override importDOM(): DOMConversionMap | null {
    const library = markedElement(ARTICLE_ATTRIBUTE, (articleId) => $createAlsoSeeNode(articleId));
    const outside = markedElement(ADDRESS_ATTRIBUTE, (url, element) =>
      $createAlsoSeeNode({
        articleId: '',
        url,
        headline: element.textContent.replace(/^\s*Also See:\s*/u, '').trim(),
      }),
    );
    const rule = (element: HTMLElement) => library(element) ?? outside(element);
    return { aside: rule, p: rule, div: rule };
  }

  constructor(target: string | AlsoSeePayload = '', key?: NodeKey) {
    super(key);
    const payload = typeof target === 'string' ? { articleId: target, url: '', headline: '' } : target;
    this.__articleId = payload.articleId;
    this.__url = payload.url;
    this.__headline = payload.headline;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedAlsoSeeNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    const payload = alsoSeeOf(serialized);
    node.__articleId = payload.articleId;
    node.__url = payload.url;
    node.__headline = payload.headline;
    return node;
  }

  override exportJSON(): SerializedAlsoSeeNode {
    const { articleId, url, headline } = this.getPayload();
    return { ...super.exportJSON(), articleId, ...(url === '' ? {} : { url, headline }) };
  }

  /** The exporters replace the link text with the headline current at export time. */
  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const aside = doc.createElement('aside');
    const link = doc.createElement('a');
    if (this.__url !== '' && this.__articleId === '') {
      aside.setAttribute(ADDRESS_ATTRIBUTE, this.__url);
      link.setAttribute('href', this.__url);
      link.textContent = this.__headline;
    } else {
      aside.setAttribute(ARTICLE_ATTRIBUTE, this.__articleId);
      link.setAttribute('href', articleHref(this.__articleId));
      link.textContent = 'Also See';
    }
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

  /** What the block points at: a library article's id, or a story elsewhere by address and headline. */
  getPayload(): AlsoSeePayload {
    const latest = this.getLatest();
    return { articleId: latest.__articleId, url: latest.__url, headline: latest.__headline };
  }

  override decorate(): JSX.Element {
    return (
      <AlsoSeeComponent
        nodeKey={this.getKey()}
        articleId={this.__articleId}
        url={this.__url}
        headline={this.__headline}
      />
    );
  }
}

export function $createAlsoSeeNode(target: string | AlsoSeePayload = ''): AlsoSeeNode {
  return $applyNodeReplacement(new AlsoSeeNode(target));
}

export function $isAlsoSeeNode(node: LexicalNode | null | undefined): node is AlsoSeeNode {
  return node instanceof AlsoSeeNode;
}
