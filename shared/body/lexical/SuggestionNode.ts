import {
  $create,
  $getDocument,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

import { personColour } from '../../people';
import type { SuggestionKind } from '../bodySchema';

/** Who suggested a change, when, and which suggestion it belongs to. */
export type SuggestionFields = { kind: SuggestionKind; id: string; author: string; at: string };

export type SerializedSuggestionNode = Spread<SuggestionFields, SerializedElementNode>;

const KIND_ATTRIBUTE = 'data-suggestion';

/** The element a suggestion is written as in HTML: <ins> for words to add, <del> for words to take out. */
const TAGS: { readonly [K in SuggestionKind]: 'ins' | 'del' } = { insert: 'ins', delete: 'del' };

function fromElement(element: HTMLElement): SuggestionFields | null {
  const id = element.getAttribute(KIND_ATTRIBUTE);
  if (id === null || id === '') return null;
  return {
    kind: element.tagName.toLowerCase() === 'del' ? 'delete' : 'insert',
    id,
    author: element.getAttribute('data-author') ?? '',
    at: element.getAttribute('datetime') ?? '',
  };
}

const suggestionConversion = () => ({
  conversion: (element: HTMLElement) => {
    const fields = fromElement(element);
    return { node: fields === null ? null : $createSuggestionNode(fields) };
  },
  priority: 1 as const,
});

/**
 * Words someone suggested adding or taking out of the story, kept in the text until someone
 * accepts or rejects them: an inline element around the words, as a claim's mark is. Words to
 * take out stay in the text, struck through, and are not part of its text (getTextContent):
 * the story reads, counts and is checked as it would with its suggestions accepted.
 */
export class SuggestionNode extends ElementNode {
  __kind: SuggestionKind = 'insert';
  __suggestionId = '';
  __author = '';
  __at = '';

  override $config() {
    return this.config('suggestion', { extends: ElementNode });
  }

  static override importDOM(): DOMConversionMap {
    return { ins: suggestionConversion, del: suggestionConversion };
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__kind = prevNode.__kind;
    this.__suggestionId = prevNode.__suggestionId;
    this.__author = prevNode.__author;
    this.__at = prevNode.__at;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedSuggestionNode>): this {
    return super.updateFromJSON(serialized).setFields(serialized);
  }

  override exportJSON(): SerializedSuggestionNode {
    return { ...super.exportJSON(), ...this.getFields() };
  }

  override createDOM(): HTMLElement {
    const element = $getDocument().createElement(TAGS[this.__kind]);
    this.#describe(element);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement): boolean {
    if (prevNode.__kind !== this.__kind) return true;
    if (prevNode.__author !== this.__author || prevNode.__at !== this.__at) this.#describe(element);
    return false;
  }

  #describe(element: HTMLElement): void {
    element.className = `text-suggestion text-suggestion--${this.__kind}`;
    element.setAttribute(KIND_ATTRIBUTE, this.__suggestionId);
    element.setAttribute('data-author', this.__author);
    if (this.__at !== '') element.setAttribute('datetime', this.__at);
    element.style.setProperty('--person', personColour(this.__author));
  }

  override exportDOM(): DOMExportOutput {
    const element = $getDocument().createElement(TAGS[this.__kind]);
    this.#describe(element);
    return { element };
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  // Words typed at a suggestion's edge are not part of it: suggesting mode places its own words.
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }

  override isShadowRoot(): boolean {
    return false;
  }

  /** Words suggested for removal are not part of the text as it would read. */
  override getTextContent(): string {
    return this.getLatest().__kind === 'delete' ? '' : super.getTextContent();
  }

  getFields(): SuggestionFields {
    const latest = this.getLatest();
    return { kind: latest.__kind, id: latest.__suggestionId, author: latest.__author, at: latest.__at };
  }

  setFields(fields: SuggestionFields): this {
    const self = this.getWritable();
    self.__kind = fields.kind;
    self.__suggestionId = fields.id;
    self.__author = fields.author;
    self.__at = fields.at;
    return self;
  }
}

export function $createSuggestionNode(fields: SuggestionFields): SuggestionNode {
  return $create(SuggestionNode).setFields(fields);
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}
