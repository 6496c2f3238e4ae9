import {
  $getDocument,
  addClassNamesToElement,
  DecoratorNode,
  type DOMConversion,
  type DOMConversionOutput,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import type { JSX } from 'react';

/**
 * A block of the body drawn by React between paragraphs (an image, an Also See). Lexical gives it
 * a plain wrapper carrying the theme's class and never patches it: the component redraws itself.
 */
export abstract class BlockDecoratorNode extends DecoratorNode<JSX.Element> {
  /** The editor theme's key for the wrapper's class. */
  protected abstract themeKey(): string;

  override createDOM(config: EditorConfig): HTMLElement {
    const element = $getDocument().createElement('div');
    const className: unknown = config.theme[this.themeKey()];
    if (typeof className === 'string') addClassNamesToElement(element, className);
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }
}

/**
 * The import rule for an element our exporters mark with `attribute`: the mark's value (an id)
 * and the element make the node; an element without the mark, or with an empty one, is left to
 * the other rules.
 */
export function markedElement(
  attribute: string,
  $create: (value: string, element: HTMLElement) => LexicalNode,
): (element: HTMLElement) => DOMConversion | null {
  const conversion = (element: HTMLElement): DOMConversionOutput | null => {
    const value = element.getAttribute(attribute);
    return value === null || value === '' ? null : { node: $create(value, element) };
  };
  return (element) => (element.hasAttribute(attribute) ? { conversion, priority: 2 } : null);
}
