import {
  $create,
  $getDocument,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

import { alsoSeeOf, type AlsoSeePayload } from '../../alsoSee';
import { articleHref } from '../../links';
import { BlockDecoratorNode, markedElement } from './BlockDecoratorNode';

export type SerializedAlsoSeeNode = Spread<
  { articleId: string; url?: string; headline?: string },
  SerializedLexicalNode
>;

/** The attribute that carries the linked article's id in exported HTML. */
const ARTICLE_ATTRIBUTE = 'data-also-see';
/** The attribute that carries the address of a story outside the library in exported HTML. */
const ADDRESS_ATTRIBUTE = 'data-also-see-url';

const fromLibrary = markedElement(ARTICLE_ATTRIBUTE, (articleId) => $createAlsoSeeNode(articleId));
const fromElsewhere = markedElement(ADDRESS_ATTRIBUTE, (url, element) =>
  $createAlsoSeeNode({
    articleId: '',
    url,
    headline: element.textContent.replace(/^\s*Also See:\s*/u, '').trim(),
  }),
);
const alsoSeeElement = (element: HTMLElement) => fromLibrary(element) ?? fromElsewhere(element);

/**
 * "Also See: <headline>" between paragraphs, pointing at another article in the library or at a
 * story elsewhere. For a library article only its id is stored, so the block always shows the
 * linked article's current headline and a renamed article never leaves a stale title behind; a
 * story elsewhere keeps its address and the headline it was given. The editor draws it
 * (renderer/editor/nodes/EditorAlsoSeeNode).
 */
export class AlsoSeeNode extends BlockDecoratorNode {
  __articleId = '';
  __url = '';
  __headline = '';

  override $config() {
    return this.config('also-see', {
      extends: BlockDecoratorNode,
      importDOM: { aside: alsoSeeElement, p: alsoSeeElement, div: alsoSeeElement },
    });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__articleId = prevNode.__articleId;
    this.__url = prevNode.__url;
    this.__headline = prevNode.__headline;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedAlsoSeeNode>): this {
    return super.updateFromJSON(serialized).setPayload(alsoSeeOf(serialized));
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

  setPayload(payload: AlsoSeePayload): this {
    const self = this.getWritable();
    self.__articleId = payload.articleId;
    self.__url = payload.url;
    self.__headline = payload.headline;
    return self;
  }
}

/** A new Also See: of the class the active editor registers for it (the editor's draws itself). */
export function $createAlsoSeeNode(target: string | AlsoSeePayload = ''): AlsoSeeNode {
  const payload = typeof target === 'string' ? { articleId: target, url: '', headline: '' } : target;
  return $create(AlsoSeeNode).setPayload(payload);
}

export function $isAlsoSeeNode(node: LexicalNode | null | undefined): node is AlsoSeeNode {
  return node instanceof AlsoSeeNode;
}
