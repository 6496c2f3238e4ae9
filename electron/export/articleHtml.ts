import { utcWords } from '../../shared/storyTimes';
import { bodyMarkup, escapeMarkup, figureMarkup, packageImageSrc } from './bodyMarkup';
import type { ExportData } from './exportData';
import { GENERATOR, readableDate, urn } from './exportData';

/**
 * What article.html may load: its own inline styles and the package's images, nothing else.
 * The JSON-LD block is data, not script, and runs nowhere.
 */
export const ARTICLE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' file:";

const STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --rule: #d8d8de; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 44rem; padding: 2rem 1.5rem 4rem; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
header { margin-bottom: 1.5rem; }
.kicker, .byline, .meta, figcaption, footer h2, .also-see { font-family: system-ui, sans-serif; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--muted); margin: 0; }
h1 { font-size: 2.2rem; line-height: 1.15; margin: 0.3rem 0 0.6rem; }
.dek { font-size: 1.2rem; color: var(--muted); margin: 0 0 0.8rem; }
.byline { font-weight: 600; margin: 0; }
.meta { color: var(--muted); font-size: 0.85rem; margin: 0.2rem 0 0; }
.embargo { font: 700 0.85rem/1.4 system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.06em; color: #8a1c1c; margin: 0 0 0.6rem; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.4rem; }
figcaption .credit { text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.75rem; }
.dateline { font-weight: 700; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
.also-see { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); margin: 1.2rem 0; padding: 0.4rem 0; font-size: 0.95rem; }
.also-see p { margin: 0; }
footer { margin-top: 2.5rem; border-top: 3px double var(--rule); }
footer h2 { font-size: 1rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 1.5rem 0 0.5rem; }
.syndication-credit { font-style: italic; color: var(--muted); }
.author h3 { font: 600 1rem/1.3 system-ui, sans-serif; margin: 0.6rem 0 0.2rem; }
.author p { margin: 0; font-size: 0.95rem; }
.related ul { list-style: none; padding: 0; }
.related li { margin: 0 0 1rem; }
.related h3 { font-size: 1.05rem; margin: 0 0 0.2rem; }
.related p { margin: 0; font-size: 0.95rem; color: var(--muted); }
@media print { body { padding: 0; } }
`;

/**
 * The date under the byline. The story's date is its dateline date, the date the text itself
 * gives; a story without one shows when it was last changed, said as such, never the day of the
 * export passed off as the story's date.
 */
function storyDateMarkup(article: ExportData['article']): string {
  if (article.datelineDate !== '') {
    return `<time datetime="${escapeMarkup(article.datelineDate)}">${escapeMarkup(readableDate(article.datelineDate))}</time>`;
  }
  return `Last changed <time datetime="${escapeMarkup(article.updatedAt)}">${escapeMarkup(readableDate(article.updatedAt))}</time>`;
}

/** JSON text safe inside a <script> data block: no "</script>" or "<!--" can end it early. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What search results show under the page's title: the SEO description, else the dek. */
function pageDescription(article: ExportData['article']): string {
  return article.seoDescription || article.dek;
}

/**
 * The page's meta tags for search results and social posts: the description, and the Open Graph
 * title, description, type and publication time that link previews read. The social headline is
 * the title a post shows; without one, the headline.
 */
function pageMetaTags(data: ExportData): string {
  const { article } = data;
  const description = pageDescription(article);
  const meta = (attribute: 'name' | 'property', key: string, content: string) =>
    content === '' ? '' : `<meta ${attribute}="${key}" content="${escapeMarkup(content)}">\n`;
  return [
    meta('name', 'description', description),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', article.socialHeadline || article.headline),
    meta('property', 'og:description', description),
    meta('property', 'og:url', data.url ?? ''),
    meta('property', 'article:published_time', article.publishAt ?? ''),
    meta('property', 'article:section', article.section),
  ].join('');
}

/**
 * The schema.org NewsArticle describing the article, embedded in article.html. Only terms of
 * the schema.org vocabulary: the package's tests check each one against it.
 */
export function newsArticleJsonLd(data: ExportData): Record<string, unknown> {
  const { article } = data;
  const image = data.images.find((candidate) => candidate.role === 'lead');
  const alternativeHeadlines = [...new Set([article.seoHeadline, article.socialHeadline])].filter(
    (headline) => headline !== '' && headline !== article.headline,
  );
  const published = article.publishAt ?? article.datelineDate;
  const node: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': data.uri,
    identifier: article.id,
    headline: article.headline,
    ...(alternativeHeadlines.length === 0
      ? {}
      : { alternativeHeadline: alternativeHeadlines.length === 1 ? alternativeHeadlines[0] : alternativeHeadlines }),
    inLanguage: article.language,
    dateCreated: article.createdAt,
    dateModified: article.updatedAt,
    // When it goes out, if a time is set; else the story's own date, as the page shows it: the dateline date.
    ...(published === '' ? {} : { datePublished: published }),
    // The embargo: the story's publication may start no earlier.
    ...(article.embargoUntil === null
      ? {}
      : {
          publication: {
            '@type': 'PublicationEvent',
            name: 'End of embargo',
            startDate: article.embargoUntil,
          },
        }),
    ...(data.url === null ? {} : { url: data.url }),
    wordCount: article.wordCount,
    articleBody: data.plainText,
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      ...(author.bio === '' ? {} : { description: author.bio }),
    })),
  };
  const description = pageDescription(article);
  if (description !== '') node.description = description;
  if (article.seoDescription !== '' && article.dek !== '') node.abstract = article.dek;
  if (article.section !== '') node.articleSection = article.section;
  if (article.tags.length > 0) node.keywords = article.tags;
  if (article.dateline !== '') node.locationCreated = { '@type': 'Place', name: article.dateline };
  if (article.syndicationCredit !== '') node.creditText = article.syndicationCredit;
  if (data.images.length > 0) {
    node.image = data.images.map((candidate) => ({
      '@type': 'ImageObject',
      contentUrl: candidate.path,
      encodingFormat: candidate.asset.mimeType,
      width: candidate.asset.width,
      height: candidate.asset.height,
      ...(candidate.caption === '' ? {} : { caption: candidate.caption }),
      // The alt text: what the picture shows, for someone who cannot see it.
      ...(candidate.altText === '' ? {} : { description: candidate.altText }),
      ...(candidate.credit === '' ? {} : { creditText: candidate.credit }),
      representativeOfPage: candidate === image,
    }));
  }
  const linked = [...data.alsoSee.values()].flatMap((entry) => (entry === null ? [] : [entry]));
  const related = [
    ...linked.map((entry) => ({
      '@type': 'NewsArticle',
      '@id': entry.id === null ? entry.uri : urn(entry.id),
      headline: entry.headline,
      ...(entry.url === null ? {} : { url: entry.url }),
    })),
    ...data.related.map((item) => ({
      '@type': 'NewsArticle',
      ...(item.articleId === null ? {} : { '@id': urn(item.articleId) }),
      headline: item.headline,
      ...(item.teaser === '' ? {} : { abstract: item.teaser }),
      ...(item.url === null ? {} : { url: item.url }),
    })),
  ];
  if (related.length > 0) node.mentions = related;
  if (data.sources.length > 0) {
    node.citation = data.sources.map((source) => ({
      '@type': 'CreativeWork',
      name: source.title,
      ...(source.url === '' ? {} : { url: source.url }),
      ...(source.publisher === '' ? {} : { publisher: { '@type': 'Organization', name: source.publisher } }),
      ...(source.author === '' ? {} : { author: { '@type': 'Person', name: source.author } }),
      ...(source.publishedDate === '' ? {} : { datePublished: source.publishedDate }),
    }));
  }
  return node;
}

function authorsSection(data: ExportData): string {
  const authors = data.article.authors;
  if (authors.length === 0) return '';
  const title = authors.length === 1 ? 'About the author' : 'About the authors';
  return `<section class="authors" aria-labelledby="authors-title"><h2 id="authors-title">${title}</h2>${authors
    .map(
      (author) =>
        `<div class="author"><h3>${escapeMarkup(author.name)}</h3>${author.bio === '' ? '' : `<p>${escapeMarkup(author.bio)}</p>`}</div>`,
    )
    .join('')}</section>`;
}

function relatedSection(data: ExportData): string {
  const related = data.related;
  if (related.length === 0) return '';
  return `<section class="related" aria-labelledby="related-title"><h2 id="related-title">Related</h2><ul>${related
    .map((item) => {
      const headline = escapeMarkup(item.headline);
      // Linked where a reader can find the story; an identifier of the library is no address.
      const title =
        item.url === null ? headline : `<a href="${escapeMarkup(item.url)}" rel="noreferrer">${headline}</a>`;
      return `<li><h3>${title}</h3>${item.teaser === '' ? '' : `<p>${escapeMarkup(item.teaser)}</p>`}</li>`;
    })
    .join('')}</ul></section>`;
}

/**
 * article.html: the story as a standalone, styled page a person can read in any browser —
 * section, headline, dek, byline and date, the lead image with its caption and credit, the
 * body with its dateline and Also See links, the syndication credit, the authors' bios and
 * the related list — with the schema.org NewsArticle embedded as JSON-LD. Every piece of
 * library text is escaped; there is no script, and the Content-Security-Policy allows only
 * the page's own styles and the package's images.
 */
export function articleHtml(data: ExportData): string {
  const { article } = data;
  const headline = article.headline === '' ? 'Untitled article' : article.headline;
  // The page's title is what search results show: the SEO headline, when the story has one.
  const title = article.seoHeadline || headline;
  const lead = data.images.find((image) => image.role === 'lead');
  const body = bodyMarkup(data, { imageSrc: packageImageSrc(data) });
  return `<!doctype html>
<html lang="${escapeMarkup(article.language || 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ARTICLE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${escapeMarkup(`${GENERATOR.name} ${GENERATOR.version}`)}">
${pageMetaTags(data)}${data.url === null ? '' : `<link rel="canonical" href="${escapeMarkup(data.url)}">\n`}<title>${escapeMarkup(title)}</title>
<style>${STYLE}</style>
<script type="application/ld+json">
${jsonInHtml(newsArticleJsonLd(data))}
</script>
</head>
<body>
<article>
<header>
${
  article.embargoUntil === null
    ? ''
    : `<p class="embargo">Embargoed until <time datetime="${escapeMarkup(article.embargoUntil)}">${escapeMarkup(utcWords(article.embargoUntil))}</time></p>\n`
}${article.section === '' ? '' : `<p class="kicker">${escapeMarkup(article.section)}</p>\n`}<h1>${escapeMarkup(headline)}</h1>
${article.dek === '' ? '' : `<p class="dek">${escapeMarkup(article.dek)}</p>\n`}${
    article.byline === '' ? '' : `<p class="byline">By ${escapeMarkup(article.byline)}</p>\n`
  }<p class="meta">${storyDateMarkup(article)}</p>
</header>
${lead === undefined ? '' : `${figureMarkup(lead.path, { ...lead, width: lead.asset.width, height: lead.asset.height }, 'lead-image')}\n`}<div class="article-body">
${body}
</div>
<footer>
${article.syndicationCredit === '' ? '' : `<p class="syndication-credit">${escapeMarkup(article.syndicationCredit)}</p>\n`}${authorsSection(data)}
${relatedSection(data)}
</footer>
</article>
</body>
</html>
`;
}
