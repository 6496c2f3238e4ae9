import { MAX_IMAGE_BYTES } from '../../shared/api';
import { imageFacts } from '../services/assets';
import type { ImportedImage } from './importedArticle';
import { collapseSpace, imagePlaceholder } from './importedArticle';

/**
 * The bytes of a file a saved page refers to by a relative address ("story_files/photo.jpg"),
 * when the page came with its files ("Save page as… complete"); null when it did not.
 */
export type PageFiles = (relativePath: string) => Uint8Array | null;

/** The pictures of a page's article: those stored with it, and how many were left out and why. */
export type PagePictures = {
  images: ImportedImage[];
  /** Pictures whose bytes the saved page does not hold (an address on the web). */
  missing: number;
  /** Pictures whose bytes are there but are no JPEG, PNG, GIF or WebP image (SVG, damaged). */
  unusable: number;
};

/** The attribute that keeps each picture's address as the page wrote it, before Readability made it absolute. */
export const ORIGINAL_SRC = 'data-copydesk-src';

/** Records every picture's address as written, so a relative one can be found among the page's files. */
export function keepPictureAddresses(doc: Document): void {
  for (const img of Array.from(doc.getElementsByTagName('img'))) {
    const src = img.getAttribute('src');
    if (src !== null) img.setAttribute(ORIGINAL_SRC, src);
  }
}

/** Words that label a caption or credit for screen readers ("Image caption", "Credit") rather than saying anything. */
const LABEL = /^(?:(?:image|photo|picture|video|media)\s*)?(?:caption|copyright|credit|source)?\s*:?$/iu;

/**
 * The words a credit opens with, longest first, and whether they may stand before the name
 * with a space alone ("Image copyright Getty Images", "© Reuters"). The others need a colon
 * ("Photograph: Adrian Malloch") or to run on into the name, as a hidden label does
 * ("CreditJeon Heon-Kyun/EPA"): "Credit Suisse shares fell" is a caption.
 */
const CREDIT_LABELS: readonly (readonly [label: string, spaceAlone: boolean])[] = [
  ['image copyright', true],
  ['photograph', false],
  ['copyright', true],
  ['credits', false],
  ['credit', false],
  ['picture', false],
  ['source', false],
  ['photo', false],
  ['image', false],
  ['foto', false],
  ['©', true],
];
/** A credit given in the caption's own text: "… grew up. Photograph: Adrian Malloch". */
const CREDIT_IN_CAPTION = /\s(?:Photograph|Photo|Picture|Image|Credit|Foto|Source):\s+(\S.*)$/u;
/** An element that holds a picture's credit, or its caption, by its class. */
const CREDIT_CLASS = /credit|copyright|attribution/iu;
const CAPTION_CLASS = /caption/iu;

/** The number of characters of the credit label `text` opens with ("Credit", "Photograph: "), or 0. */
function labelLength(text: string): number {
  const lower = text.toLowerCase();
  for (const [label, spaceAlone] of CREDIT_LABELS) {
    if (!lower.startsWith(label)) continue;
    const after = text.slice(label.length);
    const separator = /^\s*:\s*/u.exec(after)?.[0] ?? '';
    if (separator !== '') return label.length + separator.length;
    const next = after.charAt(0);
    if (next !== '' && next !== next.toLowerCase()) return label.length;
    if (spaceAlone && /^\s+\S/u.test(after)) return label.length + (/^\s+/u.exec(after)?.[0].length ?? 0);
  }
  return 0;
}

/** Elements a picture's placeholder may not sit in: it would become a list item's or a quotation's text. */
const SWALLOWING = new Set(['UL', 'OL', 'LI', 'BLOCKQUOTE', 'DL']);

/** Pictures this small are spacers, tracking pixels or rules, not pictures of the story. */
const SPACER_PIXELS = 24;

/** A credit without its labels; hidden ones are often doubled: "CreditCreditJeon Heon-Kyun/EPA". */
function creditOf(text: string): string {
  let credit = collapseSpace(text);
  for (let cut = labelLength(credit); cut > 0 && cut < credit.length; cut = labelLength(credit)) {
    credit = credit.slice(cut);
  }
  return credit;
}

