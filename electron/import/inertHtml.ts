/**
 * Takes out of a saved page what an article import never uses and what makes parsing it slow:
 * scripts (JSON-LD metadata excepted), style sheets, inline SVG drawings, comments and the
 * attributes no import reads. Style attributes are reduced to the one thing Readability reads
 * from them, whether the element is hidden. Text is passed through unchanged.
 *
 * A single pass over the text that follows the HTML tokenizer's rules where it matters (raw
 * text elements end only at their own end tag; quoted attribute values may hold ">"), so its
 * cost grows with the size of the page and nothing else.
 */

/** Elements whose content is raw text: copied verbatim, or dropped when listed in DROPPED. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const DROPPED = new Set(['style']);

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The end of the tag starting at `start` ("<"), just after its ">", or the end of the text. */
function tagEnd(html: string, start: number): number {
  let i = start + 1;
  while (i < html.length) {
    const char = html[i];
    if (char === '>') return i + 1;
    if (char === '=') {
      i += 1;
      while (i < html.length && /\s/.test(html[i] ?? '')) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) return html.length;
        i = close + 1;
        continue;
      }
      continue;
    }
    i += 1;
  }
  return html.length;
}

/**
 * The attributes kept: those Readability reads (ids and classes for scoring, roles and hidden
 * flags for visibility, itemprop and rel for bylines, image and table hints) and those the
 * metadata comes from. Event handlers, data attributes and the like make parsing slower and
 * are of no use to an import.
 */
const KEPT_ATTRIBUTES = new Set([
  'id',
  'class',
  'href',
  'src',
  'rel',
  'role',
  'itemprop',
  'hidden',
  'aria-hidden',
  'aria-modal',
  'lang',
  'dir',
  'name',
  'property',
  'content',
  'type',
  'colspan',
  'rowspan',
  'datatable',
  'summary',
  'datetime',
  // A picture's words and size (its alternative text, whether it is a spacer), and the
  // address of one loaded late ("lazy"), which Readability puts in its place.
  'alt',
  'data-src',
  'width',
  'height',
]);

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** A start tag with only the kept attributes, its style reduced to whether the element is hidden. */
function rewriteStartTag(tag: string, name: string): string {
  const body = tag.slice(name.length + 1, tag.endsWith('/>') ? -2 : tag.endsWith('>') ? -1 : undefined);
  const kept: string[] = [];
  for (const match of body.matchAll(ATTRIBUTE)) {
    const attribute = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4];
    if (attribute === 'style') {
      const css = (value ?? '').toLowerCase();
      if (/display\s*:\s*none/.test(css)) kept.push('style="display:none"');
      else if (/visibility\s*:\s*hidden/.test(css)) kept.push('style="visibility:hidden"');
    } else if (KEPT_ATTRIBUTES.has(attribute)) {
      kept.push(value === undefined ? attribute : `${attribute}="${value.replace(/"/g, '&quot;')}"`);
    }
  }
  return `<${name}${kept.length > 0 ? ` ${kept.join(' ')}` : ''}${tag.endsWith('/>') ? '/>' : '>'}`;
}

function tagName(tag: string): string {
  return /^<\/?([a-zA-Z][^\s/>]*)/.exec(tag)?.[1] ?? '';
}

/** The index of `</name` (followed by white space, "/" or ">") at or after `from`, or -1. */
function endTagOf(lower: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    at = lower.indexOf(`</${name}`, at);
    if (at < 0) return -1;
    const next = lower[at + name.length + 2];
    if (next === undefined || next === '>' || next === '/' || /\s/.test(next)) return at;
    at += 1;
  }
}

