/** Lexical's text format bits (TextNode.__format), by the names its FORMAT_TEXT_COMMAND takes. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export type TextFormatName = keyof typeof TEXT_FORMAT;

export const TEXT_FORMAT_NAMES = Object.keys(TEXT_FORMAT) as TextFormatName[];

export function isTextFormatName(value: unknown): value is TextFormatName {
  return typeof value === 'string' && Object.hasOwn(TEXT_FORMAT, value);
}

/** `format` with `name` set on (`on` true) or off. */
export function withFormat(format: number, name: TextFormatName, on: boolean): number {
  return on ? format | TEXT_FORMAT[name] : format & ~TEXT_FORMAT[name];
}

/** How a format is named in a sentence: "bold", "in italics", "as code". */
export const FORMAT_WORDS: { readonly [N in TextFormatName]: string } = {
  bold: 'bold',
  italic: 'italic',
  strikethrough: 'struck through',
  underline: 'underlined',
  code: 'code',
  subscript: 'subscript',
  superscript: 'superscript',
};
