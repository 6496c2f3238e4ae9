import { v5 as uuidv5 } from 'uuid';

import { utcWords } from '../../shared/storyTimes';
import { countWords } from '../../shared/text';
import { bodyMarkup, packageImageSrc } from './bodyMarkup';
import type { ExportData, PackageImage } from './exportData';
import { characterCount, niUri, urn } from './exportData';
import type { Entity } from '../related/entities';

/** The ninjs version written, and the schema that defines it. */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '2.2',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json',
} as const;

/** IPTC's infosource role for the party the content originally came from. */
export const ORIGINAL_SOURCE_ROLE = 'http://cv.iptc.org/newscodes/infosourcerole/originfo';

type Ninjs = Record<string, unknown>;

/**
 * The organisation named in a syndication credit: "Sourced from Arab News" → "Arab News".
 * A credit that is only a name stays as it is.
 */
export function syndicationSource(credit: string): string {
  return credit
    .trim()
    .replace(
      /^(?:this (?:news|story|article) is\s+)?(?:sourced|reprinted|republished|taken|syndicated)?\s*(?:from|via|by|courtesy of)\s+/i,
      '',
    )
    .replace(/^©\s*/, '')
    .replace(/[\s.]+$/, '')
    .trim();
}

/**
 * An image as a ninjs association: a picture with its caption and credit and one rendition,
 * the file in the package. ninjs wants absolute URIs, so the rendition's href names the
 * file's bytes by their SHA-256 (RFC 6920, the same hash the manifest lists) and its title
 * is the file's path inside the package.
 */
function imageAssociation(name: string, image: PackageImage): Ninjs {
  const association: Ninjs = {
    name,
    uri: urn(image.asset.id),
    type: 'picture',
    representationtype: 'full',
    renditions: [
      {
        name: 'original',
        href: niUri(image.asset.sha256),
        title: image.path,
        contenttype: image.asset.mimeType,
        width: image.asset.width,
        height: image.asset.height,
        sizeinbytes: image.asset.byteLength,
      },
    ],
  };
  const descriptions = [
    ...(image.caption === '' ? [] : [{ role: 'caption', contenttype: 'text/plain', value: image.caption }]),
    ...(image.credit === '' ? [] : [{ role: 'creditline', contenttype: 'text/plain', value: image.credit }]),
    // IPTC's "Alt Text (Accessibility)": for someone who cannot see the picture, apart from its caption.
    ...(image.altText === '' ? [] : [{ role: 'alttext', contenttype: 'text/plain', value: image.altText }]),
  ];
  if (descriptions.length > 0) association.descriptions = descriptions;
  if (image.credit !== '') association.by = image.credit;
  return association;
}

/** The headlines of a story for each place it appears, by their ninjs role: main, subhead (the dek), seo, social. */
export function ninjsHeadlines(article: ExportData['article']): { role: string; contenttype: string; value: string }[] {
  return [
    { role: 'main', value: article.headline },
    { role: 'subhead', value: article.dek },
    { role: 'seo', value: article.seoHeadline },
    { role: 'social', value: article.socialHeadline },
  ]
    .filter((headline) => headline.role === 'main' || headline.value !== '')
    .map((headline) => ({ ...headline, contenttype: 'text/plain' }));
}

/**
 * An editor's note for whoever receives the package, on when the story may run: "Embargoed
 * until 2026-06-09 08:00 UTC. Scheduled for publication at 2026-06-09 09:00 UTC
 * (2026-06-09T09:00:00.000Z)." The embargo's instant is also in the format's own `embargoed`;
 * the publication time has no place of its own in ninjs or a NewsML-G2 newsItem, so its exact
 * instant is written here, where an import reads it back.
 */
export function timingNote(article: Pick<ExportData['article'], 'embargoUntil' | 'publishAt'>): string {
  const parts: string[] = [];
  if (article.embargoUntil !== null) parts.push(`Embargoed until ${utcWords(article.embargoUntil)}.`);
  if (article.publishAt !== null) {
    parts.push(`Scheduled for publication at ${utcWords(article.publishAt)} (${article.publishAt}).`);
  }
  return parts.join(' ');
}

/**
 * article.ninjs.json: the article as an IPTC ninjs 2.2 news item — headlines (main, subhead, and
 * the SEO and social headlines), description (the dek, and the SEO description), the embargo, the body as XHTML and as plain text with word and character counts, byline and
 * authors, dateline place, the syndication credit as infosource, copyright holder and usage
 * terms, the lead image as the "featureimage" association, inline images, Also See and related
 * articles as associations, language, timestamps and the `standard` it follows. Author bios,
 * claims and verdicts are not here: ninjs has no place for them and refuses unknown
 * properties (they are in article.html, claims.jsonld and annotations.jsonld).
 */
