import { countWords } from '../../shared/text';
import { bodyMarkup, escapeMarkup, packageImageSrc } from './bodyMarkup';
import type { ExportData } from './exportData';
import { characterCount, GENERATOR, urn } from './exportData';
import { ORIGINAL_SOURCE_ROLE, syndicationSource, timingNote } from './ninjs';

/** The NewsML-G2 concept types (IPTC cpnature) of the names Copydesk finds. */
const ENTITY_CONCEPT_TYPES = { person: 'person', place: 'geoArea', organisation: 'organisation' } as const;

/** The NewsML-G2 version written. */
export const NEWSML_VERSION = '2.35';

/** IPTC's catalog of the NewsCodes the item's QCodes (ninat:, stat:, irel:…) come from. */
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml';

const e = escapeMarkup;

/**
 * Where a headline or description other than the main ones is used. IPTC has no NewsCodes for a
 * headline written for search results or social posts, so Copydesk names them by URI.
 */
export const NEWSML_ROLES = {
  seoHeadline: 'urn:x-copydesk:headline-role:seo',
  socialHeadline: 'urn:x-copydesk:headline-role:social',
  seoDescription: 'urn:x-copydesk:description-role:seo',
} as const;

/** An element with text content, or nothing when the text is empty. */
function textElement(name: string, text: string, attributes = ''): string {
  return text === '' ? '' : `<${name}${attributes}>${e(text)}</${name}>`;
}

/**
 * article.newsml.xml: the article as a NewsML-G2 2.35 newsItem (Power conformance) with the
 * same metadata as the ninjs item — rights, item metadata (the embargo, a note of when the story
 * may run, links to the images with their alt text, Also See and related articles), content
 * metadata (timestamps, dateline place, syndication source, authors with their bios, language,
 * section and tags, slug, the headline and the SEO and social headlines, dateline, byline,
 * credit, the dek as summary and the SEO description) — and the body as XHTML inline. It
 * validates against IPTC's XML Schema.
 */
export function articleNewsml(data: ExportData): string {
  const { article } = data;
  const lang = e(article.language || 'en');
  const source = syndicationSource(article.syndicationCredit);
  const holder = source !== '' ? source : article.byline;
  const xhtml = bodyMarkup(data, { imageSrc: packageImageSrc(data) });

  const links = [
    ...data.images.map(
      (image) =>
        `<link rel="irel:associatedWith" href="${e(image.path)}" contenttype="${e(image.asset.mimeType)}" title="${e(
          [image.caption, image.credit].filter((text) => text !== '').join(' — ') || image.asset.originalName,
        )}"${
          // The picture's alt text as IPTC's description role for it (drol:altText), inside its link.
          image.altText === ''
            ? '/>'
            : `><description role="drol:altText" xml:lang="${lang}">${e(image.altText)}</description></link>`
        }`,
    ),
    ...[...data.alsoSee.values()].flatMap((linked) =>
      linked === null ? [] : [`<link rel="irel:seeAlso" href="${e(linked.uri)}" title="${e(linked.headline)}"/>`],
    ),
    ...data.related.map((item) =>
      item.articleId === null
        ? ''
        : `<link rel="irel:seeAlso" href="${e(item.url ?? urn(item.articleId))}" title="${e(item.headline)}"/>`,
    ),
  ].filter((link) => link !== '');

  const rights =
    holder === ''
      ? ''
      : `<rightsInfo>
<copyrightHolder><name>${e(holder)}</name></copyrightHolder>
<usageTerms xml:lang="${lang}">${e(
          source !== ''
            ? `Syndicated content. Publish only with the credit "${article.syndicationCredit}".`
            : `Copyright ${holder}. Publish only with the byline.`,
        )}</usageTerms>
</rightsInfo>
`;

  const contentMeta = [
    `<contentCreated>${e(article.createdAt)}</contentCreated>`,
    `<contentModified>${e(article.updatedAt)}</contentModified>`,
    article.dateline === '' ? '' : `<located><name>${e(article.dateline)}</name></located>`,
    source === '' ? '' : `<infoSource roleuri="${ORIGINAL_SOURCE_ROLE}"><name>${e(source)}</name></infoSource>`,
    ...article.authors.map(
      (author) =>
        `<creator literal="${e(author.id)}"><name>${e(author.name)}</name>${
          author.bio === ''
            ? ''
            : `<definition xml:lang="${lang}" role="definitionrole:biog">${e(author.bio)}</definition>`
        }</creator>`,
    ),
    `<language tag="${lang}"/>`,
    ...article.tags.map((tag) => textElement('keyword', tag)),
    article.section === ''
      ? ''
      : `<subject type="cpnat:abstract" literal="${e(article.section)}"><name>${e(article.section)}</name></subject>`,
    // The people, places and organisations the story names.
    ...data.entities.map(
      (entity) =>
        `<subject type="cpnat:${ENTITY_CONCEPT_TYPES[entity.kind]}" literal="${e(entity.name)}"><name>${e(entity.name)}</name></subject>`,
    ),
    textElement('slugline', article.slug),
    textElement('headline', article.headline),
    textElement('headline', article.seoHeadline, ` roleuri="${NEWSML_ROLES.seoHeadline}"`),
    textElement('headline', article.socialHeadline, ` roleuri="${NEWSML_ROLES.socialHeadline}"`),
    textElement('dateline', data.datelineLabel.replace(/:$/, '')),
    textElement('by', article.byline),
    textElement('creditline', article.syndicationCredit),
    textElement('description', article.dek, ' role="drol:summary"'),
    textElement('description', article.seoDescription, ` roleuri="${NEWSML_ROLES.seoDescription}"`),
  ].filter((line) => line !== '');
  const note = timingNote(article);

  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${e(data.uri)}" version="${article.version}" standard="NewsML-G2" standardversion="${NEWSML_VERSION}" conformance="power" xml:lang="${lang}">
<catalogRef href="${IPTC_CATALOG}"/>
${rights}<itemMeta>
<itemClass qcode="ninat:text"/>
<provider literal="${e(GENERATOR.name)}"/>
<versionCreated>${e(article.updatedAt)}</versionCreated>
<firstCreated>${e(article.createdAt)}</firstCreated>
${article.embargoUntil === null ? '' : `<embargoed>${e(article.embargoUntil)}</embargoed>\n`}<pubStatus qcode="stat:usable"/>
<generator versioninfo="${e(GENERATOR.version)}">${e(GENERATOR.name)}</generator>
${note === '' ? '' : `<edNote xml:lang="${lang}">${e(note)}</edNote>\n`}${links.join('\n')}${links.length === 0 ? '' : '\n'}</itemMeta>
<contentMeta>
${contentMeta.join('\n')}
</contentMeta>
<contentSet>
<inlineXML contenttype="application/xhtml+xml" wordcount="${countWords(data.plainText)}" charcount="${characterCount(data.plainText)}">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="${lang}"><head><title>${e(article.headline)}</title></head><body>
${xhtml}
</body></html>
</inlineXML>
</contentSet>
</newsItem>
`;
}
