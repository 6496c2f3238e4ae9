import { Readability } from '@mozilla/readability';

import { LanguageSchema } from '../../shared/domain';
import { bodyToPlainText } from '../../shared/text';
import { decodeEntities, parsePageDocument } from './domWindow';
import { pageArticle } from './htmlToBody';
import type { PageFiles } from './pagePictures';
import { keepPictureAddresses, picturesNote } from './pagePictures';
import { collapseEmptyRuns, stripInertHtml } from './inertHtml';
import type { ImportedArticle, ImportedAuthor } from './importedArticle';
import { blankImport, calendarDate, collapseSpace, cutAtWord, headlineFromFileName } from './importedArticle';
import { checkHtmlNesting, refuse } from './importFormats';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** schema.org types that are an article, news-like ones first. */
const NEWS_TYPES =
  /^(?:NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle)$/;
const ARTICLE_TYPES =
  /^(?:Article|BlogPosting|LiveBlogPosting|Report|SatiricalArticle|ScholarlyArticle|TechArticle|SocialMediaPosting|AdvertiserContentArticle)$/;

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in a JSON-LD document, looking inside lists and @graph. */
function* objectsOf(value: Json | undefined): Generator<JsonObject> {
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsOf(item);
  } else if (isObject(value)) {
    yield value;
    if (value['@graph'] !== undefined) yield* objectsOf(value['@graph']);
  }
}

/** The page's schema.org article object (NewsArticle preferred), if its JSON-LD has one. */
function jsonLdArticle(doc: Document): JsonObject | null {
  let article: JsonObject | null = null;
  const scripts = Array.from(doc.getElementsByTagName('script')).filter(
    (script) => script.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json',
  );
  for (const script of scripts) {
    const text = script.textContent
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
      .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
      .trim();
    let parsed: Json;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      continue;
    }
    for (const node of objectsOf(parsed)) {
      const types = typesOf(node);
      if (types.some((type) => NEWS_TYPES.test(type))) return node;
      if (article === null && types.some((type) => ARTICLE_TYPES.test(type))) article = node;
    }
  }
  return article;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? collapseSpace(decodeEntities(value)) : '';
}

/** The name of a schema.org Person or Organization, or a plain string. */
function nameOf(value: Json | undefined): string {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.length > 0 ? nameOf(value[0]) : '';
  if (isObject(value)) return text(value.name);
  return '';
}

function firstUrl(value: Json | undefined): string {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const url = firstUrl(item);
      if (url !== '') return url;
    }
    return '';
  }
  if (isObject(value)) return firstUrl(value.url ?? value['@id'] ?? value['@list'] ?? value.contentUrl);
  return '';
}

function webUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '';
  } catch {
    return '';
  }
}

/** A byline as an author's name: "By " dropped; dates, times and addresses are not names. */
function authorName(byline: string): string {
  const name = collapseSpace(byline)
    .replace(/^by\s+/iu, '')
    .replace(/[,;|]+$/, '')
    .trim();
  if (name === '' || name.length > 200) return '';
  if (/^(?:https?:|www\.)/i.test(name)) return '';
  if (/\b(?:1[89]|20)\d\d\b/.test(name) || /\d{1,2}:\d{2}/.test(name)) return '';
  return name;
}

function languageTag(value: string): string | null {
  const tag = value.trim().replace(/_/g, '-');
  return tag !== '' && LanguageSchema.safeParse(tag).success ? tag : null;
}

/** The first non-empty value. */
function first(...values: readonly (string | null | undefined)[]): string {
  for (const value of values) {
    const clean = value === null || value === undefined ? '' : collapseSpace(value);
    if (clean !== '') return clean;
  }
  return '';
}

type MetaTags = { byProperty: Map<string, string>; byName: Map<string, string>; tags: string[] };

/** The page's meta tags, read in one pass: selector queries are slow in jsdom. */
function readMetaTags(doc: Document): MetaTags {
  const meta: MetaTags = { byProperty: new Map(), byName: new Map(), tags: [] };
  for (const element of Array.from(doc.getElementsByTagName('meta'))) {
    const content = element.getAttribute('content');
    if (content === null) continue;
    const property = element.getAttribute('property')?.trim().toLowerCase();
    const name = element.getAttribute('name')?.trim().toLowerCase();
    if (property === 'article:tag') meta.tags.push(collapseSpace(content));
    if (property !== undefined && !meta.byProperty.has(property)) meta.byProperty.set(property, content);
    if (name !== undefined && !meta.byName.has(name)) meta.byName.set(name, content);
  }
  return meta;
}