export function articleNinjs(data: ExportData): Ninjs {
  const { article } = data;
  const xhtml = bodyMarkup(data, { imageSrc: packageImageSrc(data) });
  const words = countWords(data.plainText);
  const source = syndicationSource(article.syndicationCredit);
  const holder = source !== '' ? source : article.byline;

  const ninjs: Ninjs = {
    uri: data.uri,
    standard: { ...NINJS_STANDARD },
    type: 'text',
    representationtype: 'full',
    profile: data.images.length > 0 ? 'text-photo' : 'text-only',
    version: String(article.version),
    firstcreated: article.createdAt,
    versioncreated: article.updatedAt,
    contentcreated: article.createdAt,
    pubstatus: 'usable',
    language: article.language,
    slugline: article.slug,
    altids: [{ role: 'copydesk-article', value: article.id }],
    headlines: ninjsHeadlines(article),
    bodies: [
      {
        role: 'main',
        contenttype: 'application/xhtml+xml',
        charcount: characterCount(data.plainText),
        wordcount: words,
        value: xhtml,
      },
      {
        role: 'plain',
        contenttype: 'text/plain',
        charcount: characterCount(data.plainText),
        wordcount: words,
        value: data.plainText,
      },
    ],
  };
  const descriptions = [
    ...(article.dek === '' ? [] : [{ role: 'summary', contenttype: 'text/plain', value: article.dek }]),
    ...(article.seoDescription === ''
      ? []
      : [{ role: 'seo', contenttype: 'text/plain', value: article.seoDescription }]),
  ];
  if (descriptions.length > 0) ninjs.descriptions = descriptions;
  if (article.embargoUntil !== null) ninjs.embargoed = article.embargoUntil;
  const note = timingNote(article);
  if (note !== '') ninjs.ednote = note;
  if (article.byline !== '') ninjs.by = article.byline;
  // The names the story mentions (found when it was last analysed) after the byline, the
  // dateline and the sources' publishers.
  const mentioned = (kind: Entity['kind']) =>
    data.entities.filter((entity) => entity.kind === kind).map((entity) => ({ name: entity.name, rel: 'mentioned' }));
  const people = [
    ...article.authors.map((author) => ({ name: author.name, rel: 'author', literal: author.id })),
    ...mentioned('person').filter((person) => !article.authors.some((author) => author.name === person.name)),
  ];
  if (people.length > 0) ninjs.people = people;
  if (article.dateline !== '') ninjs.located = article.dateline;
  const places = [
    ...(article.dateline === '' ? [] : [{ name: article.dateline, rel: 'located' }]),
    // The dateline's city is named once, as where the story is from.
    ...mentioned('place').filter(
      (place) => place.name.toLocaleLowerCase('en') !== article.dateline.toLocaleLowerCase('en'),
    ),
  ];
  if (places.length > 0) ninjs.places = places;
  const publishers = [...new Set(data.sources.map((item) => item.publisher).filter((name) => name !== ''))];
  const organisations = [...publishers.map((name) => ({ name, rel: 'source' })), ...mentioned('organisation')];
  if (organisations.length > 0) ninjs.organisations = organisations;
  if (source !== '')
    ninjs.infosources = [{ name: source, role: ORIGINAL_SOURCE_ROLE, literal: article.syndicationCredit }];
  if (holder !== '') {
    ninjs.copyrightholder = holder;
    ninjs.usageterms =
      source !== ''
        ? `Syndicated content. Publish only with the credit "${article.syndicationCredit}".`
        : `Copyright ${holder}. Publish only with the byline.`;
  }
  if (article.section !== '' || article.tags.length > 0) {
    ninjs.subjects = [
      ...(article.section === '' ? [] : [{ name: article.section, rel: 'section' }]),
      ...article.tags.map((tag) => ({ name: tag, rel: 'about' })),
    ];
  }

  const associations: Ninjs[] = [];
  let inline = 0;
  for (const image of data.images) {
    if (image.role === 'lead') associations.push(imageAssociation('featureimage', image));
    else associations.push(imageAssociation(`image${(inline += 1)}`, image));
  }
  for (const linked of data.alsoSee.values()) {
    if (linked === null) continue;
    associations.push({
      name: 'alsosee',
      uri: linked.uri,
      type: 'text',
      representationtype: 'partial',
      ...(linked.id === null ? {} : { altids: [{ role: 'copydesk-article', value: linked.id }] }),
      headlines: [{ role: 'main', value: linked.headline }],
    });
  }
  for (const item of article.related) {
    associations.push({
      name: 'related',
      // A story the library does not have still needs a URI: one derived from its headline, stable across exports.
      uri: urn(item.articleId ?? uuidv5(item.headline, article.id)),
      type: 'text',
      representationtype: 'partial',
      ...(item.articleId === null ? {} : { altids: [{ role: 'copydesk-article', value: item.articleId }] }),
      headlines: [{ role: 'main', value: item.headline }],
      ...(item.teaser === '' ? {} : { descriptions: [{ role: 'summary', value: item.teaser }] }),
    });
  }
  if (associations.length > 0) ninjs.associations = associations;
  return ninjs;
}