/** An element's words without those of its parts that are labels alone ("Credit", "Image caption"). */
function withoutLabels(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const part of Array.from(copy.querySelectorAll('*'))) {
    if (part.children.length === 0 && LABEL.test(collapseSpace(part.textContent))) part.remove();
  }
  return collapseSpace(copy.textContent);
}

function holdsPicture(element: Element): boolean {
  return element.tagName === 'IMG' || element.tagName === 'FIGURE' || element.querySelector('img') !== null;
}

/** The most text a picture's own wrapper holds besides it ("View this image ›"), and its words at most. */
const WRAPPER_TEXT = 60;
const CAPTION_TEXT = 1000;
/** The most text a caption or credit left without its picture holds; longer, it is more than that. */
const ORPHAN_TEXT = 300;

function isCaptionHolder(element: Element, afterFigure: boolean): boolean {
  if (holdsPicture(element) || collapseSpace(element.textContent).length > CAPTION_TEXT) return false;
  const inner = element.tagName === 'FIGCAPTION' ? element : element.querySelector('figcaption');
  if (inner !== null && collapseSpace(inner.textContent) === collapseSpace(element.textContent)) return true;
  if (CAPTION_CLASS.test(element.getAttribute('class') ?? '')) return true;
  // A photo essay's caption: a one-item list right after the figure.
  return afterFigure && (element.tagName === 'UL' || element.tagName === 'OL') && element.children.length === 1;
}

/**
 * The element that holds a picture's caption when its figure has none of its own: the next
 * element after the picture, or after a wrapper that holds little but the picture, when it is
 * a figcaption, a caption by its class, or — after a figure — a one-item list.
 */
function captionAfter(figure: Element, container: Element): Element | null {
  let node: Element = figure;
  for (let level = 0; level < 4; level += 1) {
    let next: Element | null = node.nextElementSibling;
    // An empty element between them (a paragraph the parser closed early) is passed over.
    while (next !== null && next.textContent.trim() === '' && !holdsPicture(next)) next = next.nextElementSibling;
    if (next !== null) {
      if (isCaptionHolder(next, node === figure && figure.tagName === 'FIGURE')) return next;
      if (holdsPicture(next)) return null;
    }
    const parent = node.parentElement;
    if (parent === null || parent === container || collapseSpace(parent.textContent).length > WRAPPER_TEXT) return null;
    node = parent;
  }
  return null;
}

/**
 * The caption a lone picture's paragraph gives it: the paragraph holds the picture and, after
 * a line break, one run of italic or small text ("<img><br><em>A new study…</em>").
 */
function captionBeside(img: Element): Element | null {
  const paragraph = img.parentElement;
  if (paragraph?.tagName !== 'P') return null;
  const rest = Array.from(paragraph.childNodes).filter(
    (node) => node !== img && node.nodeName !== 'BR' && (node.textContent ?? '').trim() !== '',
  );
  const only = rest.length === 1 ? rest[0] : undefined;
  return only !== undefined && ['EM', 'I', 'SMALL', 'CITE'].includes(only.nodeName) ? (only as Element) : null;
}

/**
 * The caption and credit a picture prints, without the labels meant for screen readers, and
 * the elements that hold them (to be removed with the picture).
 */
function wordsOf(figure: Element, container: Element): { caption: string; credit: string; holders: Element[] } {
  const own = figure.tagName === 'FIGURE' ? figure.querySelector('figcaption') : null;
  const holder = own === null ? captionAfter(figure, container) : null;
  const copy = figure.cloneNode(true) as Element;
  if (holder !== null) copy.append(holder.cloneNode(true));
  const credits: string[] = [];
  for (const element of Array.from(copy.querySelectorAll('*'))) {
    if (!copy.contains(element)) continue;
    const text = collapseSpace(element.textContent);
    if (text === '') continue;
    const labelled = labelLength(text);
    const isCredit = CREDIT_CLASS.test(element.getAttribute('class') ?? '');
    if (isCredit || (labelled > 0 && labelled < text.length)) {
      // A credit's own label for screen readers, set apart by a space ("Credit Ashraf Shazly/AFP"), goes first.
      const credit = creditOf(isCredit ? withoutLabels(element) : text);
      if (credit !== '' && !credits.includes(credit)) credits.push(credit);
      element.remove();
    } else if (element.children.length === 0 && LABEL.test(text)) {
      element.remove();
    }
  }
  let caption = collapseSpace(copy.textContent);
  if (LABEL.test(caption)) caption = '';
  const inCaption = CREDIT_IN_CAPTION.exec(caption);
  if (inCaption !== null) {
    credits.push(collapseSpace(inCaption[1] ?? ''));
    caption = caption.slice(0, inCaption.index).trim();
  }
  return { caption, credit: credits.join('; '), holders: holder === null ? [] : [holder] };
}

