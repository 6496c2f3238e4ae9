/**
 * What in a piece of HTML could run or navigate by itself: scripts (JSON-LD data blocks
 * excepted), event-handler attributes, javascript:, data: and vbscript: addresses, frames,
 * srcdoc, objects and embeds, forms, base and meta refresh, CSS expressions and imports.
 */
import { parseHtmlDocument } from './htmlDocument';
import { ACTIVE_ELEMENTS } from '../fixtures/xssPayloads';

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'srcset',
  'lowsrc',
  'dynsrc',
  'codebase',
  'cite',
  'ping',
]);

/** An address as a browser reads it: control characters and spaces anywhere are ignored in the scheme. */
function dangerousUrl(value: string): boolean {
  const scheme = Array.from(value)
    .filter((char) => {
      const code = char.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0xa0);
    })
    .join('')
    .toLowerCase();
  return /^(?:javascript|vbscript|data|livescript):/.test(scheme);
}

/** Every active part of `html`, described ("<img onerror>", "<a href=javascript:…>"); empty when there is none. */
export function activeContentIn(html: string): string[] {
  const doc = parseHtmlDocument(html);
  const found: string[] = [];
  for (const element of Array.from(doc.querySelectorAll('*'))) {
    const name = element.localName;
    if (name === 'script') {
      const type = (element.getAttribute('type') ?? '').trim().toLowerCase();
      if (type !== 'application/ld+json') found.push(`<script type="${type}">`);
      else {
        try {
          JSON.parse(element.textContent);
        } catch {
          found.push('<script type="application/ld+json"> that is not JSON');
        }
      }
    }
    if (ACTIVE_ELEMENTS.includes(name)) found.push(`<${name}>`);
    if (name === 'meta' && (element.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') {
      found.push('<meta http-equiv=refresh>');
    }
    if (name === 'style' && /expression\s*\(|javascript:|@import|behavior\s*:/i.test(element.textContent)) {
      found.push('<style> with an expression, import or script address');
    }
    // SVG animation can set an event handler or an address on its target.
    if (['set', 'animate', 'animatemotion', 'animatetransform'].includes(name)) {
      const target = (element.getAttribute('attributeName') ?? '').toLowerCase();
      if (target.startsWith('on') || target.endsWith('href')) found.push(`<${name} attributeName=${target}>`);
    }
    for (const attribute of Array.from(element.attributes)) {
      const attr = attribute.name.toLowerCase();
      if (attr.startsWith('on')) found.push(`<${name} ${attr}>`);
      if (attr === 'srcdoc') found.push(`<${name} srcdoc>`);
      if (URL_ATTRIBUTES.has(attr) && dangerousUrl(attribute.value)) {
        found.push(`<${name} ${attr}=${attribute.value.slice(0, 40)}>`);
      }
      if (
        attr === 'style' &&
        /expression\s*\(|javascript:|url\s*\(\s*['"]?\s*(?:javascript|data):/i.test(attribute.value)
      ) {
        found.push(`<${name} style=${attribute.value.slice(0, 40)}>`);
      }
    }
  }
  return found;
}

/** Markdown that a renderer would turn into active HTML: an unescaped "<", or a link to a javascript: or data: address. */
export function activeMarkdownIn(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const found: string[] = [];
  for (const match of body.matchAll(/(?<!\\)<[a-zA-Z!/?]/g))
    found.push(`raw markup at ${match.index}: ${body.slice(match.index, match.index + 40)}`);
  for (const match of body.matchAll(/\]\(\s*<?([^)\s]*)/g)) {
    if (dangerousUrl(match[1] ?? '')) found.push(`link to ${(match[1] ?? '').slice(0, 40)}`);
  }
  return found;
}
