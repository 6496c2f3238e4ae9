import {
  $getDocument,
  addClassNamesToElement,
  DecoratorNode,
  type DOMConversion,
  type DOMConversionOutput,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

/**
 * A block of the body between paragraphs (an image, an Also See). Lexical gives it a plain
 * wrapper carrying the theme's class and never patches it. Headless (an import, a test) it draws
 * nothing; the editor registers a subclass of each whose `decorate` draws it with React.
 */
export class BlockDecoratorNode extends DecoratorNode<unknown> {
  /** The editor theme's key for the wrapper's class (each block names its own). */
  protected themeKey(): string {
    return '';
  }

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