function dataUriBytes(src: string): Uint8Array | null {
  const match = /^data:image\/[\w.+-]+(;[^,]*)?,(.*)$/isu.exec(src.trim());
  if (match === null) return null;
  const base64 = /;base64/iu.test(match[1] ?? '');
  const data = match[2] ?? '';
  // A data address no larger than an image may be: 4 characters of base64 hold 3 bytes.
  if (data.length > (MAX_IMAGE_BYTES / 3) * 4 + 4) return null;
  try {
    return base64 ? Buffer.from(data, 'base64') : Buffer.from(decodeURIComponent(data), 'utf8');
  } catch {
    return null;
  }
}

/** A relative address as a path inside the page's folder, or null for one that is absolute or leaves it. */
function relativePath(src: string): string | null {
  const clean = src.trim().split(/[?#]/u)[0] ?? '';
  if (clean === '' || /^[a-z][a-z\d+.-]*:/iu.test(clean) || clean.startsWith('/') || clean.startsWith('\\'))
    return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    decoded = clean;
  }
  const parts: string[] = [];
  for (const part of decoded.replace(/\\/gu, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return null;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts.join('/');
}

/** A picture's file name: its own when the page names a file, else "picture-2.jpg". */
function nameOf(src: string, index: number, mimeType: string): string {
  const file = relativePath(src)?.split('/').pop();
  return file ?? `picture-${index + 1}.${mimeType.replace(/^image\//u, '').replace('jpeg', 'jpg')}`;
}

function isSpacer(img: Element): boolean {
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  return (width > 0 && width < SPACER_PIXELS) || (height > 0 && height < SPACER_PIXELS);
}

/** Where a picture's placeholder goes: in place of its figure, or after the list or quotation that holds it. */
function placeFor(element: Element, container: Element): Element {
  let place = element;
  for (let parent = element.parentElement; parent !== null && parent !== container; parent = parent.parentElement) {
    if (SWALLOWING.has(parent.tagName)) place = parent;
  }
  return place;
}

/**
 * Takes the pictures out of a page's article (a DOM in the work window, before it is
 * sanitised): each figure, or lone picture, whose bytes the page holds (a data: address, or a
 * file saved beside it) becomes a placeholder paragraph and an image with its caption and
 * credit; every other picture is removed with its caption, and counted. Labels for screen
 * readers ("Image caption", "Credit") go with it, so none is left in the text.
 */
export function takePictures(container: Element, files: PageFiles | null): PagePictures {
  const doc = container.ownerDocument;
  const result: PagePictures = { images: [], missing: 0, unusable: 0 };
  for (const first of Array.from(container.querySelectorAll('img'))) {
    if (!container.contains(first)) continue;
    const beside = first.closest('figure') === null ? captionBeside(first) : null;
    // The unit a picture and its words make: its figure (a gallery's several pictures share one), or the picture alone.
    const figure =
      beside?.parentElement ??
      first.closest('figure') ??
      (first.parentElement?.tagName === 'PICTURE' ? first.parentElement : first);
    const words = wordsOf(figure, container);
    const taken: ImportedImage[] = [];
    for (const img of figure.tagName === 'IMG' ? [figure] : Array.from(figure.querySelectorAll('img'))) {
      const outcome = readPicture(img, files, words);
      if (outcome === 'missing') result.missing += 1;
      else if (outcome === 'unusable') result.unusable += 1;
      else if (outcome !== 'spacer') {
        const first = taken.length === 0;
        taken.push({
          bytes: outcome.bytes,
          altText: outcome.altText,
          name: nameOf(outcome.src, result.images.length + taken.length, outcome.mimeType),
          // A gallery's caption and credit go with its first picture.
          caption: first ? words.caption.slice(0, 1000) : '',
          credit: first ? words.credit.slice(0, 300) : '',
          placeholder: imagePlaceholder(result.images.length + taken.length),
        });
      }
    }
    for (const holder of words.holders) holder.remove();
    if (taken.length === 0) {
      // A spacer inside a paragraph of text goes alone; anything else goes with its words.
      if (figure === first || figure.textContent.trim() === '' || words.caption !== '' || words.credit !== '') {
        figure.remove();
      } else {
        first.remove();
      }
      continue;
    }
    const paragraphs = taken.map((image) => {
      const paragraph = doc.createElement('p');
      paragraph.textContent = image.placeholder;
      return paragraph;
    });
    result.images.push(...taken);
    const place = placeFor(figure, container);
    place.after(...paragraphs);
    figure.remove();
  }
  // Words of pictures the page's reader already left out: a credit or caption with no picture.
  for (const element of Array.from(container.querySelectorAll('[class]'))) {
    const className = element.getAttribute('class') ?? '';
    if (!container.contains(element) || !(CREDIT_CLASS.test(className) || CAPTION_CLASS.test(className))) continue;
    if (holdsPicture(element) || element.querySelector('h1, h2, h3, h4, h5, h6, p p') !== null) continue;
    const text = collapseSpace(element.textContent);
    if (text !== '' && text.length <= ORPHAN_TEXT) element.remove();
  }
  return result;
}

/**
 * What one picture is: its bytes as an image to store (name, bytes, alternative text), or why
 * it is not stored — a spacer, bytes the page does not hold, bytes that are no usable image.
 */
function readPicture(
  img: Element,
  files: PageFiles | null,
  words: { caption: string; credit: string },
): 'spacer' | 'missing' | 'unusable' | { src: string; bytes: Uint8Array; altText: string; mimeType: string } {
  if (isSpacer(img)) return 'spacer';
  const altText = collapseSpace(img.getAttribute('alt') ?? '').slice(0, 1000);
  let bytes: Uint8Array | null = null;
  let src = '';
  for (const candidate of [img.getAttribute('src') ?? '', img.getAttribute(ORIGINAL_SRC) ?? '']) {
    const path = relativePath(candidate);
    bytes = dataUriBytes(candidate) ?? (path === null || files === null ? null : files(path));
    if (bytes !== null) {
      src = candidate;
      break;
    }
  }
  if (bytes === null) return 'missing';
  const facts = imageFacts(bytes);
  if (facts === null) return 'unusable';
  // A one-pixel stand-in for a picture loaded later (a "lazy" image) stands for a picture the page does not hold.
  if (facts.width < SPACER_PIXELS || facts.height < SPACER_PIXELS) {
    return altText !== '' || words.caption !== '' || words.credit !== '' ? 'missing' : 'spacer';
  }
  return { src, bytes, altText, mimeType: facts.mimeType };
}

/** A line for the import report about pictures left out, or null when none was. */
export function picturesNote(pictures: PagePictures): string | null {
  const parts: string[] = [];
  if (pictures.missing > 0) {
    parts.push(
      pictures.missing === 1
        ? '1 picture was not in the saved page'
        : `${pictures.missing.toLocaleString('en')} pictures were not in the saved page`,
    );
  }
  if (pictures.unusable > 0) {
    parts.push(
      pictures.unusable === 1
        ? '1 picture is in a format Copydesk cannot use (only JPEG, PNG, GIF and WebP)'
        : `${pictures.unusable.toLocaleString('en')} pictures are in a format Copydesk cannot use (only JPEG, PNG, GIF and WebP)`,
    );
  }
  if (parts.length === 0) return null;
  return `${parts.join('; ')}: left out with their captions. Save the page complete, with its files, to bring them in, or add them by hand.`;
}
