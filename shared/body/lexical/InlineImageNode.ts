import {
  $create,
  $getDocument,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalUpdateJSON,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';

import type { InlineImagePayload } from '../../text';
import { BlockDecoratorNode, markedElement } from './BlockDecoratorNode';

export type { InlineImagePayload };

export type SerializedInlineImageNode = Spread<InlineImagePayload, SerializedLexicalNode>;

const positive = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The attribute that marks a figure as one of ours in exported HTML. */
const ASSET_ATTRIBUTE = 'data-asset-id';

function $convertFigure(assetId: string, element: HTMLElement): InlineImageNode {
  const img = element.querySelector('img');
  return $createInlineImageNode({
    assetId,
    altText: img?.getAttribute('alt') ?? '',
    caption: element.querySelector('.caption')?.textContent ?? '',
    credit: element.querySelector('.credit')?.textContent ?? '',
    width: positive(Number(img?.getAttribute('width'))),
    height: positive(Number(img?.getAttribute('height'))),
  });
}

/**
 * An image in the body, between paragraphs. Only the asset's id is kept in the document; the
 * bytes stay in the library. The editor draws it (renderer/editor/nodes/EditorInlineImageNode),
 * with caption and credit edited in place below the picture.
 */
export class InlineImageNode extends BlockDecoratorNode {
  __assetId = '';
  __altText = '';
  __caption = '';
  __credit = '';
  __width = 0;
  __height = 0;

  override $config() {
    return this.config('inline-image', {
      extends: BlockDecoratorNode,
      importDOM: { figure: markedElement(ASSET_ATTRIBUTE, $convertFigure) },
    });
  }

  override afterCloneFrom(prevNode: this): void {
    super.afterCloneFrom(prevNode);
    this.__assetId = prevNode.__assetId;
    this.__altText = prevNode.__altText;
    this.__caption = prevNode.__caption;
    this.__credit = prevNode.__credit;
    this.__width = prevNode.__width;
    this.__height = prevNode.__height;
  }

  /** Sets every field from a payload, each read safely: not a text is '', not a size above 0 is 0. */
  private __setPayload(payload: Partial<Record<keyof InlineImagePayload, unknown>>): void {
    this.__assetId = text(payload.assetId);
    this.__altText = text(payload.altText);
    this.__caption = text(payload.caption);
    this.__credit = text(payload.credit);
    this.__width = positive(payload.width);
    this.__height = positive(payload.height);
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedInlineImageNode>): this {
    const node = super.updateFromJSON(serialized).getWritable();
    node.__setPayload(serialized);
    return node;
  }

  override exportJSON(): SerializedInlineImageNode {
    return { ...super.exportJSON(), ...this.getPayload() };
  }

  /**
   * A figure that names its asset; the exporters put the image's file name in `src` when they
   * write a package, since the bytes live in the library rather than in the document.
   */
  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const figure = doc.createElement('figure');
    figure.setAttribute(ASSET_ATTRIBUTE, this.__assetId);
    const img = doc.createElement('img');
    img.setAttribute('alt', this.__altText || this.__caption);
    if (this.__width > 0) img.setAttribute('width', String(this.__width));
    if (this.__height > 0) img.setAttribute('height', String(this.__height));
    figure.append(img);
    if (this.__caption !== '' || this.__credit !== '') {
      const figcaption = doc.createElement('figcaption');
      const caption = doc.createElement('span');
      caption.className = 'caption';
      caption.textContent = this.__caption;
      const credit = doc.createElement('span');
      credit.className = 'credit';
      credit.textContent = this.__credit;
      figcaption.append(caption, ' ', credit);
      figure.append(figcaption);
    }
    return { element: figure };
  }

  protected override themeKey(): string {
    return 'inlineImage';
  }

  getPayload(): InlineImagePayload {
    const self = this.getLatest();
    return {
      assetId: self.__assetId,
      altText: self.__altText,
      caption: self.__caption,
      credit: self.__credit,
      width: self.__width,
      height: self.__height,
    };
  }

  setPayload(payload: Partial<InlineImagePayload>): this {
    const self = this.getWritable();
    self.__setPayload(payload);
    return self;
  }

  getAssetId(): string {
    return this.getLatest().__assetId;
  }

  getCaption(): string {
    return this.getLatest().__caption;
  }

  getCredit(): string {
    return this.getLatest().__credit;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  setCaption(caption: string): this {
    const self = this.getWritable();
    self.__caption = caption;
    return self;
  }

  setCredit(credit: string): this {
    const self = this.getWritable();
    self.__credit = credit;
    return self;
  }

  setAltText(altText: string): this {
    const self = this.getWritable();
    self.__altText = altText;
    return self;
  }
}

/** A new image node: of the class the active editor registers for images (the editor's draws itself). */
export function $createInlineImageNode(payload: Partial<InlineImagePayload> = {}): InlineImageNode {
  return $create(InlineImageNode).setPayload(payload);
}

export function $isInlineImageNode(node: LexicalNode | null | undefined): node is InlineImageNode {
  return node instanceof InlineImageNode;
}