/**
 * The content of the first of `keys` the page has: OpenGraph tags by their `property` (as the
 * protocol defines them), others (description, twitter:…) by their `name`.
 */
function metaContent(meta: MetaTags, ...keys: readonly string[]): string {
  for (const key of keys) {
    const map = /^(?:og|article):/i.test(key) ? meta.byProperty : meta.byName;
    const content = collapseSpace(decodeEntities(map.get(key) ?? ''));
    if (content !== '') return content;
  }
  return '';
}

/** What separates a headline from the site or author a page's title adds: "|", " - ", " — ", "_", "::", "·". */
const SEPARATOR = String.raw`\s*(?:[|_·•»]|::|\s[-–—:]\s)\s*`;
const TITLE_PARTS = new RegExp(SEPARATOR, 'gu');
const SEPARATOR_FIRST = new RegExp(`^${SEPARATOR}\\S`, 'u');
const SEPARATOR_LAST = new RegExp(`${SEPARATOR}$`, 'u');

/** A name as titles are compared: case, "the", punctuation and spacing ignored. */
function foldName(name: string): string {
  return collapseSpace(name)
    .toLocaleLowerCase()
    .replace(/^@/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The headline without the site's or author's name the page's title adds at its end ("… |
 * Eleanor Ainge Roy", "… - BBC News", "…_科技_腾讯网"): a trailing part is dropped when the
 * page's metadata names it (site, publisher, author, its account), or when the article's own
 * heading is the title up to a separator. What is left must still read as a headline.
 */
export function headlineWithoutSite(title: string, names: readonly string[], headings: readonly string[]): string {
  let headline = collapseSpace(title);
  for (const heading of headings) {
    const clean = collapseSpace(heading);
    // The heading must be most of the title: a site's logo heading ("BBC News") is not the headline.
    if (
      clean.length >= Math.max(10, headline.length / 2) &&
      headline.startsWith(clean) &&
      headline.length > clean.length
    ) {
      if (SEPARATOR_FIRST.test(headline.slice(clean.length))) return clean;
    }
  }
  const known = new Set(names.map(foldName).filter((name) => name.length >= 2));
  for (;;) {
    const parts = headline.split(TITLE_PARTS);
    const last = parts.length > 1 ? parts[parts.length - 1] : undefined;
    if (last === undefined || !known.has(foldName(last))) return headline;
    const cut = headline.lastIndexOf(last);
    const rest = headline.slice(0, cut).replace(SEPARATOR_LAST, '');
    if (foldName(rest).length < 4 || known.has(foldName(rest))) return headline;
    headline = rest;
  }
}

/** The texts of the page's top-level headings, read before Readability changes the page. */
function headingTexts(doc: Document): string[] {
  return Array.from(doc.getElementsByTagName('h1'))
    .slice(0, 5)
    .map((heading) => heading.textContent);
}

/**
 * Reads a saved web page: the article's text through Readability, and its headline, authors,
 * date, site, language, dek, section, tags and lead image address from the page's JSON-LD
 * NewsArticle first, then its OpenGraph tags, then what Readability found. Nothing is fetched:
 * the lead image stays an address.
 */
export function parseWebPage(html: string, fileName: string, files: PageFiles | null = null): ImportedArticle {
  const stripped = collapseEmptyRuns(stripInertHtml(html));
  checkHtmlNesting(fileName, stripped);
  const doc = parsePageDocument(stripped);
  {
    const ld = jsonLdArticle(doc) ?? {};
    const meta = readMetaTags(doc);
    const mainEntity = ld.mainEntityOfPage;
    const url = webUrl(
      first(
        text(ld.url),
        isObject(mainEntity) ? text(mainEntity['@id']) : text(mainEntity),
        metaContent(meta, 'og:url'),
        Array.from(doc.getElementsByTagName('link'))
          .find((link) => link.getAttribute('rel')?.toLowerCase() === 'canonical')
          ?.getAttribute('href'),
      ),
    );
    // Relative links in the article resolve against the page's own address.
    if (url !== '' && !Array.from(doc.getElementsByTagName('base')).some((base) => base.hasAttribute('href'))) {
      const base = doc.createElement('base');
      base.setAttribute('href', url);
      doc.head.prepend(base);
    }
    // An OpenGraph object of type "website" is the site, and its title the site's.
    const ogIsSite = metaContent(meta, 'og:type').toLowerCase() === 'website';
    const og = {
      title: ogIsSite ? '' : metaContent(meta, 'og:title'),
      site: metaContent(meta, 'og:site_name'),
      image: metaContent(meta, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image'),
      description: metaContent(meta, 'og:description'),
      locale: metaContent(meta, 'og:locale'),
      published: metaContent(meta, 'article:published_time'),
      author: metaContent(meta, 'article:author'),
      section: metaContent(meta, 'article:section'),
    };
    const description = metaContent(meta, 'description');
    const headings = headingTexts(doc);
    const documentTitle = collapseSpace(doc.getElementsByTagName('title')[0]?.textContent ?? '');

    keepPictureAddresses(doc);
    // Classes are kept for pageArticle to tell a caption or a credit by; sanitising drops them.
    const readable = new Readability(doc, { keepClasses: true }).parse();
    if (readable === null || typeof readable.content !== 'string') {
      throw refuse(`${fileName} has no article text Copydesk can find: it may be an index page or an empty page.`);
    }
    const { body, snapshotHtml, pictures } = pageArticle(readable.content, files);
    const bodyText = bodyToPlainText(body);
    if (bodyText.trim() === '') {
      throw refuse(`${fileName} has no article text Copydesk can find: it may be an index page or an empty page.`);
    }

    const article = blankImport('html', body);
    article.contentHtml = snapshotHtml;
    article.images = pictures.images;
    const leftOut = picturesNote(pictures);
    if (leftOut !== null) article.notes.push(leftOut);
    // Readability takes a page's title from its OpenGraph tags too: a site's own is no headline.
    const title = first(
      text(ld.headline),
      og.title,
      ogIsSite ? documentTitle : readable.title,
      headlineFromFileName(fileName),
    );

    const ldAuthors = (Array.isArray(ld.author) ? ld.author : ld.author === undefined ? [] : [ld.author])
      .map(nameOf)
      .filter((name) => name !== '');
    const byline = first(ldAuthors.join(', '), /^https?:/i.test(og.author) ? '' : og.author, readable.byline);
    const names = ldAuthors.length > 0 ? ldAuthors : byline === '' ? [] : [byline];
    const authors: ImportedAuthor[] = [];
    for (const raw of names) {
      const name = authorName(raw);
      if (name === '') {
        article.notes.push(`The byline "${raw}" does not read as a name; no author was set from it.`);
      } else if (!authors.some((author) => author.name === name)) {
        authors.push({ name, bio: '' });
      }
    }
    article.authors = authors.slice(0, 20);
    const siteName = first(nameOf(ld.publisher), og.site, readable.siteName);
    const namedBy = [
      siteName,
      og.site,
      readable.siteName ?? '',
      ...['twitter:site', 'application-name', 'apple-mobile-web-app-title', 'author'].map((key) =>
        metaContent(meta, key),
      ),
      ...names,
      ...authors.map((author) => author.name),
    ];
    article.headline = cutAtWord(headlineWithoutSite(title, namedBy, headings), 500);

    const published = first(text(ld.datePublished), og.published, readable.publishedTime);
    article.datelineDate = calendarDate(published);
    article.language =
      languageTag(typeof ld.inLanguage === 'string' ? ld.inLanguage : nameOf(ld.inLanguage)) ??
      languageTag(og.locale) ??
      languageTag(readable.lang ?? '') ??
      languageTag(doc.documentElement.getAttribute('lang') ?? '');

    let dek = first(text(ld.description), og.description, description, readable.excerpt);
    // Readability falls back to the first paragraph when a page has no description: not a dek.
    if (dek !== '' && collapseSpace(bodyText).startsWith(dek)) dek = '';
    article.dek = cutAtWord(dek, 2000);

    article.section = cutAtWord(first(text(ld.articleSection), og.section), 100);
    const keywords = Array.isArray(ld.keywords)
      ? ld.keywords.map((keyword) => text(keyword))
      : text(ld.keywords).split(',');
    article.tags = [...new Set([...meta.tags, ...keywords].map(collapseSpace).filter((tag) => tag !== ''))]
      .filter((tag) => tag.length <= 100)
      .slice(0, 20);

    const imageUrl = webUrl(first(firstUrl(ld.image), og.image));
    if (imageUrl !== '') article.leadImage = { url: imageUrl, caption: '', credit: '' };
    article.source = {
      url,
      siteName,
      publishedTime: published,
    };
    return article;
  }
}
