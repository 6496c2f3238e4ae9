import {
  $create,
  $getDocument,
  $getEditor,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

import { personColour } from '../../people';
import { BLOCK_KINDS, type BlockKind, type BodySuggestion, type SuggestionKind } from '../bodySchema';
import { isTextFormatName, type TextFormatName } from '../textFormat';

/**
 * Who suggested a change, when, and which suggestion it belongs to; for a change of format,
 * which format (`change`) it sets on or off (`on`); for a paragraph moved, `moved`; for a new
 * paragraph, `split`; for a change of block, the block the words `was` in. As the body keeps them.
 */
export type SuggestionFields = Pick<
  BodySuggestion,
  'kind' | 'id' | 'author' | 'at' | 'change' | 'on' | 'moved' | 'split' | 'was'
>;

export type SerializedSuggestionNode = Spread<SuggestionFields, SerializedElementNode>;

const KIND_ATTRIBUTE = 'data-suggestion';

const isBlockKind = (value: unknown): value is BlockKind => BLOCK_KINDS.some((kind) => kind === value);

/** Who is suggesting in each editor with suggesting mode on. */
const SUGGESTING_AS = new WeakMap<LexicalEditor, string>();

/** The editor being read or updated; null for an editor state read on its own, which no one types in. */
function activeEditor(): LexicalEditor | null {
  try {
    return $getEditor();
  } catch {
    return null;
  }
}

/** Says that `author` is suggesting in `editor` (null: suggesting mode is off). */
export function setSuggestingAs(editor: LexicalEditor, author: string | null): void {
  if (author === null) SUGGESTING_AS.delete(editor);
  else SUGGESTING_AS.set(editor, author);
}

/**
 * The element a suggestion is written as in HTML: <ins> for words to add, <del> for words to
 * take out, a <span> for words whose format would change.
 */
const TAGS: { readonly [K in SuggestionKind]: 'ins' | 'del' | 'span' } = {
  insert: 'ins',
  delete: 'del',
  format: 'span',
};

const KIND_OF_TAG: Readonly<Record<string, SuggestionKind>> = { ins: 'insert', del: 'delete', span: 'format' };

function fromElement(element: HTMLElement): SuggestionFields | null {
  const id = element.getAttribute(KIND_ATTRIBUTE);
  const kind = KIND_OF_TAG[element.tagName.toLowerCase()];
  if (id === null || id === '' || kind === undefined) return null;
  const fields: SuggestionFields = {
    kind,
    id,
    author: element.getAttribute('data-author') ?? '',
    at: element.getAttribute('datetime') ?? '',
  };
  if (element.getAttribute('data-moved') === 'true') return { ...fields, moved: true };
  if (element.getAttribute('data-split') === 'true') return { ...fields, split: true };
  if (kind !== 'format') return fields;
  const was = element.getAttribute('data-was');
  if (isBlockKind(was)) return { ...fields, was };
  const change = element.getAttribute('data-change');
  return isTextFormatName(change) ? { ...fields, change, on: element.getAttribute('data-on') !== 'false' } : null;
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
  __change: TextFormatName | null = null;
  __on = true;
  __moved = false;
  __split = false;
  __was: BlockKind | null = null;

  override $config() {
    return this.config('suggestion', { extends: ElementNode });
  }

  static override importDOM(): DOMConversionMap {
    return {
      ins: suggestionConversion,
      del: suggestionConversion,
      span: (element: HTMLElement) => (element.hasAttribute(KIND_ATTRIBUTE) ? suggestionConversion() : null),
    };
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__kind = prevNode.__kind;
    this.__suggestionId = prevNode.__suggestionId;
    this.__author = prevNode.__author;
    this.__at = prevNode.__at;
    this.__change = prevNode.__change;
    this.__on = prevNode.__on;
    this.__moved = prevNode.__moved;
    this.__split = prevNode.__split;
    this.__was = prevNode.__was;
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
    const fields = ['__suggestionId', '__author', '__at', '__change', '__on', '__moved', '__split', '__was'] as const;
    if (fields.some((field) => prevNode[field] !== this[field])) this.#describe(element);
    return false;
  }

  #describe(element: HTMLElement): void {
    element.className = `text-suggestion text-suggestion--${this.__kind}`;
    element.setAttribute(KIND_ATTRIBUTE, this.__suggestionId);
    element.setAttribute('data-author', this.__author);
    if (this.__at !== '') element.setAttribute('datetime', this.__at);
    if (this.__kind === 'format' && this.__change !== null) {
      element.setAttribute('data-change', this.__change);
      element.setAttribute('data-on', String(this.__on));
    }
    if (this.__moved) element.setAttribute('data-moved', 'true');
    else element.removeAttribute('data-moved');
    if (this.__split) element.setAttribute('data-split', 'true');
    else element.removeAttribute('data-split');
    if (this.__was !== null) element.setAttribute('data-was', this.__was);
    else element.removeAttribute('data-was');
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

  /**
   * Only the person suggesting these words, typing on at their end, adds to them: the browser
   * then types the letters itself, as in any text, which spares the editor setting the caret
   * again on each key.
   */
  override canInsertTextAfter(): boolean {
    const latest = this.getLatest();
    if (latest.__kind !== 'insert' || latest.__split) return false;
    const editor = activeEditor();
    return editor !== null && SUGGESTING_AS.get(editor) === latest.__author;
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
    const fields: SuggestionFields = {
      kind: latest.__kind,
      id: latest.__suggestionId,
      author: latest.__author,
      at: latest.__at,
    };
    if (latest.__moved) return { ...fields, moved: true };
    if (latest.__split) return { ...fields, split: true };
    if (latest.__kind === 'format' && latest.__was !== null) return { ...fields, was: latest.__was };
    return latest.__kind === 'format' && latest.__change !== null
      ? { ...fields, change: latest.__change, on: latest.__on }
      : fields;
  }

  setFields(fields: SuggestionFields): this {
    const self = this.getWritable();
    self.__kind = fields.kind;
    self.__suggestionId = fields.id;
    self.__author = fields.author;
    self.__at = fields.at;
    self.__change = fields.kind === 'format' ? (fields.change ?? null) : null;
    self.__on = fields.on ?? true;
    self.__moved = fields.kind !== 'format' && fields.moved === true;
    self.__split = fields.kind === 'insert' && fields.split === true;
    self.__was = fields.kind === 'format' ? (fields.was ?? null) : null;
    return self;
  }
}

export function $createSuggestionNode(fields: SuggestionFields): SuggestionNode {
  return $create(SuggestionNode).setFields(fields);
}

export function $isSuggestionNode(node: LexicalNode | null | undefined): node is SuggestionNode {
  return node instanceof SuggestionNode;
}
