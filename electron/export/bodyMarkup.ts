import { escapeHtml } from '../../shared/escapeHtml';
import type { Block, Inline, ListBlock } from './exportBody';
import { hasText, TEXT_FORMAT } from './exportBody';
import type { ExportData } from './exportData';
import { alsoSeeKey } from './exportData';

/** Characters XML 1.0 does not allow anywhere, not even escaped; a stray one would make the file unreadable. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text made safe for XML and HTML content and quoted attribute values: markup characters
 * escaped, characters XML forbids dropped.
 */
export function escapeMarkup(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

const FORMAT_TAGS: readonly (readonly [number, string])[] = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
];

function inlineMarkup(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'text': {
          const tags = FORMAT_TAGS.filter(([bit]) => (inline.format & bit) !== 0).map(([, tag]) => tag);
          return `${tags.map((tag) => `<${tag}>`).join('')}${escapeMarkup(inline.text)}${tags
            .reverse()
            .map((tag) => `</${tag}>`)
            .join('')}`;
        }
        case 'dateline':
          return `<span class="dateline">${escapeMarkup(inline.text)}</span> `;
        case 'break':
          return '<br />';
        case 'link':
          return `<a href="${escapeMarkup(inline.url)}" rel="noreferrer">${inlineMarkup(inline.children)}</a>`;
        case 'mark':
          return inlineMarkup(inline.children);
      }
    })
    .join('');
}

function listMarkup(list: ListBlock): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start = list.ordered && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items
    .map((item) => `<li>${inlineMarkup(item.children)}${item.lists.map(listMarkup).join('')}</li>`)
    .join('');
  return `<${tag}${start}>${items}</${tag}>`;
}

/** Where each format finds an image's file, and how Also See links are addressed. */
export type MarkupOptions = { imageSrc: (assetId: string) => string | null };

/** A figure: the picture, what it shows and who took it. */
export function figureMarkup(
  src: string,
  image: { altText: string; caption: string; credit: string; width: number; height: number },
  className: string,
): string {
  const size = `${image.width > 0 ? ` width="${image.width}"` : ''}${image.height > 0 ? ` height="${image.height}"` : ''}`;
  const caption =
    image.caption === '' && image.credit === ''
      ? ''
      : `<figcaption>${image.caption === '' ? '' : `<span class="caption">${escapeMarkup(image.caption)}</span>`}${
          image.caption !== '' && image.credit !== '' ? ' ' : ''
        }${image.credit === '' ? '' : `<span class="credit">${escapeMarkup(image.credit)}</span>`}</figcaption>`;
  return `<figure class="${className}"><img src="${escapeMarkup(src)}" alt="${escapeMarkup(image.altText || image.caption)}"${size} />${caption}</figure>`;
}

function blockMarkup(block: Block, data: ExportData, options: MarkupOptions): string {
  switch (block.kind) {
    case 'paragraph':
      return hasText(block.children) ? `<p>${inlineMarkup(block.children)}</p>` : '';
    case 'heading':
      return hasText(block.children) ? `<h${block.level}>${inlineMarkup(block.children)}</h${block.level}>` : '';
    case 'quote':
      return hasText(block.children) ? `<blockquote><p>${inlineMarkup(block.children)}</p></blockquote>` : '';
    case 'list':
      return listMarkup(block);
    case 'rule':
      return '<hr />';
    case 'image': {
      const src = options.imageSrc(block.assetId);
      return src === null ? '' : figureMarkup(src, block, 'inline-image');
    }
    case 'also-see': {
      const linked = data.alsoSee.get(alsoSeeKey(block));
      if (linked === null || linked === undefined) return '';
      // A library story links to its public address when one is known; otherwise its headline is text.
      const id = linked.id === null ? '' : ` data-also-see="${escapeMarkup(linked.id)}"`;
      const headline = escapeMarkup(linked.headline);
      const target =
        linked.url === null
          ? `<cite>${headline}</cite>`
          : `<a href="${escapeMarkup(linked.url)}" rel="noreferrer">${headline}</a>`;
      return `<aside class="also-see"${id}><p><strong>Also See:</strong> ${target}</p></aside>`;
    }
  }
}

/**
 * The body as XHTML-compatible markup (valid HTML5 and well-formed XML): every piece of text
 * escaped, links only to web and mail addresses, images pointing into the package.
 */
export function bodyMarkup(data: ExportData, options: MarkupOptions): string {
  return data.blocks
    .map((block) => blockMarkup(block, data, options))
    .filter((markup) => markup !== '')
    .join('\n');
}

/** The package path of each image, for `imageSrc`. */
export function packageImageSrc(data: ExportData): (assetId: string) => string | null {
  const paths = new Map<string, string>(data.images.map((image) => [image.asset.id, image.path]));
  return (assetId) => paths.get(assetId) ?? null;
}
