import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the body's DOM; styled in editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  heading: {
    h1: 'ed-h1',
    h2: 'ed-h2',
    h3: 'ed-h3',
    h4: 'ed-h4',
    h5: 'ed-h5',
    h6: 'ed-h6',
  },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
    code: 'ed-code',
    subscript: 'ed-sub',
    superscript: 'ed-sup',
  },
  ltr: 'ed-ltr',
  rtl: 'ed-rtl',
  hr: 'ed-hr',
  hrSelected: 'ed-hr--selected',
  // Read by the body's own decorator nodes (nodes/InlineImageNode, nodes/AlsoSeeNode).
  inlineImage: 'ed-figure-block',
  alsoSee: 'ed-also-see',
  mark: 'ed-claim',
  markOverlap: 'ed-claim--overlap',
};
