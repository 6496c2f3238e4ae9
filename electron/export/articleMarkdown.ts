import { stringify } from 'yaml';

import type { Block, Inline, ListBlock } from './exportBody';
import { hasText, TEXT_FORMAT } from './exportBody';
import type { ExportData } from './exportData';
import { packageImageSrc } from './bodyMarkup';
import { alsoSeeKey, GENERATOR } from './exportData';

/** Characters that mean something to Markdown anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>~|!]/g;

/** Text as Markdown shows it literally: inline syntax escaped, and block syntax at a line start. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(/^(\s*)([#+\-=]|\d+[.)])(?=\s|$)/gm, (_all, space: string, marker: string) =>
      marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
}

/** Emphasis wraps the words, never the spaces around them, or Markdown does not see it. */
function wrap(text: string, open: string, close = open): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = '', inner = '', after = ''] = match ?? [];
  return inner === '' ? text : `${before}${open}${inner}${close}${after}`;
}

/** A link's address as a Markdown link destination: normalised, its parentheses escaped. */
function markdownHref(url: string): string {
  return new URL(url).href.replace(/[()]/g, (char) => `\\${char}`);
}

function inlineMarkdown(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'dateline':
          return `**${escapeMarkdown(inline.text)}** `;
        case 'text': {
          if ((inline.format & TEXT_FORMAT.code) !== 0) {
            const fence = inline.text.includes('`') ? '``' : '`';
            return wrap(inline.text.replace(/\n/g, ' '), fence);
          }
          let text = escapeMarkdown(inline.text);
          if ((inline.format & TEXT_FORMAT.strikethrough) !== 0) text = wrap(text, '~~');
          if ((inline.format & TEXT_FORMAT.italic) !== 0) text = wrap(text, '*');
          if ((inline.format & TEXT_FORMAT.bold) !== 0) text = wrap(text, '**');
          return text;
        }
        case 'break':
          return '\\\n';
        case 'link':
          return `[${inlineMarkdown(inline.children)}](${markdownHref(inline.url)})`;
        case 'mark':
          return inlineMarkdown(inline.children);
      }
    })
    .join('');
}

function listMarkdown(list: ListBlock, indent: string): string[] {
  const lines: string[] = [];
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${list.start + index}.` : '-';
    const pad = `${indent}${' '.repeat(marker.length + 1)}`;
    const [first = '', ...rest] = inlineMarkdown(item.children).split('\n');
    lines.push(`${indent}${marker} ${first}`, ...rest.map((line) => `${pad}${line}`));
    for (const nested of item.lists) lines.push(...listMarkdown(nested, pad));
  });
  return lines;
}

function blockMarkdown(block: Block, data: ExportData, imageSrc: (assetId: string) => string | null): string {
  switch (block.kind) {
    case 'paragraph':
      return hasText(block.children) ? inlineMarkdown(block.children) : '';
    case 'heading':
      return hasText(block.children)
        ? `${'#'.repeat(block.level)} ${inlineMarkdown(block.children).replace(/\\\n/g, ' ')}`
        : '';
    case 'quote':
      return hasText(block.children)
        ? inlineMarkdown(block.children)
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')
        : '';
    case 'list':
      return listMarkdown(block, '').join('\n');
    case 'rule':
      return '***';
    case 'image': {
      const src = imageSrc(block.assetId);
      if (src === null) return '';
      const alt = escapeMarkdown(block.altText || block.caption).replace(/\n/g, ' ');
      const about = [block.caption, block.credit].filter((text) => text !== '').map(escapeMarkdown);
      return `![${alt}](${src})${about.length === 0 ? '' : `\n*${about.join(' — ')}*`}`;
    }
    case 'also-see': {
      const linked = data.alsoSee.get(alsoSeeKey(block));
      if (linked === null || linked === undefined) return '';
      const headline = escapeMarkdown(linked.headline);
      return `**Also See:** ${linked.url === null ? `*${headline}*` : `[${headline}](${markdownHref(linked.url)})`}`;
    }
  }
}

/** The front matter: the fields Copydesk's Markdown import reads, then the rest of the package's metadata. */
function frontMatter(data: ExportData): Record<string, unknown> {
  const { article } = data;
  const lead = data.images.find((image) => image.role === 'lead');
  return {
    title: article.headline,
    dek: article.dek,
    authors: article.authors.map((author) => ({ name: author.name, bio: author.bio })),
    byline: article.byline,
    dateline: article.dateline,
    ...(article.datelineDate === '' ? {} : { date: article.datelineDate }),
    section: article.section,
    tags: article.tags,
    language: article.language,
    slug: article.slug,
    syndication_credit: article.syndicationCredit,
    ...(article.embargoUntil === null ? {} : { embargoed: article.embargoUntil }),
    ...(article.publishAt === null ? {} : { publish_at: article.publishAt }),
    ...(article.seoHeadline === '' ? {} : { seo_title: article.seoHeadline }),
    ...(article.socialHeadline === '' ? {} : { social_title: article.socialHeadline }),
    ...(article.seoDescription === '' ? {} : { seo_description: article.seoDescription }),
    ...(lead === undefined
      ? {}
      : {
          lead_image: {
            path: lead.path,
            caption: lead.caption,
            credit: lead.credit,
            ...(lead.altText === '' ? {} : { alt_text: lead.altText }),
          },
        }),
    related: data.related.map((item) => ({
      headline: item.headline,
      teaser: item.teaser,
      ...(item.articleId === null ? {} : { uri: `urn:uuid:${item.articleId}` }),
      ...(item.url === null ? {} : { url: item.url }),
    })),
    id: data.uri,
    version: article.version,
    word_count: article.wordCount,
    created: article.createdAt,
    updated: article.updatedAt,
    generator: `${GENERATOR.name} ${GENERATOR.version}`,
  };
}

/**
 * article.md: YAML front matter (between "---" lines) with the article's fields, then the body
 * in CommonMark: dateline in bold, headings, quotes, lists, links, images from the package's
 * assets with caption and credit, Also See lines; the syndication credit closes the text.
 */
export function articleMarkdown(data: ExportData): string {
  const imageSrc = packageImageSrc(data);
  const body = data.blocks.map((block) => blockMarkdown(block, data, imageSrc)).filter((text) => text !== '');
  if (data.article.syndicationCredit !== '') body.push(`*${escapeMarkdown(data.article.syndicationCredit)}*`);
  const yaml = stringify(frontMatter(data), { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.join('\n\n')}\n`;
}