/** `html` without what no import reads (see the top of this file); text is left as it was. */
export function stripInertHtml(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  let copyFrom = 0;
  let svgDepth = 0;
  const emit = (text: string) => {
    if (svgDepth === 0) out.push(text);
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (svgDepth === 0) out.push(html.slice(copyFrom, lt));
    copyFrom = lt;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
      copyFrom = i;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    const closing = next === 0x2f;
    if (!isLetter(closing ? html.charCodeAt(lt + 2) : next)) {
      // "<" that opens no tag is text.
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    const tag = html.slice(lt, end);
    const rawName = tagName(tag);
    const name = rawName.toLowerCase();
    i = end;
    copyFrom = end;
    if (name === 'svg') {
      if (closing) svgDepth = Math.max(0, svgDepth - 1);
      else if (!tag.endsWith('/>')) svgDepth += 1;
      continue;
    }
    if (!closing && RAW_TEXT.has(name)) {
      const close = endTagOf(lower, name, end);
      const closeEnd = close < 0 ? html.length : tagEnd(html, close);
      const keep = !DROPPED.has(name) && (name !== 'script' || /type\s*=\s*["']?application\/ld\+json/i.test(tag));
      if (keep) emit(rewriteStartTag(tag, rawName) + html.slice(end, closeEnd));
      i = closeEnd;
      copyFrom = closeEnd;
      continue;
    }
    emit(closing ? tag : rewriteStartTag(tag, rawName));
  }
  if (svgDepth === 0) out.push(html.slice(copyFrom));
  return out.join('');
}

/** Elements that never have content: they open no level. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements a parser closes by itself when the next one opens (a <p> ends the <p> before it): they add no depth alone. */
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
  'rtc',
  'colgroup',
  'caption',
  'html',
  'head',
  'body',
]);

/**
 * How deeply the elements of `html` nest, counted from its tags in one pass (start tags minus
 * end tags, leaving out elements that cannot nest in themselves). Parsing and reading a page
 * takes time growing with the cube of its depth — a page nested 10,000 levels would hold an
 * import for minutes, then overflow the stack — so the depth is known before anything parses it.
 */
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let at = html.indexOf('<');
  while (at >= 0) {
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      if (close < 0) break;
      at = html.indexOf('<', close + 3);
      continue;
    }
    const closing = html.charCodeAt(at + 1) === 0x2f;
    const nameStart = closing ? at + 2 : at + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    const end = html.indexOf('>', nameStart);
    // A tag that never ends: nothing after it is markup.
    if (end < 0) break;
    let nameEnd = nameStart;
    while (nameEnd < end && !/[\s/]/.test(html[nameEnd] ?? ' ')) nameEnd += 1;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    if (!VOID_ELEMENTS.has(name) && !SELF_CLOSING_SIBLINGS.has(name)) {
      if (closing) depth = Math.max(0, depth - 1);
      else if (html[end - 1] !== '/') {
        depth += 1;
        if (depth > deepest) deepest = depth;
      }
    }
    at = html.indexOf('<', end + 1);
  }
  return deepest;
}

/** Deeper than any page seen in the wild (news sites nest 15 to 35 levels); browsers stop nesting at 512. */
export const MAX_HTML_NESTING = 256;

/**
 * Runs of empty elements of one kind ("<li><li><li>…", "<p></p><p></p>…") collapsed to one
 * (closed with nothing inside, or a paragraph or list item the next one closes at once):
 * they hold nothing an import keeps, and Readability's time grows with the square of their
 * number (8,000 empty list items: 40 s).
 */
export function collapseEmptyRuns(html: string): string {
  return (
    html
      // Closed and empty: <p></p>, <span class="x"></span>.
      .replace(
        /(<(li|p|span|a|div|td|tr|dt|dd|option|font|b|i|em|strong|section)\b[^>]*>\s*<\/\2>\s*)(?:<\2\b[^>]*>\s*<\/\2>\s*){2,}/gi,
        '$1',
      )
      // Left open where the next of its kind closes it: <li><li>, <p><p>.
      .replace(/(<(li|p|dt|dd|option|td|tr)\b[^>]*>\s*)(?:<\2\b[^>]*>\s*(?=<\2\b)){2,}/gi, '$1')
  );
}
